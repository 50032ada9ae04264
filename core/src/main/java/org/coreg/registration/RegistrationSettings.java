package org.coreg.registration;

import java.util.List;
import java.util.Objects;
import org.coreg.image.AffineMap;
import org.coreg.image.Volume;
import org.coreg.image.interpolation.InterpolationKind;

/**
 * Everything a registration run needs besides the two images.
 *
 * @param stages           stages in order (rigid first)
 * @param levels           pyramid levels (coarsest to full resolution)
 * @param iterations       optimiser iterations per level
 * @param samples          random fixed samples per iteration (0 = every voxel of the level); the regular-step
 *                         optimiser draws one set of at least 200,000 per level instead
 * @param bins             histogram bins of Mattes MI
 * @param seed             seed of the sample draws: the same seed gives the same result
 * @param threads          worker threads (0 = all processors); the result does not depend on it
 * @param initialisation   how the start is chosen
 * @param initialTransform the user's pre-alignment, fixed to moving in LPS mm, applied first; or null
 * @param fixedMask        voxels of the fixed image to use (non-zero), on any grid, or null
 * @param roi              box in LPS mm restricting the fixed samples, or null
 * @param interpolation    moving-image interpolation (LINEAR or BSPLINE)
 * @param globalSearch     when the global search runs (it always scores with Mattes MI)
 * @param metric           the similarity the optimiser follows
 * @param optimizer        the optimiser of the linear stages' levels
 */
public record RegistrationSettings(List<Stage> stages, int levels, int iterations, int samples, int bins, long seed,
                                   int threads, Initialisation initialisation, AffineMap initialTransform,
                                   Volume fixedMask, RoiBox roi, InterpolationKind interpolation,
                                   GlobalSearchMode globalSearch, MetricKind metric, OptimizerKind optimizer) {
    public RegistrationSettings {
        stages = List.copyOf(stages);
        Objects.requireNonNull(initialisation, "initialisation");
        Objects.requireNonNull(interpolation, "interpolation");
        Objects.requireNonNull(globalSearch, "globalSearch");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(optimizer, "optimizer");
    }

    /**
     * Rigid, Mattes MI, 4 levels, 200 iterations of 3000 samples, 32 bins, linear interpolation, automatic global
     * search, stochastic gradient descent.
     */
    public static RegistrationSettings defaults() {
        return new RegistrationSettings(List.of(Stage.RIGID), 4, 200, 3000, 32, 1, 0, Initialisation.IDENTITY, null,
                null, null, InterpolationKind.LINEAR, GlobalSearchMode.AUTO, MetricKind.MATTES_MI,
                OptimizerKind.STOCHASTIC);
    }

    public RegistrationSettings withStages(Stage... s) {
        return new RegistrationSettings(List.of(s), levels, iterations, samples, bins, seed, threads, initialisation,
                initialTransform, fixedMask, roi, interpolation, globalSearch, metric, optimizer);
    }

    public RegistrationSettings withLevels(int n) {
        return new RegistrationSettings(stages, n, iterations, samples, bins, seed, threads, initialisation,
                initialTransform, fixedMask, roi, interpolation, globalSearch, metric, optimizer);
    }

    public RegistrationSettings withIterations(int n) {
        return new RegistrationSettings(stages, levels, n, samples, bins, seed, threads, initialisation,
                initialTransform, fixedMask, roi, interpolation, globalSearch, metric, optimizer);
    }

    public RegistrationSettings withSamples(int n) {
        return new RegistrationSettings(stages, levels, iterations, n, bins, seed, threads, initialisation,
                initialTransform, fixedMask, roi, interpolation, globalSearch, metric, optimizer);
    }

    public RegistrationSettings withSeed(long s) {
        return new RegistrationSettings(stages, levels, iterations, samples, bins, s, threads, initialisation,
                initialTransform, fixedMask, roi, interpolation, globalSearch, metric, optimizer);
    }

    public RegistrationSettings withThreads(int n) {
        return new RegistrationSettings(stages, levels, iterations, samples, bins, seed, n, initialisation,
                initialTransform, fixedMask, roi, interpolation, globalSearch, metric, optimizer);
    }

    public RegistrationSettings withInitialisation(Initialisation i) {
        return new RegistrationSettings(stages, levels, iterations, samples, bins, seed, threads, i,
                initialTransform, fixedMask, roi, interpolation, globalSearch, metric, optimizer);
    }

    public RegistrationSettings withInitialTransform(AffineMap fixedToMoving) {
        return new RegistrationSettings(stages, levels, iterations, samples, bins, seed, threads, initialisation,
                fixedToMoving, fixedMask, roi, interpolation, globalSearch, metric, optimizer);
    }

    public RegistrationSettings withFixedMask(Volume mask) {
        return new RegistrationSettings(stages, levels, iterations, samples, bins, seed, threads, initialisation,
                initialTransform, mask, roi, interpolation, globalSearch, metric, optimizer);
    }

    public RegistrationSettings withRoi(RoiBox box) {
        return new RegistrationSettings(stages, levels, iterations, samples, bins, seed, threads, initialisation,
                initialTransform, fixedMask, box, interpolation, globalSearch, metric, optimizer);
    }

    public RegistrationSettings withInterpolation(InterpolationKind k) {
        return new RegistrationSettings(stages, levels, iterations, samples, bins, seed, threads, initialisation,
                initialTransform, fixedMask, roi, k, globalSearch, metric, optimizer);
    }

    public RegistrationSettings withGlobalSearch(GlobalSearchMode m) {
        return new RegistrationSettings(stages, levels, iterations, samples, bins, seed, threads, initialisation,
                initialTransform, fixedMask, roi, interpolation, m, metric, optimizer);
    }

    public RegistrationSettings withMetric(MetricKind k) {
        return new RegistrationSettings(stages, levels, iterations, samples, bins, seed, threads, initialisation,
                initialTransform, fixedMask, roi, interpolation, globalSearch, k, optimizer);
    }

    public RegistrationSettings withOptimizer(OptimizerKind k) {
        return new RegistrationSettings(stages, levels, iterations, samples, bins, seed, threads, initialisation,
                initialTransform, fixedMask, roi, interpolation, globalSearch, metric, k);
    }
}
