package org.coreg.app.sessionfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.coreg.app.Role;
import org.coreg.app.Workstation;
import org.coreg.app.demo.SyntheticHead;
import org.coreg.app.session.Session;
import org.coreg.app.task.ExecutorTaskRunner;
import org.coreg.app.task.TaskHandle;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;
import org.coreg.io.ImageIOException;
import org.coreg.points.PlanningPoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Autosave as Slicer users expect: saving clears the copy, and only a copy newer than the saved file is offered. */
class RecoveryOfferTest {
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    @TempDir
    Path dir;
    private Path fixedFile;
    private Volume fixedVolume;
    private ExecutorService workers;
    private ExecutorService callbacks;
    private final List<String> errors = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixedFile = dir.resolve("mr.nii.gz");
        fixedVolume = SyntheticHead.render(ImageGeometry.axisAligned(new int[] {20, 22, 16}, new double[] {4, 4, 5},
                new double[] {-40, -44, -40}), new double[3], AffineMap.identity(), SyntheticHead.Contrast.MR, "mr");
        workers = Executors.newSingleThreadExecutor();
        callbacks = Executors.newSingleThreadExecutor();
    }

    @AfterEach
    void tearDown() {
        workers.shutdownNow();
        callbacks.shutdownNow();
    }

    private Volume load(Path file) throws ImageIOException {
        if (!file.toAbsolutePath().normalize().equals(fixedFile)) {
            throw new ImageIOException(file, ImageIOException.Problem.MISSING_FILE, "file does not exist");
        }
        return fixedVolume;
    }

    private Workstation opened() throws Exception {
        Workstation w = new Workstation(new Session(), new ExecutorTaskRunner(workers, callbacks), this::load,
                (f, m, o, l, c) -> {
                    throw new UnsupportedOperationException();
                }, errors::add);
        TaskHandle h = w.open(Role.FIXED, fixedFile);
        for (int i = 0; i < 2000 && !h.isDone(); i++) {
            Thread.sleep(5);
        }
        callbacks.submit(() -> { }).get();
        assertThat(w.session().fixed()).isPresent();
        return w;
    }

    private static List<PlanningPoint> points(int n) {
        List<PlanningPoint> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(PlanningPoint.of("P" + i, i, 2 * i, 3));
        }
        return l;
    }

    @Test
    void savingClearsTheRecoveryCopyAndACopyOlderThanTheSavedFileIsNotOffered() throws Exception {
        Path recovery = dir.resolve("home/recovery.coreg.json");
        Path saved = dir.resolve("case.coreg.json");
        Workstation w = opened();
        SessionStore store = new SessionStore(w, this::load, errors::add);
        Autosave autosave = new Autosave(store, recovery, Clock.fixed(T0, ZoneOffset.UTC));
        w.session().setPoints(points(4));
        assertThat(autosave.saveIfChanged()).isTrue();
        assertThat(Autosave.pending(recovery)).isPresent();
        store.save(saved);
        assertThat(Autosave.pending(recovery)).as("the save is the latest work").isEmpty();
        assertThat(Autosave.infoFile(recovery)).doesNotExist();
        assertThat(autosave.saveIfChanged()).as("nothing unsaved since").isFalse();

        // a copy left over from before the save (say its deletion failed) is stale: not offered, and removed
        w.session().setPoints(points(5));
        assertThat(autosave.saveIfChanged()).isTrue();
        Files.setLastModifiedTime(saved, FileTime.from(T0.plusSeconds(60)));
        assertThat(RecoveryOffer.check(recovery, ZoneOffset.UTC)).isEmpty();
        assertThat(Autosave.pending(recovery)).isEmpty();
    }

    @Test
    void aCopyNewerThanTheSavedFileIsOfferedSayingWhenAndHowItDiffers() throws Exception {
        Path recovery = dir.resolve("recovery.coreg.json");
        Path saved = dir.resolve("case.coreg.json");
        Workstation w = opened();
        SessionStore store = new SessionStore(w, this::load, errors::add);
        Autosave autosave = new Autosave(store, recovery, Clock.fixed(T0.plusSeconds(300), ZoneOffset.UTC));
        w.session().setPoints(points(4));
        store.save(saved);
        Files.setLastModifiedTime(saved, FileTime.from(T0));
        w.session().setPoints(points(5));
        w.session().setTransform(AffineMap.ofRowMajor3x4(1, 0, 0, 2, 0, 1, 0, 0, 0, 0, 1, 0));
        w.session().transforms().add("Manual", w.session().fixedToMoving(), "manual alignment");
        assertThat(autosave.saveIfChanged()).isTrue();
        // the process dies here

        RecoveryOffer offer = RecoveryOffer.check(recovery, ZoneId.of("UTC")).orElseThrow();
        assertThat(offer.autosavedAt()).isEqualTo(T0.plusSeconds(300));
        assertThat(offer.message()).contains("autosaved at 10:05:00 on 7 Dec 2026")
                .contains("The autosaved copy holds 5 planning points, 1 kept transform and no crop box")
                .contains("case.coreg.json, last saved at 10:00:00 on 7 Dec 2026, holds 4 planning points, 0 kept "
                        + "transforms and no crop box")
                .contains("The current transform differs");

        Workstation second = opened();
        SessionStore restored = new SessionStore(second, this::load, errors::add);
        TaskHandle h = restored.open(recovery, true);
        for (int i = 0; i < 2000 && !h.isDone(); i++) {
            Thread.sleep(5);
        }
        callbacks.submit(() -> { }).get();
        assertThat(second.session().points()).hasSize(5);
        assertThat(restored.isDirty()).isTrue();
    }

    @Test
    void aCopyOfWorkNeverSavedSaysSo() throws Exception {
        Path recovery = dir.resolve("recovery.coreg.json");
        Workstation w = opened();
        SessionStore store = new SessionStore(w, this::load, errors::add);
        Autosave autosave = new Autosave(store, recovery, Clock.fixed(T0, ZoneOffset.UTC));
        w.session().setPoints(points(1));
        assertThat(autosave.saveIfChanged()).isTrue();
        assertThat(RecoveryOffer.check(recovery, ZoneOffset.UTC).orElseThrow().message())
                .contains("holds 1 planning point, 0 kept transforms").contains("had not been saved");
    }
}
