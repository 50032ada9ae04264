package org.coreg.registration.deformable;

/** Which optimiser the B-spline stage runs at each pyramid level. */
public enum BSplineOptimizer {
    /**
     * Adaptive stochastic gradient descent ({@link AdaptiveStochasticDescent}): a fresh random draw of
     * {@link BSplineSettings#samples()} fixed positions (off the voxel grid) every iteration, {@link BSplineSettings#iterations()} iterations
     * per level, an automatic step size. Cheap iterations; the default.
     */
    ADAPTIVE_SGD,
    /**
     * Limited-memory BFGS ({@link LimitedMemoryBfgs}) on every candidate voxel of the level (full sampling: one fixed
     * sample set per level, each voxel's sample at a seeded random position within its cell, so the cost is
     * deterministic and a Wolfe line search is valid), at most
     * {@link BSplineSettings#lbfgsIterations()} iterations per level, stopping early when the cost or the gradient
     * stops changing. Fewer, far dearer iterations.
     */
    LBFGS
}
