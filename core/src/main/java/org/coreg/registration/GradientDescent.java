package org.coreg.registration;

import java.util.function.IntFunction;

/**
 * Stochastic gradient descent in scaled parameters (see {@link ParameterScales}), with a step measured in
 * millimetres of point displacement. The first step moves points by at most {@code maxStepMm} (about one voxel of
 * the level, as elastix's MaximumStepLength); the step then follows the gradient magnitude, relative to the first
 * iterations' gradient norm, and decays as {@code ((A+1)/(k+A+1))^alpha} (elastix's ASGD gain sequence) and is
 * shrunk by 0.9 (down to a fifth) each time successive gradients point in opposite directions (regular-step
 * descent), so the noise of random sampling dies out. The result is the mean of the iterates of the last fifth
 * (Polyak averaging), which removes most of the remaining sampling noise.
 */
public final class GradientDescent implements Optimizer {
    private static final double A = 20;
    private static final double ALPHA = 0.602;
    private static final double RELAX = 0.9;
    private static final double RELAX_FLOOR = 0.2;

    private final int iterations;
    private final double maxStepMm;

    public GradientDescent(int iterations, double maxStepMm) {
        this.iterations = iterations;
        this.maxStepMm = maxStepMm;
    }

    @Override
    public Outcome minimise(ParametricTransform t, ImageMetric metric, IntFunction<SampleSet> samples, double[] scales,
                            Monitor monitor) throws RegistrationException {
        int np = t.parameterCount();
        double[] p = t.parameters();
        double[] prev = null;
        double[] avg = new double[np];
        int avgCount = 0;
        int avgFrom = iterations - Math.max(1, iterations / 5);
        double gRef = 0;
        double relax = 1;
        MetricValue v = null;
        for (int k = 0; k < iterations; k++) {
            v = metric.evaluate(t, samples.apply(k), true);
            monitor.iteration(k, v);
            double[] g = ScaledGradient.of(v.gradient(), scales);
            double norm = ScaledGradient.norm(g);
            if (k < 3) {
                gRef = Math.max(gRef, norm);
            }
            if (prev != null && ScaledGradient.dot(g, prev) < 0) {
                relax = Math.max(RELAX_FLOOR, relax * RELAX);
            }
            prev = g;
            if (norm > 0 && gRef > 0) {
                double gain = maxStepMm * relax * Math.pow((A + 1) / (k + A + 1), ALPHA) / gRef;
                double step = Math.min(gain * norm, maxStepMm * relax);
                for (int j = 0; j < np; j++) {
                    p[j] -= step * g[j] / norm / scales[j];
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
        return new Outcome(v, iterations);
    }
}
