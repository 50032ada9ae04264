package org.coreg.app.sessionfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.coreg.app.Role;
import org.coreg.app.Workstation;
import org.coreg.app.demo.SyntheticHead;
import org.coreg.app.session.Deformation;
import org.coreg.app.session.Session;
import org.coreg.app.task.ExecutorTaskRunner;
import org.coreg.app.task.TaskHandle;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.io.ImageFormats;
import org.coreg.io.json.Json;
import org.coreg.io.transform.TransformFiles;
import org.coreg.registration.Workers;
import org.coreg.registration.deformable.BSplineDeformation;
import org.coreg.registration.deformable.FoldingCheck;
import org.coreg.transform.AffineTransform;
import org.coreg.transform.BSplineTransform;
import org.coreg.transform.Direction;
import org.coreg.transform.Transforms;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Session files keep a B-spline result: its whole fixed -> moving map goes into a transform file beside the session
 * file, named in it with its direction, and opening rebuilds the deformation (same map, folding check recomputed);
 * a session whose file is gone or no longer matches opens the rest and says what is missing.
 */
@Timeout(120)
class SessionDeformationTest {
    private static final AffineMap AFFINE = AffineMap.ofRowMajor3x4(0.99, -0.08, 0.02, 4.5, 0.08, 0.99, -0.03, -2.25,
            -0.02, 0.03, 1.01, 1.5);
    @TempDir
    Path dir;
    private final ImageFormats formats = ImageFormats.standard();
    private ExecutorService workers;
    private ExecutorService callbacks;
    private final List<String> errors = new ArrayList<>();
    private Path mr;
    private Path ct;

    @BeforeEach
    void setUp() throws Exception {
        workers = Executors.newSingleThreadExecutor();
        callbacks = Executors.newSingleThreadExecutor();
        mr = writeVolume("mr.nii.gz", ImageGeometry.axisAligned(new int[] {24, 26, 20}, new double[] {4, 4, 5},
                new double[] {-46, -50, -48}), SyntheticHead.Contrast.MR);
        ct = writeVolume("ct.mha", ImageGeometry.axisAligned(new int[] {22, 24, 18}, new double[] {4.2, 4.2, 5.5},
                new double[] {-45, -49, -47}), SyntheticHead.Contrast.CT);
    }

    @AfterEach
    void tearDown() {
        workers.shutdownNow();
        callbacks.shutdownNow();
    }

