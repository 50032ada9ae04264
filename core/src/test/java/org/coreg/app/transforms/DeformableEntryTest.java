package org.coreg.app.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.coreg.app.register.BSplineStage;
import org.coreg.app.register.RegistrationOptions;
import org.coreg.app.register.RegistrationStage;
import org.coreg.app.register.RunDescription;
import org.coreg.app.session.Deformation;
import org.coreg.app.session.Session;
import org.coreg.app.session.TransformLibrary.Entry;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.io.transform.TransformFiles;
import org.coreg.registration.deformable.BSplineSettings;
import org.coreg.registration.deformable.FoldingCheck;
import org.coreg.transform.AffineTransform;
import org.coreg.transform.BSplineTransform;
import org.coreg.transform.Direction;
import org.coreg.transform.SpatialTransform;
import org.coreg.transform.Transforms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A B-spline result in the transform manager: described as one, exported whole, refused where only matrices make
 * sense, used with its deformation while the session holds it, and re-expressed whole by hardening.
 */
class DeformableEntryTest {
    private static final AffineMap A = TransformManagerTest.A;
    @TempDir
    Path dir;

    /** Affine part {@link #A}, then a B-spline of 12 mm nodes over the session's fixed grid with seeded 2 mm pushes. */
    private static SpatialTransform whole(Session s) {
        ImageGeometry fixed = s.fixed().orElseThrow().geometry();
        BSplineTransform zero = BSplineTransform.zero(fixed, new double[] {12, 12, 12}, Direction.FIXED_TO_MOVING);
        double[] c = new double[zero.coefficients().length];
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < c.length; i++) {
            c[i] = random.nextDouble(-2, 2);
        }
        return Transforms.compose(AffineTransform.fixedToMoving(A), zero.withCoefficients(c));
    }

    private static Entry keep(Session s, SpatialTransform whole) {
        return s.transforms().add("Registration", A, "registration: rigid + B-spline (grid 12 mm)", "fixed -> moving",
                whole);
    }

    /** Points that {@link #A} takes into the middle of the fixed grid, where the B-spline moves them. */
    private static List<double[]> probes(Session s) {
        ImageGeometry g = s.fixed().orElseThrow().geometry();
        AffineMap back = A.inverse();
        return List.of(back.apply(g.indexToWorld(4, 4, 3)), back.apply(g.indexToWorld(5, 3, 4)),
                back.apply(g.indexToWorld(3, 5, 4)));
    }

    @Test
    void theListDescribesARegistrationWithItsBSplineStage() {
        RegistrationOptions rigid = new RegistrationOptions(List.of(RegistrationStage.RIGID),
                RegistrationOptions.CT_MR_HEAD, null, AffineMap.identity());
        assertThat(RunDescription.of(rigid, false)).isEqualTo("registration: rigid, CT-MR head");
        RegistrationOptions deformable = new RegistrationOptions(List.of(RegistrationStage.RIGID,
                RegistrationStage.AFFINE), RegistrationOptions.CT_MR_HEAD, null, AffineMap.identity())
                .withBSpline(BSplineStage.of(BSplineSettings.defaults()));
        assertThat(RunDescription.of(deformable, true))
                .isEqualTo("registration: rigid + affine + B-spline (grid 20 mm, both ways), CT-MR head");
        RegistrationOptions oneWay = deformable.withBSpline(new BSplineStage(BSplineSettings.defaults()
                .withGridSpacing(12.5).withBendingWeight(0.01), false));
        assertThat(RunDescription.of(oneWay, true))
                .isEqualTo("registration: rigid + affine + B-spline (grid 12.5 mm, bending 0.01), CT-MR head");
        assertThat(RunDescription.of(deformable, false)).as("a run that ended without its B-spline")
                .isEqualTo("registration: rigid + affine, CT-MR head");
    }

    @Test
    void exportingABSplineResultWritesTheWholeMap() throws Exception {
        Session s = TransformManagerTest.session();
        SpatialTransform whole = whole(s);
        Entry e = keep(s, whole);
        TransformExchange exchange = new TransformExchange(s);
        for (String name : List.of("result.tfm", "result.h5", "TransformParameters.result.txt")) {
            Path f = dir.resolve(name);
            assertThat(exchange.export(e, f)).contains(f);
            SpatialTransform read = TransformFiles.read(f);
            assertThat(read.direction()).isEqualTo(Direction.FIXED_TO_MOVING);
            assertThat(read.isLinear()).as(name).isFalse();
            for (double[] p : probes(s)) {
                assertThat(read.apply(p)).as(name).containsExactly(whole.apply(p), within(1e-9));
                assertThat(whole.apply(p)).as("the B-spline moves the probe").isNotEqualTo(A.apply(p));
            }
        }
        Path matrix = dir.resolve("result-matrix.mat4");
        assertThatThrownBy(() -> exchange.export(e, matrix)).isInstanceOf(TransformActionException.class)
                .hasMessageContaining("B-spline result").hasMessageContaining("4x4 matrix");
        assertThat(matrix).doesNotExist();
    }

    @Test
    void composeAndInvertRefuseABSplineResultAndChangeNothing() {
        Session s = TransformManagerTest.session();
        Entry e = keep(s, whole(s));
        Entry linear = s.transforms().add("b", TransformManagerTest.B, "test");
        TransformManager tm = new TransformManager(s);
        assertThatThrownBy(() -> tm.invert(e)).isInstanceOf(TransformActionException.class)
                .hasMessageContaining("is a B-spline result and cannot be inverted");
        assertThatThrownBy(() -> tm.compose(linear, e)).isInstanceOf(TransformActionException.class)
                .hasMessageContaining("cannot be composed");
        assertThat(s.transforms().entries()).containsExactly(e, linear);
    }

    @Test
    void usingTheEntryBringsBackItsDeformationWhileTheSessionHoldsIt() {
        Session s = TransformManagerTest.session();
        SpatialTransform whole = whole(s);
        Deformation d = new Deformation(A, whole, new FoldingCheck.Report(0.8, 1.2, 0, null), null);
        s.setTransform(A);
        s.setDeformation(d);
        Entry e = keep(s, whole);
        TransformManager tm = new TransformManager(s);
        s.setTransform(AffineMap.identity());
        assertThat(s.deformation()).isEmpty();
        assertThat(tm.use(e)).as("the whole result is current again").isTrue();
        assertThat(s.deformation()).contains(d);

        Entry other = keep(s, whole(s)); // the same numbers, but not the result the session holds
        s.setDeformation(null);
        assertThat(tm.use(other)).as("only the affine part").isFalse();
        assertThat(s.fixedToMoving()).isEqualTo(A);
        assertThat(tm.use(s.transforms().add("b", TransformManagerTest.B, "test"))).isTrue();
    }

    @Test
    void renamingKeepsTheWholeMap() throws Exception {
        Session s = TransformManagerTest.session();
        SpatialTransform whole = whole(s);
        keep(s, whole);
        Entry renamed = new TransformManager(s).rename(s.transforms().entries().getFirst(), "B-spline result");
        assertThat(renamed.deformable()).isSameAs(whole);
        assertThat(renamed.whole()).isSameAs(whole);
        assertThat(s.transforms().add("lin", A, "test").whole().apply(new double[] {1, 2, 3}))
                .containsExactly(A.apply(new double[] {1, 2, 3}), within(1e-12));
    }

    @Test
    void hardeningReExpressesTheWholeMapSoItStillPointsAtTheSameVoxels() throws Exception {
        Session s = TransformManagerTest.session();
        var oldMoving = s.moving().orElseThrow();
        double a = Math.toRadians(9);
        AffineMap rigid = AffineMap.ofRowMajor3x4(Math.cos(a), -Math.sin(a), 0, 3, Math.sin(a), Math.cos(a), 0, -2, 0,
                0, 1, 1.5);
        Entry r = s.transforms().add("rigid", rigid, "test");
        SpatialTransform whole = whole(s);
        keep(s, whole);
        HardenMoving h = new HardenMoving(s);
        h.apply(h.prepare(r));
        var hardened = s.moving().orElseThrow();
        Entry now = s.transforms().entries().get(1);
        assertThat(now.isDeformable()).isTrue();
        for (double[] q : probes(s)) {
            double[] viaOld = oldMoving.source().geometry().worldToIndex(whole.apply(q));
            double[] viaNew = hardened.source().geometry().worldToIndex(now.whole().apply(q));
            assertThat(viaNew).containsExactly(viaOld, within(1e-9));
        }
    }

    @Test
    void theEntryRefusesAMapOfTheOtherDirection() {
        Session s = TransformManagerTest.session();
        SpatialTransform backwards = whole(s).withDirection(Direction.MOVING_TO_FIXED);
        assertThatThrownBy(() -> keep(s, backwards)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fixed to moving");
    }
}
