package org.coreg.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.coreg.image.AffineMap;
import org.junit.jupiter.api.Test;

/** The regular-step descent on an analytic bowl, then on the CT/MR phantom through {@link Registration}. */
class RegularStepGradientDescentTest {
    private static final SampleSet NONE = new SampleSet(new double[0], new float[0]);
    private static final double[] CENTRE = {3, -2, 1, 0.5};
    private static final double[] WEIGHT = {1, 10, 0.1, 5};

    /** sum_j w_j (p_j - c_j)^2, a badly scaled bowl with its minimum at CENTRE. */
    private static final ImageMetric BOWL = (t, samples, withGradient) -> {
        double[] p = t.parameters();
        double cost = 0;
        double[] g = new double[p.length];
        for (int j = 0; j < p.length; j++) {
            double d = p[j] - CENTRE[j];
            cost += WEIGHT[j] * d * d;
            g[j] = 2 * WEIGHT[j] * d;
        }
        return new MetricValue(cost, withGradient ? g : null, 1);
    };

    @Test
    void reachesTheMinimumAndStopsByItselfWhenTheStepIsSpent() throws Exception {
        ParameterVector t = new ParameterVector(0, 0, 0, 0);
        List<Integer> seen = new ArrayList<>();
        Optimizer.Outcome o = new RegularStepGradientDescent(5000, 1.0, 1e-5).minimise(t, BOWL, k -> NONE,
                new double[] {1, 1, 1, 1}, (k, v) -> seen.add(k));
        double[] p = t.parameters();
        for (int j = 0; j < p.length; j++) {
            assertThat(p[j]).as("p%d", j).isCloseTo(CENTRE[j], within(1e-3));
        }
        assertThat(o.iterations()).isLessThan(5000).isEqualTo(seen.size());
        assertThat(seen.get(seen.size() - 1)).isEqualTo(o.iterations() - 1);
    }

    @Test
    void everyStepMovesTheScaledParametersByTheCurrentStepLength() throws Exception {
        // Parameter 0 moves points by 2 mm per unit: a 1 mm step is half a unit, whatever the gradient's size.
        ParameterVector t = new ParameterVector(0, 0, 0, 0);
        double[] before = t.parameters();
        new RegularStepGradientDescent(1, 1.0, 0.01).minimise(t, BOWL, k -> NONE, new double[] {2, 1, 1, 1},
                (k, v) -> { });
        double[] after = t.parameters();
        double mm = 0;
        double[] scales = {2, 1, 1, 1};
        for (int j = 0; j < 4; j++) {
            mm += Math.pow((after[j] - before[j]) * scales[j], 2);
        }
        assertThat(Math.sqrt(mm)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void refusesAMinimumStepAboveTheFirst() {
        assertThatThrownBy(() -> new RegularStepGradientDescent(10, 0.1, 0.2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxStep > minStep");
    }

    @Test
    void registersTheRigidPhantomDeterministicallyAndStopsBeforeItsIterationBudget() throws Exception {
        AffineMap truth = Phantom.rigid(8, -5, 12, new double[] {7, -11, 5}, new double[] {3, -4, 6});
        var fixed = Phantom.render(PhantomRegistrationTest.fixedGrid(), Phantom.MR, AffineMap.identity(), 8, 1);
        var moving = Phantom.render(PhantomRegistrationTest.movingGrid(), Phantom.CT, truth, 6, 2);
        RegistrationSettings s = RegistrationSettings.defaults().withOptimizer(OptimizerKind.REGULAR_STEP);
        RegistrationResult a = new Registration(s).run(fixed, moving);
        RegistrationResult b = new Registration(s.withThreads(1)).run(fixed, moving);
        double angle = Phantom.angleDegrees(a.fixedToMoving(), truth);
        double shift = Phantom.pointError(a.fixedToMoving(), truth, new double[3]);
        System.out.printf("rigid phantom, regular-step descent: angle error %.3f deg, centre error %.3f mm%n", angle,
                shift);
        assertThat(angle).isLessThan(0.2);
        assertThat(shift).isLessThan(0.2);
        assertThat(b.fixedToMoving().maxAbsDifference(a.fixedToMoving())).isZero();
        assertThat(a.log()).filteredOn(l -> l.stage().equals("rigid"))
                .allSatisfy(l -> assertThat(l.iterations()).isLessThan(s.iterations()));
    }
}
