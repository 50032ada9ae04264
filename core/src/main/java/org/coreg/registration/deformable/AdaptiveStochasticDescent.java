package org.coreg.registration.deformable;

import java.util.function.IntFunction;
import org.coreg.registration.Optimizer;
import org.coreg.registration.ImageMetric;
import org.coreg.registration.MetricValue;
import org.coreg.registration.ParametricTransform;
import org.coreg.registration.RegistrationException;
import org.coreg.registration.SampleSet;

/**
 * Stochastic gradient descent for thousands of B-spline coefficients (mm), with an automatic step size in the manner
 * of elastix's adaptive stochastic gradient descent: the gain is set so the first steps move a control point by at
 * most {@code maxStepMm} (a point moves at most as far as the farthest of its 64 nodes), decays as
 * {@code a / (t + A + 1)^alpha}, and the "time" {@code t} adapts to the angle between successive gradients: it runs
 * back when they agree (longer steps) and forward when they oppose (shorter steps). No step moves a node more than
 * {@code maxStepMm}. The result is the mean of the last fifth of the iterates, which removes most sampling noise.
 * An optional {@link Penalty} (bending energy) is added to the cost with its own gradient.
 */
final class AdaptiveStochasticDescent {
    private static final double A = 20;
    private static final double ALPHA = 0.602;
    private static final int CALIBRATION = 3;

    /** An extra cost of the parameters (its value and gradient are added to the metric's). */
    interface Penalty {
        /** Adds the gradient to {@code grad} and returns the value. */
        double addTo(double[] params, double[] grad);
    }

    private final int iterations;
    private final double maxStepMm;
    private final Penalty penalty;

    AdaptiveStochasticDescent(int iterations, double maxStepMm, Penalty penalty) {
        this.iterations = iterations;
        this.maxStepMm = maxStepMm;
        this.penalty = penalty;
    }

    /** Minimises metric (+ penalty) over the parameters of {@code t}; leaves {@code t} at the result. */
    MetricValue minimise(ParametricTransform t, ImageMetric metric, IntFunction<SampleSet> samples,
                         Optimizer.Monitor monitor) throws RegistrationException {
        int np = t.parameterCount();
        double[] p = t.parameters();
        double[] prev = null;
        double[] avg = new double[np];
        int avgFrom = iterations - Math.max(1, iterations / 5);
        int avgCount = 0;
        double gMax = 0;
        double time = 0;
        MetricValue last = null;
        for (int k = 0; k < iterations; k++) {
            MetricValue v = metric.evaluate(t, samples.apply(k), true);
            double[] g = v.gradient().clone();
            double cost = v.cost();
            if (penalty != null) {
                cost += penalty.addTo(p, g);
            }
            last = new MetricValue(cost, g, v.overlap());
            monitor.iteration(k, last);
            double largest = 0;
            for (double x : g) {
                largest = Math.max(largest, Math.abs(x));
            }
            if (k < CALIBRATION) {
                gMax += largest / CALIBRATION;
            }
            if (prev != null) {
                double dot = 0, n1 = 0, n2 = 0;
                for (int j = 0; j < np; j++) {
                    dot += g[j] * prev[j];
                    n1 += g[j] * g[j];
                    n2 += prev[j] * prev[j];
                }
                double cos = n1 > 0 && n2 > 0 ? dot / Math.sqrt(n1 * n2) : 0;
                // sigmoid of -cos: about -0.8 when the gradients agree, +1 when they oppose
                time = Math.max(0, time - 0.8 + 1.8 / (1 + Math.exp(5 * cos)));
            }
            prev = g;
            double ref = k < CALIBRATION ? Math.max(largest, 1e-300) : Math.max(gMax, 1e-300);
            double gain = maxStepMm / ref * Math.pow((A + 1) / (time + A + 1), ALPHA);
            if (largest > 0) {
                double scale = Math.min(gain, maxStepMm / largest);
                for (int j = 0; j < np; j++) {
                    p[j] -= scale * g[j];
                }
                t.setParameters(p);
            }
            if (k >= avgFrom) {
                for (int j = 0; j < np; j++) {
                    avg[j] += p[j];
                }
                avgCount++;
            }
        }
        if (avgCount > 0) {
            for (int j = 0; j < np; j++) {
                avg[j] /= avgCount;
            }
            t.setParameters(avg);
        }
        return last;
    }
}
