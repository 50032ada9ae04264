package org.coreg.app.sessionfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.coreg.app.Role;
import org.coreg.app.Workstation;
import org.coreg.app.demo.SyntheticHead;
import org.coreg.app.load.DicomImport;
import org.coreg.app.load.DicomScan;
import org.coreg.app.load.VolumeSource;
import org.coreg.app.session.Session;
import org.coreg.app.session.TransformLibrary;
import org.coreg.app.task.CancelToken;
import org.coreg.app.task.ExecutorTaskRunner;
import org.coreg.app.task.TaskHandle;
import org.coreg.app.transforms.HardenMoving;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;
import org.coreg.io.ImageFormats;
import org.coreg.io.dicom.DicomReadOptions;
import org.coreg.io.dicom.SyntheticSeries;
import org.coreg.io.dicom.TransferSyntax;
import org.coreg.points.PlanningPoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sessions reopen whatever they hold: volumes read from DICOM folders (folder, series, read options), hardened
 * volumes (recomputed from their source), and what cannot be read is named while the rest opens.
 */
@Timeout(120)
class SessionSourcesTest {
    private static final double[] AXIAL = {1, 0, 0, 0, 1, 0};
    private static final double[] CORONAL = {1, 0, 0, 0, 0, -1};
    private static final String AXIAL_UID = "1.2.826.0.1.3680043.9.7.1";
    private static final String CORONAL_UID = "1.2.826.0.1.3680043.9.7.2";

    @TempDir
    Path dir;
    private final ImageFormats formats = ImageFormats.standard();
    private ExecutorService workers;
    private ExecutorService callbacks;
    private final List<String> errors = new ArrayList<>();

    @BeforeEach
    void setUp() {
        workers = Executors.newSingleThreadExecutor();
        callbacks = Executors.newSingleThreadExecutor();
    }

    @AfterEach
    void tearDown() {
        workers.shutdownNow();
        callbacks.shutdownNow();
    }

    private static int value(int i, int j, int k) {
        return 1000 + i + 40 * j + 1000 * k;
    }

    private Workstation newWorkstation() {
        return new Workstation(new Session(), new ExecutorTaskRunner(workers, callbacks), formats::read,
                (f, m, o, l, c) -> {
                    throw new UnsupportedOperationException("this test does not register");
                }, errors::add);
    }

    private void await(TaskHandle h) throws Exception {
        for (int i = 0; i < 6000 && !h.isDone(); i++) {
            Thread.sleep(5);
        }
        assertThat(h.isDone()).as("task finished").isTrue();
        callbacks.submit(() -> { }).get(); // the outcome callback runs just after the task is marked done
    }

    private <T> T onCallbackThread(java.util.concurrent.Callable<T> c) throws Exception {
        return callbacks.submit(c).get(30, TimeUnit.SECONDS);
    }

    /** Loads series {@code uid} of {@code folder} through the workstation's DICOM import, as the menu does. */
    private void loadDicom(Workstation w, Role role, Path folder, String uid, DicomReadOptions options)
            throws Exception {
        DicomImport dicom = new DicomImport(w.session(), w.tasks(), errors::add, w::rememberSource);
        DicomScan scan = DicomImport.scanNow(folder, (d, t) -> true, new CancelToken());
        int index = -1;
        for (int i = 0; i < scan.series().size(); i++) {
            if (scan.series().get(i).uid().equals(uid)) {
                index = i;
            }
        }
        CompletableFuture<Object> asked = new CompletableFuture<>();
        await(dicom.load(role, scan, index, options, asked::complete));
        assertThat(asked).as("no question for these options").isNotDone();
        assertThat(errors).isEmpty();
    }

