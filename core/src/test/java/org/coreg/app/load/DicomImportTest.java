package org.coreg.app.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.coreg.app.Role;
import org.coreg.app.render.SampledVolume;
import org.coreg.app.session.Session;
import org.coreg.app.task.CancelToken;
import org.coreg.app.task.CancelledException;
import org.coreg.app.task.ExecutorTaskRunner;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;
import org.coreg.io.ImageFormats;
import org.coreg.io.ImageIOException;
import org.coreg.io.dicom.DicomReadOptions;
import org.coreg.io.dicom.SyntheticSeries;
import org.coreg.io.dicom.TransferSyntax;
import org.coreg.testing.SharedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class DicomImportTest {
    static final double[] AXIAL = {1, 0, 0, 0, 1, 0};
    static final double[] CORONAL = {1, 0, 0, 0, 0, -1};

    @TempDir
    Path dir;

    private final ExecutorTaskRunner runner = new ExecutorTaskRunner(Executors.newSingleThreadExecutor(),
            Executors.newSingleThreadExecutor());
    private final Session session = new Session();
    private final CompletableFuture<String> error = new CompletableFuture<>();
    private final DicomImport dicom = new DicomImport(session, runner, error::complete);

    @AfterEach
    void stop() {
        runner.shutdown();
    }

    /** Value stored at column i, row j, slice k of the test series: unique per voxel. */
    static int value(int i, int j, int k) {
        return 1000 + i + 40 * j + 1000 * k;
    }

    /**
     * Writes two series into {@code folder}: 6 axial slices 24 x 16 (0.8 x 0.9 mm pixels, 2 mm apart) in
     * {@code axial/}, and 10 coronal slices 20 x 12 (0.5 mm pixels, 1.5 mm apart) in {@code coronal/}, plus a file
     * that is not DICOM.
     */
    static void writeTwoSeries(Path folder) throws IOException {
        SyntheticSeries.write(folder.resolve("axial"), TransferSyntax.EXPLICIT_LE, "1.2.826.0.1.3680043.9.1.1",
                SyntheticSeries.line(new double[] {-10, 20, 30}, new double[] {0, 0, 2}, 6), AXIAL,
                new double[] {0.9, 0.8}, 16, 24, DicomImportTest::value);
        SyntheticSeries.write(folder.resolve("coronal"), TransferSyntax.IMPLICIT_LE, "1.2.826.0.1.3680043.9.1.2",
                SyntheticSeries.line(new double[] {5, -7, 12}, new double[] {0, 1.5, 0}, 10), CORONAL,
                new double[] {0.5, 0.5}, 12, 20, DicomImportTest::value);
        Files.writeString(folder.resolve("README.txt"), "exported by a PACS");
    }

    private DicomScan scan(Path folder) throws Exception {
        CompletableFuture<DicomScan> found = new CompletableFuture<>();
        dicom.scan(folder, found::complete);
        return CompletableFuture.anyOf(found, error).thenApply(o -> {
            if (o instanceof String s) {
                throw new AssertionError("scan failed: " + s);
            }
            return (DicomScan) o;
        }).get(60, TimeUnit.SECONDS);
    }

    /** Loads and waits; returns the question if one was asked, else null once the volume is in the session. */
    private ReadChoice load(Role role, DicomScan scan, int index, DicomReadOptions options) throws Exception {
        CompletableFuture<ReadChoice> asked = new CompletableFuture<>();
        CompletableFuture<Boolean> loaded = new CompletableFuture<>();
        session.addListener(c -> loaded.complete(true));
        dicom.load(role, scan, index, options, asked::complete);
        Object o = CompletableFuture.anyOf(asked, loaded, error).get(90, TimeUnit.SECONDS);
        if (o instanceof String s) {
            throw new AssertionError("load failed: " + s);
        }
        return o instanceof ReadChoice r ? r : null;
    }

    private static int indexOf(DicomScan scan, int images) {
        for (int i = 0; i < scan.rows().size(); i++) {
            if (scan.rows().get(i).images() == images) {
                return i;
            }
        }
        throw new AssertionError("no series of " + images + " images in " + scan.rows());
    }

    @Test
    void aFolderWithTwoSeriesListsBothAndLoadsTheChosenOneWithItsGeometry() throws Exception {
        writeTwoSeries(dir);
        DicomScan scan = scan(dir);
        assertThat(scan.rows()).hasSize(2);
        assertThat(scan.rows()).extracting(SeriesRow::images).containsExactly(10, 6);
        SeriesRow axial = scan.rows().get(indexOf(scan, 6));
        assertThat(axial.patient()).isEqualTo("Synthetic^Phantom");
        assertThat(axial.modality()).isEqualTo("CT");
        assertThat(axial.size()).isEqualTo("24 x 16 x 6");
        assertThat(scan.notes()).anySatisfy(n -> assertThat(n).contains("README.txt").contains("not a DICOM file"));

        assertThat(load(Role.MOVING, scan, indexOf(scan, 6), DicomReadOptions.STRICT)).isNull();
        assertThat(session.fixed()).isEmpty();
        Volume v = session.moving().orElseThrow().source();
        ImageGeometry g = v.geometry();
        assertThat(g.size()).containsExactly(24, 16, 6);
        assertThat(g.spacing()).containsExactly(new double[] {0.8, 0.9, 2.0}, within(1e-9));
        assertThat(g.origin()).containsExactly(new double[] {-10, 20, 30}, within(1e-9));
        assertThat(g.direction()).containsExactly(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, within(1e-9));
        // rescale intercept -1024 of the writer applied; voxel (i, j, k) holds the value written there
        assertThat(v.realValue(3, 5, 4)).isEqualTo(value(3, 5, 4) - 1024.0);

        assertThat(load(Role.FIXED, scan, indexOf(scan, 10), DicomReadOptions.STRICT)).isNull();
        ImageGeometry c = session.fixed().orElseThrow().geometry();
        assertThat(c.size()).containsExactly(20, 12, 10);
        // coronal: rows run along -S, the slice normal row x column = (1,0,0) x (0,0,-1) = (0,1,0)
        assertThat(c.direction()).containsExactly(new double[] {1, 0, 0, 0, 0, 1, 0, -1, 0}, within(1e-9));
        assertThat(c.spacing()[2]).isCloseTo(1.5, within(1e-9));
    }

    @Test
    void missingSlicesAskToResampleAndLoadOnAGridOfTheSmallestSpacingWhenAccepted() throws Exception {
        double[][] z = {{0, 0, 0}, {0, 0, 2}, {0, 0, 4}, {0, 0, 8}, {0, 0, 10}};
        SyntheticSeries.write(dir, TransferSyntax.EXPLICIT_LE, "1.2.826.0.1.3680043.9.1.3", z, AXIAL,
                new double[] {1, 1}, 8, 8, DicomImportTest::value);
        DicomScan scan = scan(dir);
        ReadChoice choice = load(Role.FIXED, scan, 0, DicomReadOptions.STRICT);
        assertThat(choice).isNotNull();
        assertThat(choice.question()).contains("not evenly spaced").contains("2.000 mm").contains("4.000 mm")
                .contains("1 of 4 gaps");
        assertThat(choice.acceptLabel()).isEqualTo("Resample onto a uniform grid");
        assertThat(choice.accept()).isEqualTo(new DicomReadOptions(true, false));
        assertThat(session.fixed()).as("nothing loaded before the user agrees").isEmpty();
        assertThat(error).isNotDone();

        assertThat(load(Role.FIXED, scan, 0, choice.accept())).isNull();
        ImageGeometry g = session.fixed().orElseThrow().geometry();
        assertThat(g.size()).containsExactly(8, 8, 6);
        assertThat(g.spacing()[2]).isCloseTo(2.0, within(1e-9));
        // the slice at z = 6 mm is interpolated halfway between the slices written at 4 and 8 mm (k = 2 and 3)
        double mid = session.fixed().orElseThrow().source().realValue(1, 1, 3);
        assertThat(mid).isCloseTo((value(1, 1, 2) + value(1, 1, 3)) / 2.0 - 1024, within(1e-6));
    }

    @Test
    void aGantryTiltAsksToCorrectItAndLoadsOrthogonalWhenAccepted() throws Exception {
        // each slice 2 mm further along S is shifted 0.35 mm along P: a tilt of about 10 degrees
        double[][] p = SyntheticSeries.line(new double[] {0, 0, 0}, new double[] {0, 0.35, 2}, 6);
        SyntheticSeries.write(dir, TransferSyntax.EXPLICIT_LE, "1.2.826.0.1.3680043.9.1.4", p, AXIAL,
                new double[] {1, 1}, 10, 10, DicomImportTest::value);
        DicomScan scan = scan(dir);
        ReadChoice choice = load(Role.MOVING, scan, 0, DicomReadOptions.STRICT);
        assertThat(choice).isNotNull();
        assertThat(choice.question()).contains("gantry tilt of 9.93 degrees");
        assertThat(choice.acceptLabel()).isEqualTo("Correct tilt");
        assertThat(choice.accept()).isEqualTo(new DicomReadOptions(false, true));
        assertThat(load(Role.MOVING, scan, 0, choice.accept())).isNull();
        ImageGeometry g = session.moving().orElseThrow().geometry();
        assertThat(g.size()[2]).isEqualTo(6);
        assertThat(g.direction()).containsExactly(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, within(1e-9));
    }

    @Test
    void aFolderWithoutImagesIsAPlainErrorNamingWhyEachFileWasLeftOut() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "no images here");
        dicom.scan(dir, s -> error.complete("unexpected scan result " + s.rows()));
        String message = error.get(30, TimeUnit.SECONDS);
        assertThat(message).startsWith("Could not open the image.").contains("no DICOM image series found")
                .contains("notes.txt: skipped, not a DICOM file");
        assertThat(session.fixed()).isEmpty();
    }

    @Test
    void aScanStopsWhenCancelled() throws Exception {
        writeTwoSeries(dir);
        CancelToken cancel = new CancelToken();
        assertThatThrownBy(() -> DicomImport.scanNow(dir, (done, total) -> {
            cancel.cancel();
            return false;
        }, cancel)).isInstanceOf(CancelledException.class);
        assertThatThrownBy(() -> DicomImport.scanNow(dir.resolve("absent"), (d, t) -> true, new CancelToken()))
                .isInstanceOf(ImageIOException.class).hasMessageContaining("not a folder");
    }

    @Test
    void theSharedMrAndCtSeriesInOneFolderAreBothListedAndTheMrLoadsOnThePlastimatchGeometry() throws Exception {
        Path mr = SharedData.require("meat-phantom-ct-mr/mr-t2-dicom");
        Path ct = SharedData.require("meat-phantom-ct-mr/ct-dicom-subset");
        Path both = dir.resolve("export");
        copy(mr, both.resolve("MR"));
        copy(ct, both.resolve("CT"));
        DicomScan scan = scan(both);
        assertThat(scan.rows()).extracting(SeriesRow::modality, SeriesRow::images)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("MR", 94),
                        org.assertj.core.groups.Tuple.tuple("CT", 40));
        assertThat(scan.rows().getFirst().size()).isEqualTo("512 x 512 x 94");

        assertThat(load(Role.FIXED, scan, 0, DicomReadOptions.STRICT)).isNull();
        ImageGeometry g = session.fixed().orElseThrow().geometry();
        // oracle: plastimatch's conversion of the same series, block-averaged 2x2 in-plane (origin moved by half
        // a fine voxel along rows and columns)
        ImageGeometry ref = ImageFormats.standard().read(SharedData.require("meat-phantom-ct-mr/mr-t2.mha"))
                .geometry();
        assertThat(g.size()).containsExactly(512, 512, 94);
        assertThat(g.spacing()[0] * 2).isCloseTo(ref.spacing()[0], within(1e-4));
        assertThat(g.spacing()[1] * 2).isCloseTo(ref.spacing()[1], within(1e-4));
        assertThat(g.spacing()[2]).isCloseTo(ref.spacing()[2], within(1e-4));
        assertThat(g.direction()).containsExactly(ref.direction(), within(1e-4));
        double[] shifted = g.indexToWorld(0.5, 0.5, 0);
        assertThat(shifted).containsExactly(ref.origin(), within(1e-3));
    }

    @Test
    void theSharedCtSubsetWithGapsOffersResamplingAndLoadsWhenAccepted() throws Exception {
        Path ct = SharedData.require("meat-phantom-ct-mr/ct-dicom-subset");
        DicomScan scan = scan(ct);
        assertThat(scan.rows()).hasSize(1);
        ReadChoice choice = load(Role.MOVING, scan, 0, DicomReadOptions.STRICT);
        assertThat(choice).as("the subset has uneven gaps").isNotNull();
        assertThat(choice.acceptLabel()).isEqualTo("Resample onto a uniform grid");
        assertThat(load(Role.MOVING, scan, 0, choice.accept())).isNull();
        ImageGeometry g = session.moving().orElseThrow().geometry();
        assertThat(g.size()[0]).isEqualTo(512);
        assertThat(g.size()[1]).isEqualTo(512);
        assertThat(g.size()[2]).isGreaterThanOrEqualTo(40);
        assertThat(session.moving().orElseThrow().source().metadata().modality())
                .isEqualTo(org.coreg.image.Modality.CT);
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path p : s.toList()) {
                Files.copy(p, to.resolve(p.getFileName()));
            }
        }
    }
}
