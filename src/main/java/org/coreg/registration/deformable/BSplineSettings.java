package org.coreg.registration.deformable;

/**
 * Settings of the B-spline stage that the linear stages do not have. Pyramid levels, histogram bins, seed, threads,
 * mask, ROI and interpolation come from the run's {@link org.coreg.registration.RegistrationSettings}.
 *
 * @param gridSpacingMm  control-node spacing at the finest level, mm; each coarser level doubles it
 * @param bendingWeight  weight of the bending-energy penalty (mm^-2 energy added to minus MI in nats); 0 = off
 * @param iterations     optimiser iterations per level
 * @param samples        random fixed samples per iteration (0 = every voxel of the level)
 * @param jacobianMap    whether to keep the Jacobian-determinant map (a float volume on the fixed grid)
 */
public record BSplineSettings(double gridSpacingMm, double bendingWeight, int iterations, int samples,
                              boolean jacobianMap) {
    public BSplineSettings {
        if (!(gridSpacingMm > 0) || Double.isInfinite(gridSpacingMm)) {
            throw new IllegalArgumentException("grid spacing: expected a positive number of mm, found " + gridSpacingMm);
        }
        if (!(bendingWeight >= 0) || Double.isInfinite(bendingWeight)) {
            throw new IllegalArgumentException("bending weight: expected 0 or a positive number, found "
                    + bendingWeight);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations: expected at least 1, found " + iterations);
        }
        if (samples < 0) {
            throw new IllegalArgumentException("samples: expected 0 (all voxels) or more, found " + samples);
        }
    }

    /** 20 mm nodes at the finest level, no bending penalty, 250 iterations of 3000 samples per level, no map. */
    public static BSplineSettings defaults() {
        return new BSplineSettings(20, 0, 250, 3000, false);
    }

    public BSplineSettings withGridSpacing(double mm) {
        return new BSplineSettings(mm, bendingWeight, iterations, samples, jacobianMap);
    }

    public BSplineSettings withBendingWeight(double w) {
        return new BSplineSettings(gridSpacingMm, w, iterations, samples, jacobianMap);
    }

    public BSplineSettings withIterations(int n) {
        return new BSplineSettings(gridSpacingMm, bendingWeight, n, samples, jacobianMap);
    }

    public BSplineSettings withSamples(int n) {
        return new BSplineSettings(gridSpacingMm, bendingWeight, iterations, n, jacobianMap);
    }

    public BSplineSettings withJacobianMap(boolean keep) {
        return new BSplineSettings(gridSpacingMm, bendingWeight, iterations, samples, keep);
    }
}