    @Test
    void aSessionOfTwoDicomSeriesIsSavedClosedAndReopenedFromTheFolder() throws Exception {
        Path dicom = dir.resolve("pacs export");
        SyntheticSeries.write(dicom.resolve("a"), TransferSyntax.EXPLICIT_LE, AXIAL_UID,
                new double[][] {{-10, 20, 30}, {-10, 20, 32}, {-10, 20, 34}, {-10, 20, 38}, {-10, 20, 40}}, AXIAL,
                new double[] {0.9, 0.8}, 16, 24, SessionSourcesTest::value);
        SyntheticSeries.write(dicom.resolve("c"), TransferSyntax.IMPLICIT_LE, CORONAL_UID,
                SyntheticSeries.line(new double[] {5, -7, 12}, new double[] {0, 1.5, 0}, 10), CORONAL,
                new double[] {0.5, 0.5}, 12, 20, SessionSourcesTest::value);
        Workstation before = newWorkstation();
        loadDicom(before, Role.FIXED, dicom, CORONAL_UID, DicomReadOptions.STRICT);
        // the axial series has a missing slice: it loads only resampled, and must reopen the same way
        loadDicom(before, Role.MOVING, dicom, AXIAL_UID, new DicomReadOptions(true, false));
        AffineMap t = AffineMap.ofRowMajor3x4(1, 0, 0, 2.5, 0, 1, 0, -1, 0, 0, 1, 0.5);
        SessionStore store = new SessionStore(before, formats::read, errors::add);
        Files.createDirectories(dir.resolve("sessions"));
        onCallbackThread(() -> {
            before.session().setTransform(t);
            before.session().setPoints(List.of(PlanningPoint.of("tip", 1, 2, 3)));
            store.save(dir.resolve("sessions/case.coreg.json"));
            return null;
        });
        Path file = dir.resolve("sessions/case.coreg.json");
        String text = Files.readString(file);
        assertThat(text).contains("\"dicomFolder\": \"../pacs export\"").contains("\"seriesUid\": \"" + CORONAL_UID)
                .contains("\"resampleUneven\": true").doesNotContain("\"path\": null");

        Workstation after = newWorkstation(); // a new window: nothing in memory from the first
        SessionStore opened = new SessionStore(after, formats::read, errors::add);
        await(opened.open(file, false));
        assertThat(errors).isEmpty();
        Volume f0 = before.session().fixed().orElseThrow().source();
        Volume f1 = after.session().fixed().orElseThrow().source();
        Volume m0 = before.session().moving().orElseThrow().source();
        Volume m1 = after.session().moving().orElseThrow().source();
        assertThat(f1.geometry()).isEqualTo(f0.geometry());
        assertThat(m1.geometry()).isEqualTo(m0.geometry());
        assertThat(m1.geometry().size()).containsExactly(24, 16, 6); // resampled to 2 mm: 30..40 mm
        assertThat(f1.realValue(3, 5, 7)).isEqualTo(f0.realValue(3, 5, 7)).isEqualTo(value(3, 5, 7) - 1024.0);
        assertThat(m1.realValue(2, 3, 4)).isCloseTo(m0.realValue(2, 3, 4), within(1e-9));
        assertThat(after.session().fixedToMoving()).isEqualTo(t);
        assertThat(after.session().points()).isEqualTo(before.session().points());
        assertThat(after.originOf(after.session().moving().orElseThrow())).contains(
                new VolumeSource.DicomSeriesSource(dicom.toAbsolutePath().normalize(), AXIAL_UID, "",
                        5, new DicomReadOptions(true, false)));
        // saving the reopened session writes the same file
        Path again = dir.resolve("sessions/again.coreg.json");
        onCallbackThread(() -> {
            opened.save(again);
            return null;
        });
        assertThat(Files.readString(again)).isEqualTo(text);
    }

    private Path writeVolume(String name, ImageGeometry grid, SyntheticHead.Contrast contrast) throws Exception {
        Path f = dir.resolve("images").resolve(name);
        Files.createDirectories(f.getParent());
        formats.write(SyntheticHead.render(grid, new double[3], AffineMap.identity(), contrast, name), f);
        return f;
    }

