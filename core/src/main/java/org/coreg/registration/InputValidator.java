package org.coreg.registration;

import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;

/** Refuses inputs that cannot register, before any work, with a message that says why and what to do. */
final class InputValidator {
    /** Fewest voxels per axis at the coarsest level (the B-spline and the histogram need some neighbours). */
    static final int MIN_COARSE_VOXELS = 4;

    private InputValidator() {
    }

    /** Refuses settings that cannot run; the images are checked by {@link #checkImage}. */
    static void checkSettings(RegistrationSettings s) throws RegistrationException {
        if (s.stages().isEmpty()) {
            throw new RegistrationException(
                    "no registration stage was asked for; ask for rigid (and optionally affine)");
        }
        if (s.stages().get(0) != Stage.RIGID) {
            throw new RegistrationException(
                    "the first stage must be rigid (affine starts from a converged rigid result);"
                    + " ask for rigid,affine");
        }
        if (s.initialTransform() != null) {
            String problem = LinearMapCheck.problem(s.initialTransform());
            if (problem != null) {
                throw new RegistrationException("the initial transform is refused: " + problem);
            }
        }
        if (s.levels() < 1 || s.levels() > 8) {
            throw new RegistrationException("the pyramid needs 1 to 8 levels, " + s.levels() + " were asked for");
        }
        if (s.iterations() < 1) {
            throw new RegistrationException("at least one iteration per level is needed, found " + s.iterations());
        }
        if (s.bins() < 8 || s.bins() > 256) {
            throw new RegistrationException("the histogram needs 8 to 256 bins, found " + s.bins());
        }
    }

    /** Voxels per parallel chunk of the value scan. */
    private static final int CHUNK = 1 << 20;

    /**
     * Refuses an image with non-finite or constant values, or too few voxels for the pyramid; the values are scanned
     * in parallel chunks.
     */
    static void checkImage(String role, Volume v, float[] values, int levels, Workers workers)
            throws RegistrationException {
        String name = v.metadata().name();
        int chunks = (values.length + CHUNK - 1) / CHUNK;
        float[] mins = new float[chunks];
        float[] maxs = new float[chunks];
        int[] bad = new int[chunks];
        // Integer voxels with a finite rescale are finite: only floating-point images, or a chunk whose range came
        // out infinite, are searched for the first non-finite value. Plain comparisons skip NaN, so the range scan
        // needs no test per voxel (this scan was a third of preparing a 512x512x408 CT).
        boolean floating = !v.type().isInteger();
        workers.forEach(chunks, c -> {
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            int from = c * CHUNK, end = Math.min(values.length, (c + 1) * CHUNK);
            for (int i = from; i < end; i++) {
                float x = values[i];
                if (x < min) {
                    min = x;
                }
                if (x > max) {
                    max = x;
                }
            }
            int firstBad = -1;
            if (floating || Float.isInfinite(min) || Float.isInfinite(max)) {
                for (int i = from; i < end; i++) {
                    if (!Float.isFinite(values[i])) {
                        firstBad = i;
                        break;
                    }
                }
            }
            mins[c] = min;
            maxs[c] = max;
            bad[c] = firstBad;
        });
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int c = 0; c < chunks; c++) {
            if (bad[c] >= 0) {
                float x = values[bad[c]];
                throw new RegistrationException("the " + role + " image '" + name + "' has a non-finite voxel value ("
                        + x + ") at voxel " + bad[c]
                        + "; replace NaN/infinite voxels (e.g. with the background value) first");
            }
            min = Math.min(min, mins[c]);
            max = Math.max(max, maxs[c]);
        }
        if (!(max > min)) {
            throw new RegistrationException("the " + role + " image '" + name + "' is constant (every voxel is " + min
                    + "): there is nothing to align; check that the right file was loaded");
        }
        ImageGeometry g = v.geometry();
        int[][] f = GaussianPyramid.factors(g, levels);
        for (int d = 0; d < 3; d++) {
            int n = g.size(d) / f[0][d];
            if (n < MIN_COARSE_VOXELS && g.size(d) > 1) {
                throw new RegistrationException("the " + role + " image '" + name + "' is too small for a " + levels
                        + "-level pyramid: axis " + d + " has " + g.size(d) + " voxels, leaving " + n
                        + " at the coarsest level (at least " + MIN_COARSE_VOXELS + " needed); use fewer levels");
            }
            if (g.size(d) < MIN_COARSE_VOXELS) {
                throw new RegistrationException("the " + role + " image '" + name + "' has only " + g.size(d)
                        + " voxels along axis " + d + " (at least " + MIN_COARSE_VOXELS + " needed): it is not a 3-D "
                        + "volume that can be registered");
            }
        }
    }
}
