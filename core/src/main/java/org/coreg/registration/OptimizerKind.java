package org.coreg.registration;

/** The optimiser of the rigid, similarity and affine levels (the global search always refines stochastically). */
public enum OptimizerKind {
    /**
     * {@link GradientDescent}: new random samples every iteration, a decaying step in the spirit of elastix's adaptive
     * stochastic gradient descent, averaged iterates; runs all its iterations. The default.
     */
    STOCHASTIC,
    /**
     * {@link RegularStepGradientDescent}: one set of at least 200,000 fixed samples per level (every voxel of smaller
     * levels; the samples setting raises it, 0 means every voxel), a fixed step shrunk whenever the gradient turns
     * back, stops by itself when the step is below a thousandth of a voxel. It converges on one fixed objective per level
     * (on levels of up to 200,000 voxels every voxel, so the answer does not depend on the seed there); two to four
     * times slower than the stochastic descent, since it evaluates far more samples.
     */
    REGULAR_STEP
}
