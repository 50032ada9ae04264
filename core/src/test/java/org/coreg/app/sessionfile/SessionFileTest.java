package org.coreg.app.sessionfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.coreg.app.Role;
import org.coreg.app.Workstation;
import org.coreg.app.demo.SyntheticHead;
import org.coreg.app.render.FusionMode;
import org.coreg.app.render.FusionSettings;
import org.coreg.app.render.WindowLevel;
import org.coreg.app.session.RoiBox;
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

class SessionFileTest {
    private static final AffineMap T = AffineMap.ofRowMajor3x4(0.99, -0.1, 0.02, 3.25, 0.1, 0.99, 0, -7.125,
            -0.02, 0, 1.01, 0.5);

    @TempDir
    Path dir;
    private Path fixedFile;
    private Path movingFile;
    private Map<Path, Volume> files;
    private ExecutorService workers;
    private ExecutorService callbacks;
    private final List<String> errors = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(dir.resolve("images"));
        Files.createDirectories(dir.resolve("sessions"));
        fixedFile = dir.resolve("images/mr.nii.gz");
        movingFile = dir.resolve("images/ct.mha");
        files = Map.of(fixedFile, SyntheticHead.render(ImageGeometry.axisAligned(new int[] {24, 26, 20},
                        new double[] {4, 4, 5}, new double[] {-46, -50, -48}), new double[3], AffineMap.identity(),
                        SyntheticHead.Contrast.MR, "mr"),
                movingFile, SyntheticHead.render(ImageGeometry.axisAligned(new int[] {22, 24, 18},
                        new double[] {4.2, 4.2, 5.5}, new double[] {-45, -49, -47}), new double[3],
                        AffineMap.identity(), SyntheticHead.Contrast.CT, "ct"));
        workers = Executors.newSingleThreadExecutor();
        callbacks = Executors.newSingleThreadExecutor();
    }

    @AfterEach
    void tearDown() {
        workers.shutdownNow();
        callbacks.shutdownNow();
    }

    private Workstation newWorkstation() {
        // callbacks run on their own thread, as on the FX thread; each test waits for them before reading the session
        return new Workstation(new Session(), new ExecutorTaskRunner(workers, callbacks), this::load,
                (f, m, o, l, c) -> {
                    throw new UnsupportedOperationException("this test does not register");
                }, errors::add);
    }

    private Volume load(Path file) throws ImageIOException {
        Volume v = files.get(file.toAbsolutePath().normalize());
        if (v == null) {
            throw new ImageIOException(file, ImageIOException.Problem.MISSING_FILE, "file does not exist");
        }
        return v;
    }

    private void await(TaskHandle h) throws Exception {
        for (int i = 0; i < 2000 && !h.isDone(); i++) {
            Thread.sleep(5);
        }
        assertThat(h.isDone()).as("task finished").isTrue();
        callbacks.submit(() -> { }).get(); // the outcome callback runs just after the task is marked done
    }

    private Workstation editedWorkstation() throws Exception {
        Workstation w = newWorkstation();
        await(w.open(Role.FIXED, fixedFile));
        await(w.open(Role.MOVING, movingFile));
        Session s = w.session();
        s.setTransform(T);
        s.transforms().add("Registration", T, "registration: rigid", "fixed 'mr' -> moving 'ct'");
        s.transforms().add("Manual", AffineMap.ofRowMajor3x4(1, 0, 0, 1, 0, 1, 0, 2, 0, 0, 1, 3), "manual alignment");
        s.setRoi(new RoiBox(new double[] {-20, -30.5, -10}, new double[] {25, 12, 18.25}));
        s.setPoints(List.of(new PlanningPoint("target", new double[] {1.5, -2.25, 3}, "entry \"A\"\nline 2", false),
                new PlanningPoint("P-2", new double[] {-10, 0.1, 1e-7}, "", true)));
        s.setCursor(new double[] {4, -5, 6.5});
        s.setFixedWindow(new WindowLevel(300, 800));
        s.setMovingWindow(new WindowLevel(40, 400));
        s.setFusion(new FusionSettings(FusionMode.CHECKERBOARD, 0.3, 17, false));
        return w;
    }

    @Test
    void aSessionRoundTripsWithAllItsState() throws Exception {
        Workstation before = editedWorkstation();
        SessionStore store = new SessionStore(before, this::load, errors::add);
        assertThat(store.isDirty()).isFalse();
        before.session().setCursor(new double[] {4, -5, 6.5});
        Path file = dir.resolve("sessions/case.coreg.json");
        store.save(file);
        String text = Files.readString(file);
        assertThat(text).contains("\"path\": \"../images/mr.nii.gz\"").contains("\"direction\": \"fixed->moving\"");

        Workstation after = newWorkstation();
        SessionStore opened = new SessionStore(after, this::load, errors::add);
        await(opened.open(file, false));
        assertThat(errors).isEmpty();
        Session a = after.session();
        Session b = before.session();
        assertThat(a.fixed().orElseThrow().source()).isSameAs(files.get(fixedFile));
        assertThat(a.moving().orElseThrow().source()).isSameAs(files.get(movingFile));
        assertThat(a.fixedToMoving()).isEqualTo(b.fixedToMoving());
        assertThat(a.transforms().entries()).isEqualTo(b.transforms().entries());
        assertThat(a.roi()).isEqualTo(b.roi());
        assertThat(a.points()).isEqualTo(b.points());
        assertThat(a.cursor()).containsExactly(b.cursor(), within(0.0));
        assertThat(a.fixedWindow()).isEqualTo(b.fixedWindow());
        assertThat(a.movingWindow()).isEqualTo(b.movingWindow());
        assertThat(a.fusion()).isEqualTo(b.fusion());
        assertThat(a.canUndo()).as("opening is not an undoable edit").isFalse();
        assertThat(opened.isDirty()).isFalse();
        assertThat(opened.file()).contains(file);
        // saving the opened session again gives the same file
        Path again = dir.resolve("sessions/again.coreg.json");
        opened.save(again);
        assertThat(Files.readString(again)).isEqualTo(text);
        a.setPoints(List.of());
        assertThat(opened.isDirty()).isTrue();
    }

    @Test
    void aCorruptSessionNamesTheFileAndFieldAndChangesNothing() throws Exception {
        Workstation w = editedWorkstation();
        SessionStore store = new SessionStore(w, this::load, errors::add);
        Path good = dir.resolve("sessions/good.coreg.json");
        store.save(good);
        Path bad = dir.resolve("sessions/bad.coreg.json");
        Files.writeString(bad, Files.readString(good).replaceFirst("\"level\": 300", "\"level\": \"high\""));
        List<PlanningPoint> points = w.session().points();
        assertThatThrownBy(() -> store.open(bad, false)).isInstanceOf(SessionFileException.class)
                .hasMessageContaining("bad.coreg.json").hasMessageContaining("view.fixedWindow.level")
                .hasMessageContaining("a finite number").hasMessageContaining("\"high\"");
        Path broken = dir.resolve("sessions/broken.coreg.json");
        Files.writeString(broken, Files.readString(good).substring(0, 200));
        assertThatThrownBy(() -> store.open(broken, false)).isInstanceOf(SessionFileException.class)
                .hasMessageContaining("broken.coreg.json").hasMessageContaining("line ");
        Path wrongMatrix = dir.resolve("sessions/matrix.coreg.json");
        Files.writeString(wrongMatrix, Files.readString(good).replace("\"keptTransforms\"", "\"keptTransformz\""));
        assertThatThrownBy(() -> store.open(wrongMatrix, false)).hasMessageContaining("field keptTransforms:")
                .hasMessageContaining("expected a list, found nothing");
        assertThat(w.session().points()).isEqualTo(points);
        assertThat(w.session().fixedToMoving()).isEqualTo(T);
    }

    @Test
    void aMissingFixedVolumeFailsTheOpenAndLeavesTheSessionAsItWas() throws Exception {
        Workstation w = editedWorkstation();
        SessionStore store = new SessionStore(w, this::load, errors::add);
        Path file = dir.resolve("sessions/case.coreg.json");
        store.save(file);
        // without the fixed image nothing can be shown (a missing moving image opens the rest: SessionSourcesTest)
        Files.writeString(file, Files.readString(file).replace("../images/mr.nii.gz", "../images/gone.mha"));
        Workstation other = newWorkstation();
        SessionStore otherStore = new SessionStore(other, this::load, errors::add);
        await(otherStore.open(file, false));
        assertThat(errors).singleElement().asString().contains("case.coreg.json").contains("gone.mha");
        assertThat(other.session().fixed()).isEmpty();
        assertThat(otherStore.file()).isEmpty();
    }

    @Test
    void anAutosavedSessionIsFoundOnTheNextStartAndRestores() throws Exception {
        Path recovery = dir.resolve("home/.coreg/recovery.coreg.json");
        Workstation first = editedWorkstation();
        SessionStore store = new SessionStore(first, this::load, errors::add);
        Autosave autosave = new Autosave(store, recovery);
        assertThat(autosave.saveIfChanged()).as("nothing changed yet").isFalse();
        assertThat(Autosave.pending(recovery)).isEmpty();
        first.session().setPoints(List.of(PlanningPoint.of("late", 7, 8, 9)));
        assertThat(autosave.saveIfChanged()).isTrue();
        assertThat(autosave.saveIfChanged()).as("no change since").isFalse();
        // the process dies here: no discard(). The next start finds the file.
        assertThat(Autosave.pending(recovery)).contains(recovery);
        Workstation second = newWorkstation();
        SessionStore restored = new SessionStore(second, this::load, errors::add);
        await(restored.open(recovery, true));
        assertThat(errors).isEmpty();
        assertThat(second.session().points()).isEqualTo(first.session().points());
        assertThat(second.session().fixedToMoving()).isEqualTo(T);
        assertThat(restored.isDirty()).as("recovered work is unsaved").isTrue();
        assertThat(restored.file()).isEmpty();
        // a clean exit removes it
        new Autosave(restored, recovery).discard();
        assertThat(Autosave.pending(recovery)).isEmpty();
    }

    @Test
    void savingCleansTheSessionAndAutosaveThenDropsTheRecoveryFile() throws Exception {
        Path recovery = dir.resolve("recovery.coreg.json");
        Workstation w = editedWorkstation();
        SessionStore store = new SessionStore(w, this::load, errors::add);
        Autosave autosave = new Autosave(store, recovery);
        w.session().setRoi(null);
        assertThat(autosave.saveIfChanged()).isTrue();
        store.save(dir.resolve("sessions/saved.coreg.json"));
        w.session().setCursor(new double[] {0, 0, 0});
        assertThat(store.isDirty()).as("cursor moves are not unsaved work").isFalse();
        w.session().transforms().add("x", T, "manual");
        assertThat(store.isDirty()).isTrue();
        store.save(dir.resolve("sessions/saved.coreg.json"));
        assertThat(autosave.saveIfChanged()).isFalse();
        assertThat(Autosave.pending(recovery)).as("saved work needs no recovery").isEmpty();
    }
}
