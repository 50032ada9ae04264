package org.coreg.registration.deformable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.coreg.registration.Optimizer;
import org.coreg.registration.ImageMetric;
import org.coreg.registration.MetricValue;
import org.coreg.registration.ParameterVector;
import org.coreg.registration.ParametricTransform;
import org.coreg.registration.SampleSet;
import org.junit.jupiter.api.Test;

/** L-BFGS on analytic functions with known minima, fed through the optimiser's metric/transform interfaces. */
class LimitedMemoryBfgsTest {
    private static final SampleSet NONE = new SampleSet(new double[0], new float[0]);

    /** f(x) and its gradient as {@code {f, g0, g1, ...}}; counts evaluations. */
    private static final class Analytic implements ImageMetric {
        private final Function<double[], double[]> f;
        int evaluations;

        Analytic(Function<double[], double[]> f) {
            this.f = f;
        }

        @Override
        public MetricValue evaluate(ParametricTransform t, SampleSet samples, boolean withGradient) {
            evaluations++;
            double[] v = f.apply(t.parameters());
            double[] g = new double[v.length - 1];
            System.arraycopy(v, 1, g, 0, g.length);
            return new MetricValue(v[0], withGradient ? g : null, 1);
        }
    }

    /** sum_j w_j (x_j - j - 1)^2 with weights spanning three decades (condition number 1000). */
    private static double[] quadratic(double[] x) {
        double[] out = new double[x.length + 1];
        for (int j = 0; j < x.length; j++) {
            double w = Math.pow(10, 3.0 * j / (x.length - 1));
            double d = x[j] - (j + 1);
            out[0] += w * d * d;
            out[j + 1] = 2 * w * d;
        }
        return out;
    }

    /** The extended Rosenbrock function, minimum 0 at (1, ..., 1). */
    private static double[] rosenbrock(double[] x) {
        double[] out = new double[x.length + 1];
        for (int j = 0; j + 1 < x.length; j++) {
            double a = x[j + 1] - x[j] * x[j];
            double b = 1 - x[j];
            out[0] += 100 * a * a + b * b;
            out[j + 1] += -400 * x[j] * a - 2 * b;
            out[j + 2] += 200 * a;
        }
        return out;
    }

    @Test
    void findsTheMinimumOfABadlyScaledQuadratic() throws Exception {
        ParameterVector t = new ParameterVector(new double[20]);
        Analytic f = new Analytic(LimitedMemoryBfgsTest::quadratic);
        List<Double> costs = new ArrayList<>();
        Optimizer.Outcome o = new LimitedMemoryBfgs(500, 1, null, 1e-15, 1e-10).minimise(t, f, NONE,
                (k, v) -> costs.add(v.cost()));
        double[] x = t.parameters();
        for (int j = 0; j < x.length; j++) {
            assertThat(x[j]).as("x%d", j).isCloseTo(j + 1, within(1e-4));
        }
        assertThat(o.last().cost()).isLessThan(1e-8).isEqualTo(quadratic(x)[0]);
        assertThat(o.iterations()).isLessThan(500).isEqualTo(costs.size() - 1);
        // a line search never accepts a rise
        for (int k = 1; k < costs.size(); k++) {
            assertThat(costs.get(k)).isLessThanOrEqualTo(costs.get(k - 1));
        }
    }

    @Test
    void findsTheMinimumOfRosenbrocksValley() throws Exception {
        double[] start = new double[10];
        for (int j = 0; j < start.length; j++) {
            start[j] = j % 2 == 0 ? -1.2 : 1;
        }
        ParameterVector t = new ParameterVector(start);
        Analytic f = new Analytic(LimitedMemoryBfgsTest::rosenbrock);
        Optimizer.Outcome o = new LimitedMemoryBfgs(1000, 0.5, null, 1e-15, 1e-10).minimise(t, f, NONE,
                (k, v) -> { });
        for (double v : t.parameters()) {
            assertThat(v).isCloseTo(1, within(1e-4));
        }
        assertThat(o.last().cost()).isLessThan(1e-8);
        // quasi-Newton: far fewer evaluations than the thousands steepest descent needs in the curved valley
        assertThat(f.evaluations).isLessThan(400);
    }

    @Test
    void theFirstStepMovesNoParameterMoreThanTheMaximumStep() throws Exception {
        ParameterVector t = new ParameterVector(new double[20]);
        Analytic f = new Analytic(LimitedMemoryBfgsTest::quadratic);
        new LimitedMemoryBfgs(1, 0.25, null).minimise(t, f, NONE, (k, v) -> { });
        double largest = 0;
        for (double v : t.parameters()) {
            largest = Math.max(largest, Math.abs(v));
        }
        assertThat(largest).isGreaterThan(0).isLessThanOrEqualTo(0.25 + 1e-12);
    }

    @Test
    void thePenaltyIsPartOfTheCost() throws Exception {
        // metric (x - 4)^2, penalty x^2: the sum is least at x = 2
        ParameterVector t = new ParameterVector(0);
        Analytic f = new Analytic(x -> new double[] {(x[0] - 4) * (x[0] - 4), 2 * (x[0] - 4)});
        AdaptiveStochasticDescent.Penalty p = (x, g) -> {
            g[0] += 2 * x[0];
            return x[0] * x[0];
        };
        Optimizer.Outcome o = new LimitedMemoryBfgs(50, 1, p, 1e-15, 1e-10).minimise(t, f, NONE,
                (k, v) -> { });
        assertThat(t.parameters()[0]).isCloseTo(2, within(1e-6));
        assertThat(o.last().cost()).isCloseTo(8, within(1e-9));
    }
}
