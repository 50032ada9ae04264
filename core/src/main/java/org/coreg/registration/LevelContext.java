package org.coreg.registration;

/**
 * Everything one pyramid level needs: where to sample the fixed image, the metric the optimiser follows (and
 * Mattes MI, which the global search always uses) over the moving level, and the
 * largest step (mm) an iteration may move a point (about one voxel of the level).
 */
record LevelContext(int level, FixedSampler sampler, MattesMutualInformation mi, ImageMetric metric, double maxStepMm) {
}
