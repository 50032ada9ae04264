package org.coreg.registration.deformable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;
import org.coreg.registration.IterationEvent;
import org.coreg.registration.PhantomAccess;
import org.coreg.registration.RegistrationCancelledException;
import org.coreg.registration.RegistrationSettings;
import org.coreg.transform.AffineTransform;
import org.coreg.transform.SpatialTransform;
import org.junit.jupiter.api.Test;

/**
 * A known smooth B-spline deformation of the head phantom, recovered by the B-spline stage. The phantom carries a
 * smooth multiplicative texture (as tissue does): on piecewise-constant ellipsoids the deformation inside each
 * ellipsoid is invisible to any intensity metric, and MI can even be raised by squeezing the edges, so the truth would
 * not be the optimum.
 */
class SyntheticBSplineRecoveryTest {
    static final ImageGeometry GRID = ImageGeometry.axisAligned(new int[] {80, 96, 88},
            new double[] {2, 2, 2}, new double[] {-80, -96, -108});
    private static final SpatialTransform IDENTITY = AffineTransform.fixedToMoving(AffineMap.identity());

    static double textured(double[] p) {
        double v = PhantomAccess.value(p, PhantomAccess.MR);
        return v * (1 + 0.2 * Math.sin(p[0] / 6.0 + 1) * Math.sin(p[1] / 7.0 + 2) * Math.sin(p[2] / 5.0 + 0.5));
    }

    static boolean inside(double[] p) {
        return PhantomAccess.value(p, PhantomAccess.MR) > 190;
    }

    @Test
    void recoversAKnownDeformationOfThePhantomToBelowHalfAMillimetre(@org.junit.jupiter.api.io.TempDir
                                                                      java.nio.file.Path dir) throws Exception {
        BSplineDeformation truth = Deformations.random(GRID, 40, 8, 7);
        SpatialTransform t = truth.toTransform();
        // fixed(x) shows the phantom at T(x); moving is the phantom itself: so T maps fixed to moving.
        Volume fixed = Deformations.render(GRID, t, SyntheticBSplineRecoveryTest::textured, "fixed");
        Volume moving = Deformations.render(GRID, IDENTITY, SyntheticBSplineRecoveryTest::textured, "moving");
        double before = Deformations.meanError(GRID, t, IDENTITY, SyntheticBSplineRecoveryTest::inside);
        List<IterationEvent> events = new ArrayList<>();
        RegistrationSettings s = RegistrationSettings.defaults().withLevels(3);
        DeformableResult r = new DeformableRegistration(s, BSplineSettings.defaults().withJacobianMap(true),
                events::add, null).runFrom(fixed, moving, AffineMap.identity());
        double after = Deformations.meanError(GRID, t, r.fixedToMoving(), SyntheticBSplineRecoveryTest::inside);
        System.out.printf("synthetic B-spline: mean displacement %.3f mm before, %.3f mm after; det min %.3f%n",
                before, after, r.folding().min());
        assertThat(before).isGreaterThan(2.0);
        assertThat(after).isLessThan(0.5);
        assertThat(r.folding().folds()).isFalse();
        assertThat(r.warning()).isEmpty();
        assertThat(r.folding().map().geometry()).isEqualTo(GRID);
        // the Jacobian-determinant map is an ordinary image: written and read back through the image formats
        java.nio.file.Path map = dir.resolve("jacobian.nrrd");
        org.coreg.io.ImageFormats.standard().write(r.folding().map(), map);
        float[] back = org.coreg.io.ImageFormats.standard().read(map).toFloatArray();
        assertThat(back).containsExactly(r.folding().map().toFloatArray());
        float lowest = Float.MAX_VALUE;
        for (float v : back) {
            lowest = Math.min(lowest, v);
        }
        assertThat((double) lowest).isCloseTo(r.folding().min(), org.assertj.core.api.Assertions.within(1e-6));
        assertThat(events).isNotEmpty().allMatch(e -> e.stage().equals("bspline"));
        assertThat(r.log()).extracting(l -> l.note()).anyMatch(n -> n.contains("at 20.0 mm"));

        // same seed, other thread count: the same deformation, bit for bit
        DeformableResult one = new DeformableRegistration(s.withThreads(1), BSplineSettings.defaults(), null, null)
                .runFrom(fixed, moving, AffineMap.identity());
        assertThat(one.bspline().coefficients()).isEqualTo(r.bspline().coefficients());
        // another seed: a different sample sequence, an equally good answer
        DeformableResult other = new DeformableRegistration(s.withSeed(99), BSplineSettings.defaults(), null, null)
                .runFrom(fixed, moving, AffineMap.identity());
        assertThat(other.bspline().coefficients()).isNotEqualTo(r.bspline().coefficients());
        assertThat(Deformations.meanError(GRID, t, other.fixedToMoving(), SyntheticBSplineRecoveryTest::inside))
                .isLessThan(0.5);
    }

    @Test
    void cancelStopsTheStageWithoutAResult() {
        Volume fixed = Deformations.render(GRID, Deformations.random(GRID, 40, 8, 7).toTransform(),
                SyntheticBSplineRecoveryTest::textured, "fixed");
        Volume moving = Deformations.render(GRID, IDENTITY, SyntheticBSplineRecoveryTest::textured, "moving");
        AtomicInteger seen = new AtomicInteger();
        DeformableRegistration run = new DeformableRegistration(RegistrationSettings.defaults().withLevels(3),
                BSplineSettings.defaults(), e -> seen.incrementAndGet(), () -> seen.get() >= 10);
        assertThatThrownBy(() -> run.runFrom(fixed, moving, AffineMap.identity()))
                .isInstanceOf(RegistrationCancelledException.class);
        assertThat(seen.get()).isEqualTo(10);
    }
}