    @Test
    void aHardenedMovingVolumeIsRecomputedFromItsFileOnOpen() throws Exception {
        Path mr = writeVolume("mr.nii.gz", ImageGeometry.axisAligned(new int[] {24, 26, 20},
                new double[] {4, 4, 5}, new double[] {-46, -50, -48}), SyntheticHead.Contrast.MR);
        Path ct = writeVolume("ct.mha", ImageGeometry.axisAligned(new int[] {22, 24, 18},
                new double[] {4.2, 4.2, 5.5}, new double[] {-45, -49, -47}), SyntheticHead.Contrast.CT);
        Workstation w = newWorkstation();
        await(w.open(Role.FIXED, mr));
        await(w.open(Role.MOVING, ct));
        double a = Math.toRadians(7);
        AffineMap rigid = AffineMap.ofRowMajor3x4(Math.cos(a), -Math.sin(a), 0, 3, Math.sin(a), Math.cos(a), 0, -2,
                0, 0, 1, 1.5);
        HardenMoving harden = new HardenMoving(w.session());
        TransformLibrary.Entry e = onCallbackThread(() -> w.session().transforms().add("Registration", rigid,
                "registration: rigid"));
        var base = w.originOf(w.session().moving().orElseThrow()).orElseThrow();
        onCallbackThread(() -> {
            harden.apply(harden.prepare(e));
            w.rememberSource(w.session().moving().orElseThrow(), new VolumeSource.Hardened(base, e.name(),
                    e.fixedToMoving()));
            return null;
        });
        SessionStore store = new SessionStore(w, formats::read, errors::add);
        Path file = dir.resolve("hardened.coreg.json");
        onCallbackThread(() -> {
            store.save(file);
            return null;
        });
        assertThat(Files.readString(file)).contains("\"path\": \"images/ct.mha\"").contains("\"hardenedBy\"")
                .contains("\"name\": \"Registration\"");

        Workstation after = newWorkstation();
        await(new SessionStore(after, formats::read, errors::add).open(file, false));
        assertThat(errors).isEmpty();
        ImageGeometry expected = w.session().moving().orElseThrow().geometry();
        ImageGeometry reopened = after.session().moving().orElseThrow().geometry();
        assertThat(reopened.origin()).containsExactly(expected.origin(), within(1e-9));
        assertThat(reopened.direction()).containsExactly(expected.direction(), within(1e-12));
        assertThat(reopened.spacing()).containsExactly(expected.spacing(), within(1e-12));
        assertThat(after.session().fixedToMoving().maxAbsDifference(w.session().fixedToMoving())).isLessThan(1e-12);
        assertThat(after.session().transforms().entries()).isEqualTo(w.session().transforms().entries());
    }

    @Test
    void aSessionWhoseMovingImageIsGoneOpensTheRestAndSaysWhatIsMissing() throws Exception {
        Path mr = writeVolume("mr.nii.gz", ImageGeometry.axisAligned(new int[] {24, 26, 20},
                new double[] {4, 4, 5}, new double[] {-46, -50, -48}), SyntheticHead.Contrast.MR);
        Path ct = writeVolume("ct.mha", ImageGeometry.axisAligned(new int[] {22, 24, 18},
                new double[] {4.2, 4.2, 5.5}, new double[] {-45, -49, -47}), SyntheticHead.Contrast.CT);
        Workstation w = newWorkstation();
        await(w.open(Role.FIXED, mr));
        await(w.open(Role.MOVING, ct));
        AffineMap t = AffineMap.ofRowMajor3x4(1, 0, 0, 4, 0, 1, 0, 0, 0, 0, 1, 0);
        Path file = dir.resolve("case.coreg.json");
        onCallbackThread(() -> {
            w.session().setTransform(t);
            w.session().setPoints(List.of(PlanningPoint.of("a", 1, 2, 3)));
            new SessionStore(w, formats::read, errors::add).save(file);
            return null;
        });
        Files.delete(ct);

        Workstation after = newWorkstation();
        SessionStore store = new SessionStore(after, formats::read, errors::add);
        await(store.open(file, false));
        assertThat(errors).singleElement().asString().contains("without its moving image").contains("ct.mha");
        assertThat(after.session().fixed()).isPresent();
        assertThat(after.session().moving()).isEmpty();
        assertThat(after.session().fixedToMoving()).isEqualTo(t);
        assertThat(after.session().points()).isEqualTo(w.session().points());
        // saving again keeps naming the moving image, so that restoring the file makes the session whole
        Path again = dir.resolve("again.coreg.json");
        onCallbackThread(() -> {
            store.save(again);
            return null;
        });
        assertThat(Files.readString(again)).contains("\"path\": \"images/ct.mha\"");
    }
}
