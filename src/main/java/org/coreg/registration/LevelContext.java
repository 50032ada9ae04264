package org.coreg.registration;

/**
 * Everything one pyramid level needs: where to sample the fixed image, the metric over the moving level, and the
 * largest step (mm) an iteration may move a point (about one voxel of the level).
 */
record LevelContext(int level, FixedSampler sampler, MattesMutualInformation metric, double maxStepMm) {
}
