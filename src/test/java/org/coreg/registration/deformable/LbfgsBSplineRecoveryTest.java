package org.coreg.registration.deformable;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.coreg.image.AffineMap;
import org.coreg.image.Volume;
import org.coreg.registration.IterationEvent;
import org.coreg.registration.LevelLog;
import org.coreg.registration.RegistrationSettings;
import org.coreg.transform.AffineTransform;
import org.coreg.transform.SpatialTransform;
import org.junit.jupiter.api.Test;

/**
 * The synthetic recovery of {@link SyntheticBSplineRecoveryTest} (a known smooth deformation of the textured head
 * phantom) with the L-BFGS option: every voxel of each level, a deterministic cost, the same accuracy bar.
 */
class LbfgsBSplineRecoveryTest {
    @Test
    void recoversAKnownDeformationOfThePhantomToBelowHalfAMillimetre() throws Exception {
        BSplineDeformation truth = Deformations.random(SyntheticBSplineRecoveryTest.GRID, 40, 8, 7);
        SpatialTransform t = truth.toTransform();
        Volume fixed = Deformations.render(SyntheticBSplineRecoveryTest.GRID, t, SyntheticBSplineRecoveryTest::textured,
                "fixed");
        Volume moving = Deformations.render(SyntheticBSplineRecoveryTest.GRID,
                AffineTransform.fixedToMoving(AffineMap.identity()), SyntheticBSplineRecoveryTest::textured, "moving");
        double before = Deformations.meanError(SyntheticBSplineRecoveryTest.GRID, t,
                AffineTransform.fixedToMoving(AffineMap.identity()), SyntheticBSplineRecoveryTest::inside);
        List<IterationEvent> events = new ArrayList<>();
        BSplineSettings lbfgs = BSplineSettings.defaults().withOptimizer(BSplineOptimizer.LBFGS);
        long t0 = System.nanoTime();
        DeformableResult r = new DeformableRegistration(RegistrationSettings.defaults().withLevels(3), lbfgs,
                events::add, null).runFrom(fixed, moving, AffineMap.identity());
        double after = Deformations.meanError(SyntheticBSplineRecoveryTest.GRID, t, r.fixedToMoving(),
                SyntheticBSplineRecoveryTest::inside);
        System.out.printf("synthetic B-spline, L-BFGS: mean displacement %.3f mm before, %.3f mm after, %.1f s; "
                + "det min %.3f%n", before, after, (System.nanoTime() - t0) / 1e9, r.folding().min());
        r.log().forEach(System.out::println);
        events.stream().filter(e -> e.level() == 2).forEach(e -> System.out.println(e.iteration() + " " + e.metric()));
        assertThat(before).isGreaterThan(2.0);
        assertThat(after).isLessThan(0.5);
        assertThat(r.folding().folds()).isFalse();
        List<LevelLog> levels = r.log().stream().filter(l -> l.stage().equals("bspline")).toList();
        assertThat(levels).hasSize(3).allMatch(l -> l.note().contains("L-BFGS")).allMatch(l -> l.iterations() >= 1
                && l.iterations() <= BSplineSettings.DEFAULT_LBFGS_ITERATIONS);
        // the cost never rises within a level: every accepted step passed the line search on the same samples
        for (int level = 0; level < 3; level++) {
            int lv = level;
            List<Double> costs = events.stream().filter(e -> e.level() == lv).map(IterationEvent::metric).toList();
            assertThat(costs).isNotEmpty();
            for (int k = 1; k < costs.size(); k++) {
                assertThat(costs.get(k)).isLessThanOrEqualTo(costs.get(k - 1));
            }
        }
    }
}
