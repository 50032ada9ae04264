package org.coreg.registration;

import java.util.function.IntFunction;

/**
 * Regular-step gradient descent (as ITK's {@code RegularStepGradientDescentOptimizer}), in scaled parameters (see
 * {@link ParameterScales}): every step moves points by {@code step} mm along the negative gradient, whatever the
 * gradient's size; when successive gradients point in opposite directions (the step overshot the minimum) the step
 * is multiplied by the relaxation factor. It stops when the step falls below {@code minStepMm}, when the gradient
 * vanishes, or after {@code maxIterations}. The result is the last position.
 *
 * <p>Deterministic: it expects the same samples at every iteration (a fresh random set each iteration would make
 * the gradient's direction flip from noise alone and shrink the step too early), which is what
 * {@link Registration} gives it. Fewer tuning knobs than {@link GradientDescent} and it stops by itself once
 * converged; its accuracy is bounded by how well the one sample set represents the image.
 */
public final class RegularStepGradientDescent implements Optimizer {
    /**
     * Step factor after a turn. ITK's default is 0.5, but in the affine stage's twelve parameters the gradient zig-zags
     * across narrow valleys and halving stopped the descent 2-3 mm short on the affine phantom; 0.85 reaches the
     * stochastic descent's answer there (docs/benchmarks.md).
     */
    public static final double RELAXATION = 0.85;

    private final int maxIterations;
    private final double maxStepMm;
    private final double minStepMm;

    /**
     * @param maxIterations at most this many metric evaluations
     * @param maxStepMm     first step, mm of point displacement (about one voxel of the level)
     * @param minStepMm     convergence: stop when the step is smaller
     */
    public RegularStepGradientDescent(int maxIterations, double maxStepMm, double minStepMm) {
        if (!(maxStepMm > minStepMm) || !(minStepMm > 0) || maxIterations < 1) {
            throw new IllegalArgumentException("regular-step descent needs maxIterations >= 1 and maxStep > minStep > 0,"
                    + " got " + maxIterations + ", " + maxStepMm + ", " + minStepMm);
        }
        this.maxIterations = maxIterations;
        this.maxStepMm = maxStepMm;
        this.minStepMm = minStepMm;
    }

    @Override
    public Outcome minimise(ParametricTransform t, ImageMetric metric, IntFunction<SampleSet> samples, double[] scales,
                            Monitor monitor) throws RegistrationException {
        int np = t.parameterCount();
        double[] p = t.parameters();
        double[] prev = null;
        double step = maxStepMm;
        MetricValue v = null;
        int k = 0;
        while (k < maxIterations) {
            v = metric.evaluate(t, samples.apply(k), true);
            monitor.iteration(k, v);
            k++;
            double[] g = ScaledGradient.of(v.gradient(), scales);
            double norm = ScaledGradient.norm(g);
            if (!(norm > 0)) {
                break;
            }
            if (prev != null && ScaledGradient.dot(g, prev) < 0) {
                step *= RELAXATION;
                if (step < minStepMm) {
                    break;
                }
            }
            prev = g;
            for (int j = 0; j < np; j++) {
                p[j] -= step * g[j] / norm / scales[j];
            }
            t.setParameters(p);
        }
        return new Outcome(v, k);
    }
}