    @Test
    void aBSplineResultIsSavedBesideTheSessionAndRebuiltOnOpen() throws Exception {
        Workstation w = openPair();
        Deformation d = deformation(w, true);
        Path file = dir.resolve("case.coreg.json");
        save(w, d, file);

        Path tfm = dir.resolve("case.deformation.tfm");
        assertThat(tfm).exists();
        assertThat(TransformFiles.read(tfm).direction()).isEqualTo(Direction.FIXED_TO_MOVING);
        Object link = ((java.util.Map<?, ?>) Json.parse(Files.readString(file), file)).get("deformation");
        assertThat(link).isInstanceOfSatisfying(java.util.Map.class, m -> {
            assertThat(m.get("path")).isEqualTo("case.deformation.tfm");
            assertThat(m.get("direction")).isEqualTo("fixed->moving");
            assertThat(m.get("jacobianMap")).isEqualTo(true);
        });

        Workstation after = new Workstation(new Session(), new ExecutorTaskRunner(workers, callbacks), formats::read,
                (f, m, o, l, c) -> {
                    throw new UnsupportedOperationException("this test does not register");
                }, errors::add);
        await(new SessionStore(after, formats::read, errors::add).open(file, false));
        assertThat(errors).isEmpty();
        Deformation back = onCallbackThread(() -> after.session().deformation().orElseThrow());
        assertThat(back.affine()).isEqualTo(AFFINE);
        assertThat(onCallbackThread(() -> after.session().fixedToMoving())).isEqualTo(AFFINE);
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n < 200; n++) {
            double[] p = {random.nextDouble(-46, 46), random.nextDouble(-50, 50), random.nextDouble(-48, 47)};
            double[] expected = d.fixedToMoving().apply(p);
            assertThat(back.fixedToMoving().apply(p)).as("point %d", n).containsExactly(expected, within(1e-6));
        }
        // the folding check is computed again on the fixed grid, with its determinant map for the overlay
        assertThat(back.folding().min()).isCloseTo(d.folding().min(), within(1e-9));
        assertThat(back.folding().max()).isCloseTo(d.folding().max(), within(1e-9));
        assertThat(back.folding().fractionNonPositive()).isEqualTo(d.folding().fractionNonPositive());
        assertThat(back.jacobian()).isNotNull();
        assertThat(back.folding().map().geometry()).isEqualTo(d.folding().map().geometry());
        assertThat(onCallbackThread(() -> after.session().fixedToMoving())).isEqualTo(AFFINE);
    }

    @Test
    void keptBSplineResultsAreSavedWholeAndReopenedWhole() throws Exception {
        Workstation w = openPair();
        Deformation current = deformation(w, false);
        Deformation older = deformation(w, false); // the same numbers, kept from an earlier run: a file of its own
        Path file = dir.resolve("case.coreg.json");
        onCallbackThread(() -> {
            w.session().transforms().add("Registration", AFFINE, "registration: rigid + B-spline (grid 30 mm)",
                    "fixed -> moving", current.fixedToMoving());
            w.session().transforms().add("Earlier", AFFINE, "registration: rigid + B-spline (grid 30 mm)",
                    "fixed -> moving", older.fixedToMoving());
            w.session().transforms().add("Manual", AffineMap.identity(), "manual alignment");
            return null;
        });
        save(w, current, file);
        assertThat(dir.resolve("case.kept-1.tfm")).as("the earlier result's own file").exists();
        assertThat(dir.resolve("case.kept-2.tfm")).as("the current result shares the session's file")
                .doesNotExist();

        Workstation after = newWorkstation();
        await(new SessionStore(after, formats::read, errors::add).open(file, false));
        assertThat(errors).isEmpty();
        var entries = onCallbackThread(() -> after.session().transforms().entries());
        assertThat(entries).extracting(e -> e.name()).containsExactly("Registration", "Earlier", "Manual");
        assertThat(entries.get(2).isDeformable()).isFalse();
        double[] p = {12, -20, 9};
        for (int i = 0; i < 2; i++) {
            assertThat(entries.get(i).isDeformable()).isTrue();
            assertThat(entries.get(i).whole().apply(p)).as(entries.get(i).name())
                    .containsExactly(current.fixedToMoving().apply(p), within(1e-9));
        }
        Deformation back = onCallbackThread(() -> after.session().deformation().orElseThrow());
        assertThat(entries.get(0).deformable()).as("the entry is the session's result: Use brings it back")
                .isSameAs(back.fixedToMoving());

        Files.delete(dir.resolve("case.kept-1.tfm"));
        Workstation third = newWorkstation();
        await(new SessionStore(third, formats::read, errors::add).open(file, false));
        assertThat(errors).singleElement().asString().contains("'Earlier' keeps its affine part only")
                .contains("case.kept-1.tfm");
        var kept = onCallbackThread(() -> third.session().transforms().entries());
        assertThat(kept.get(1).isDeformable()).isFalse();
        assertThat(kept.get(1).fixedToMoving()).isEqualTo(AFFINE);
        assertThat(kept.get(0).isDeformable()).isTrue();
    }

    private Workstation newWorkstation() {
        return new Workstation(new Session(), new ExecutorTaskRunner(workers, callbacks), formats::read,
                (f, m, o, l, c) -> {
                    throw new UnsupportedOperationException("this test does not register");
                }, errors::add);
    }

    @Test
    void aSessionWhoseDeformationFileIsGoneOpensTheRestAndSaysWhatIsMissing() throws Exception {
        Workstation w = openPair();
        Path file = dir.resolve("case.coreg.json");
        save(w, deformation(w, false), file);
        Files.delete(dir.resolve("case.deformation.tfm"));

        Workstation after = new Workstation(new Session(), new ExecutorTaskRunner(workers, callbacks), formats::read,
                (f, m, o, l, c) -> {
                    throw new UnsupportedOperationException("this test does not register");
                }, errors::add);
        await(new SessionStore(after, formats::read, errors::add).open(file, false));
        assertThat(errors).singleElement().asString().contains("without its B-spline result")
                .contains("case.deformation.tfm: file does not exist")
                .contains("affine part is the current transform")
                .doesNotContain("Exception");
        assertThat(after.session().fixed()).isPresent();
        assertThat(after.session().moving()).isPresent();
        assertThat(onCallbackThread(() -> after.session().fixedToMoving())).isEqualTo(AFFINE);
        assertThat(onCallbackThread(() -> after.session().deformation())).isEmpty();
    }

    @Test
    void aDeformationFileOfAnotherTransformIsRefusedByName() throws Exception {
        Workstation w = openPair();
        Path file = dir.resolve("case.coreg.json");
        save(w, deformation(w, false), file);
        // the session's transform edited by hand after the save: the file's affine part is no longer it
        String text = Files.readString(file).replaceFirst("4\\.5", "9.5");
        Files.writeString(file, text);

        Workstation after = new Workstation(new Session(), new ExecutorTaskRunner(workers, callbacks), formats::read,
                (f, m, o, l, c) -> {
                    throw new UnsupportedOperationException("this test does not register");
                }, errors::add);
        await(new SessionStore(after, formats::read, errors::add).open(file, false));
        assertThat(errors).singleElement().asString().contains("without its B-spline result")
                .contains("case.deformation.tfm").contains("session's transform");
        assertThat(onCallbackThread(() -> after.session().deformation())).isEmpty();
    }

    @Test
    void theAutosaveKeepsTheDeformationBesideTheRecoveryFileAndDropsItWithTheCopy() throws Exception {
        Workstation w = openPair();
        Deformation d = deformation(w, false);
        Path recovery = dir.resolve("recovery").resolve("recovery.coreg.json");
        SessionStore store = new SessionStore(w, formats::read, errors::add);
        Autosave autosave = new Autosave(store, recovery);
        onCallbackThread(() -> {
            w.session().setTransform(AFFINE);
            w.session().setDeformation(d);
            w.session().transforms().add("Registration", AFFINE, "registration: rigid + B-spline (grid 30 mm)",
                    "fixed -> moving", d.fixedToMoving()); // shares recovery.deformation.tfm
            w.session().transforms().add("Earlier", AFFINE, "registration: rigid + B-spline (grid 30 mm)",
                    "fixed -> moving", deformation(w, false).fixedToMoving());
            return autosave.saveIfChanged();
        });
        Path beside = recovery.resolveSibling("recovery.deformation.tfm");
        assertThat(beside).exists();
        Path kept = recovery.resolveSibling("recovery.kept-1.tfm");
        assertThat(kept).exists();
        double[] p = {10, -12, 7};
        assertThat(TransformFiles.read(beside).apply(p)).containsExactly(d.fixedToMoving().apply(p), within(1e-9));
        autosave.discard();
        assertThat(beside).doesNotExist();
        assertThat(kept).doesNotExist();
        assertThat(recovery).doesNotExist();
    }

    private Workstation openPair() throws Exception {
        Workstation w = new Workstation(new Session(), new ExecutorTaskRunner(workers, callbacks), formats::read,
                (f, m, o, l, c) -> {
                    throw new UnsupportedOperationException("this test does not register");
                }, errors::add);
        await(w.open(Role.FIXED, mr));
        await(w.open(Role.MOVING, ct));
        return w;
    }

    /** A B-spline of 30 mm nodes with seeded displacements of up to 3 mm after {@link #AFFINE}, as a registration. */
    private static Deformation deformation(Workstation w, boolean keepMap) {
        ImageGeometry fixed = w.session().fixed().orElseThrow().geometry();
        BSplineTransform zero = BSplineTransform.zero(fixed, new double[] {30, 30, 30}, Direction.FIXED_TO_MOVING);
        double[] c = new double[zero.coefficients().length];
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < c.length; i++) {
            c[i] = random.nextDouble(-3, 3);
        }
        BSplineTransform b = zero.withCoefficients(c);
        FoldingCheck.Report folding;
        try (Workers threads = new Workers(2)) {
            folding = FoldingCheck.check(fixed, AFFINE, new BSplineDeformation(b.grid(), c), keepMap, threads);
        }
        return Deformation.of(AFFINE, Transforms.compose(AffineTransform.fixedToMoving(AFFINE), b), folding);
    }

    private void save(Workstation w, Deformation d, Path file) throws Exception {
        onCallbackThread(() -> {
            w.session().setTransform(AFFINE);
            w.session().setDeformation(d);
            new SessionStore(w, formats::read, errors::add).save(file);
            return null;
        });
    }

    private Path writeVolume(String name, ImageGeometry grid, SyntheticHead.Contrast contrast) throws Exception {
        Path f = dir.resolve("images").resolve(name);
        Files.createDirectories(f.getParent());
        formats.write(SyntheticHead.render(grid, new double[3], AffineMap.identity(), contrast, name), f);
        return f;
    }

    private void await(TaskHandle h) throws Exception {
        for (int i = 0; i < 6000 && !h.isDone(); i++) {
            Thread.sleep(5);
        }
        assertThat(h.isDone()).as("task finished").isTrue();
        callbacks.submit(() -> { }).get(); // the outcome callback runs just after the task is marked done
    }

    private <T> T onCallbackThread(Callable<T> c) throws Exception {
        return callbacks.submit(c).get(30, TimeUnit.SECONDS);
    }
}
