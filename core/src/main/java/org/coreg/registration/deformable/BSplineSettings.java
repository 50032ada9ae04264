package org.coreg.registration.deformable;

/**
 * Settings of the B-spline stage that the linear stages do not have. Pyramid levels, histogram bins, seed, threads,
 * mask, ROI and interpolation come from the run's {@link org.coreg.registration.RegistrationSettings}.
 *
 * @param gridSpacingMm  control-node spacing at the finest level, mm; each coarser level doubles it
 * @param bendingWeight  weight of the bending-energy penalty (mm^-2 energy added to minus MI in nats); 0 = off
 * @param iterations     adaptive SGD: iterations per level
 * @param samples        adaptive SGD: random fixed samples per iteration (0 = every voxel of the level)
 * @param jacobianMap    whether to keep the Jacobian-determinant map (a float volume on the fixed grid)
 * @param optimizer      the optimiser of each level: adaptive stochastic gradient descent (default) or L-BFGS on
 *                       every voxel of the level
 * @param lbfgsIterations with {@link BSplineOptimizer#LBFGS}: the most iterations per level (each is one or a few
 *                       full-sample evaluations); {@code iterations} and {@code samples} then do not apply
 */
public record BSplineSettings(double gridSpacingMm, double bendingWeight, int iterations, int samples,
                              boolean jacobianMap, BSplineOptimizer optimizer, int lbfgsIterations) {
    /**
     * Default most L-BFGS iterations per level (20). Each iteration sees every voxel of the level. More is not better:
     * the full-sample MI of a real pair is at least slightly off the true deformation (noise, interpolation at
     * edges), and a converging optimiser follows it there. Measured on the B-spline benchmark pair (MNI T1 vs a
     * CT-like warped rendering, docs/benchmarks.md) with voxel-centre samples: 10 / 20 / 40 / 100 iterations per level
     * ended 0.42 / 0.39 / 0.43 / 0.50 mm from the truth, in 17 / 15 / 33 / 91 s; with the samples off the voxel grid
     * (now) 20 and 40 end 0.34 and 0.35 mm from it (2026-12-01).
     */
    public static final int DEFAULT_LBFGS_ITERATIONS = 20;

    /** The stochastic-descent settings of before the optimiser choice (ADAPTIVE_SGD, default L-BFGS budget). */
    public BSplineSettings(double gridSpacingMm, double bendingWeight, int iterations, int samples,
                           boolean jacobianMap) {
        this(gridSpacingMm, bendingWeight, iterations, samples, jacobianMap, BSplineOptimizer.ADAPTIVE_SGD,
                DEFAULT_LBFGS_ITERATIONS);
    }

    public BSplineSettings {
        if (optimizer == null) {
            throw new IllegalArgumentException("optimizer: expected ADAPTIVE_SGD or LBFGS, found null");
        }
        if (lbfgsIterations < 1) {
            throw new IllegalArgumentException("L-BFGS iterations: expected at least 1, found " + lbfgsIterations);
        }
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

    /**
     * 20 mm nodes at the finest level, no bending penalty, adaptive stochastic gradient descent with 250 iterations of
     * 3000 samples per level, no map.
     */
    public static BSplineSettings defaults() {
        return new BSplineSettings(20, 0, 250, 3000, false);
    }

    public BSplineSettings withGridSpacing(double mm) {
        return new BSplineSettings(mm, bendingWeight, iterations, samples, jacobianMap, optimizer, lbfgsIterations);
    }

    public BSplineSettings withBendingWeight(double w) {
        return new BSplineSettings(gridSpacingMm, w, iterations, samples, jacobianMap, optimizer, lbfgsIterations);
    }

    public BSplineSettings withIterations(int n) {
        return new BSplineSettings(gridSpacingMm, bendingWeight, n, samples, jacobianMap, optimizer, lbfgsIterations);
    }

    public BSplineSettings withSamples(int n) {
        return new BSplineSettings(gridSpacingMm, bendingWeight, iterations, n, jacobianMap, optimizer, lbfgsIterations);
    }

    public BSplineSettings withJacobianMap(boolean keep) {
        return new BSplineSettings(gridSpacingMm, bendingWeight, iterations, samples, keep, optimizer, lbfgsIterations);
    }

    public BSplineSettings withOptimizer(BSplineOptimizer o) {
        return new BSplineSettings(gridSpacingMm, bendingWeight, iterations, samples, jacobianMap, o, lbfgsIterations);
    }

    /** With {@link BSplineOptimizer#LBFGS}: the most iterations per level. */
    public BSplineSettings withLbfgsIterations(int n) {
        return new BSplineSettings(gridSpacingMm, bendingWeight, iterations, samples, jacobianMap, optimizer, n);
    }
}
