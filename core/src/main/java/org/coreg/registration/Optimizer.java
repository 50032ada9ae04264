package org.coreg.registration;

import java.util.function.IntFunction;

/** Minimises an image metric over the parameters of a transform, in scaled parameters (see {@link ParameterScales}). */
public interface Optimizer {
    /** Called once per iteration with the value at the start of it; may throw to cancel or to abandon the level. */
    interface Monitor {
        void iteration(int k, MetricValue value) throws RegistrationException;
    }

    /** What the optimisation reached: the last metric value seen and the iterations run. */
    record Outcome(MetricValue last, int iterations) {
    }

    /**
     * Minimises {@code metric} over the parameters of {@code t} (left at the result).
     *
     * @param samples the samples of iteration k (a new set each iteration for a stochastic descent, the same set for
     *                a deterministic one)
     * @param scales  root-mean-square displacement in mm per unit of each parameter
     */
    Outcome minimise(ParametricTransform t, ImageMetric metric, IntFunction<SampleSet> samples, double[] scales,
                     Monitor monitor) throws RegistrationException;
}
