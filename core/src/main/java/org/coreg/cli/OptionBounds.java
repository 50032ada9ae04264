package org.coreg.cli;

import java.util.Locale;
import org.coreg.image.ImageGeometry;
import org.coreg.registration.RegistrationSettings;
import org.coreg.registration.deformable.BSplineSettings;

/**
 * The allowed ranges of the numeric options of {@code coreg register} (and of anything else that builds
 * {@link RegistrationSettings}): a value outside is refused at once with the range, instead of running until the
 * machine runs out of threads or memory ({@code --threads 100000} started 32,000 threads; {@code --grid-spacing 0.5}
 * on a head ran 5.5 minutes to 6.2 GB).
 */
final class OptionBounds {
    /** Worker threads: 0 (all processors) up to this many; more only adds switching, never speed. */
    static final int MAX_THREADS = 256;
    /** Pyramid levels: a 2^7 shrink leaves a few voxels of a 512-voxel axis. */
    static final int MAX_LEVELS = 8;
    /** Mattes MI histogram bins (elastix and ITK use 32 to 64). */
    static final int MIN_BINS = 4;
    static final int MAX_BINS = 1024;
    /** Iterations per level. */
    static final int MAX_ITERATIONS = 100_000;
    /** Samples per iteration (0 in the B-spline stage: every voxel). */
    static final int MAX_SAMPLES = 50_000_000;
    /**
     * B-spline control points at full resolution; each holds three coefficients, and the optimisers keep a few tens of
     * arrays of them. Two million points cover a 256 mm head at 2.2 mm spacing (elastix uses 10 to 20 mm).
     */
    static final long MAX_CONTROL_POINTS = 2_000_000;

    private OptionBounds() {
    }

    /** Checks the settings of the linear stages (threads, levels, bins, iterations, samples). */
    static void check(RegistrationSettings s) {
        range("--threads", s.threads(), 0, MAX_THREADS, " (0 = all processors)");
        range("--levels", s.levels(), 1, MAX_LEVELS, "");
        range("--bins", s.bins(), MIN_BINS, MAX_BINS, "");
        range("--iterations", s.iterations(), 1, MAX_ITERATIONS, "");
        range("--samples", s.samples(), 1, MAX_SAMPLES, "");
    }

    /** Checks the B-spline settings that do not depend on the image (spacing is a positive finite number). */
    static void check(BSplineSettings b) {
        if (!(b.gridSpacingMm() > 0) || Double.isInfinite(b.gridSpacingMm())) {
            throw new IllegalArgumentException("--grid-spacing: expected a positive grid spacing in mm, found "
                    + b.gridSpacingMm());
        }
        range("--bspline-iterations", b.iterations(), 1, MAX_ITERATIONS, "");
        range("--bspline-samples", b.samples(), 0, MAX_SAMPLES, " (0 = every voxel)");
    }

    /**
     * Checks that {@code spacingMm} gives at most {@link #MAX_CONTROL_POINTS} control points over the fixed image
     * (its extent along each axis over the spacing, plus the margin nodes), naming the smallest spacing allowed.
     */
    static void checkGrid(double spacingMm, ImageGeometry fixed) {
        long points = controlPoints(spacingMm, fixed);
        if (points <= MAX_CONTROL_POINTS) {
            return;
        }
        double min = spacingMm;
        while (controlPoints(min, fixed) > MAX_CONTROL_POINTS) {
            min *= 1.05;
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT, "--grid-spacing: expected at least %.2f mm "
                + "for this fixed image (%d x %d x %d voxels of %.3g x %.3g x %.3g mm: at most %d control points), "
                + "found %s mm (%d control points)", Math.ceil(min * 100) / 100, fixed.size(0), fixed.size(1),
                fixed.size(2), fixed.spacing()[0], fixed.spacing()[1], fixed.spacing()[2], MAX_CONTROL_POINTS,
                JsonText.number(spacingMm), points));
    }

    /** Control points of a grid of {@code spacingMm} over the fixed image, as the B-spline stage lays it out. */
    static long controlPoints(double spacingMm, ImageGeometry fixed) {
        double n = 1;
        for (int a = 0; a < 3; a++) {
            double extent = (fixed.size(a) - 1) * fixed.spacing()[a];
            n *= Math.floor(extent / spacingMm) + 6;
        }
        return n > Long.MAX_VALUE / 2 ? Long.MAX_VALUE / 2 : (long) n;
    }

    /** The six numbers of {@code --roi}: finite, each low corner below its high one (LPS mm). */
    static void checkRoi(double[] roi) {
        for (int a = 0; a < 3; a++) {
            if (!Double.isFinite(roi[a]) || !Double.isFinite(roi[a + 3]) || !(roi[a] < roi[a + 3])) {
                throw new IllegalArgumentException("--roi: expected finite x0,y0,z0,x1,y1,z1 with each low corner "
                        + "below its high one (LPS mm), found " + JsonText.number(roi[a]) + " and "
                        + JsonText.number(roi[a + 3]) + " on axis " + "xyz".charAt(a));
            }
        }
    }

    private static void range(String option, long value, long min, long max, String note) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + ": expected " + min + " to " + max + note + ", found "
                    + value);
        }
    }
}
