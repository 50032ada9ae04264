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

    /**
     * Refuses an image with non-finite or constant values, or too few voxels for the pyramid.
     *
     * @param real the image's real values and their range ({@link RealValues#scan})
     */
    static void checkImage(String role, Volume v, RealValues.Real real, int levels, Workers workers)
            throws RegistrationException {
        String name = v.metadata().name();
        float[] values = real.values();
        float min = real.min();
        float max = real.max();
        // Integer voxels with a finite rescale are finite (their range says so): only floating-point images, or an
        // infinite or empty range, are searched for the first non-finite value.
        if (!v.type().isInteger() || Float.isInfinite(min) || Float.isInfinite(max)) {
            int chunks = (values.length + RealValues.CHUNK - 1) / RealValues.CHUNK;
            int[] bad = new int[chunks];
            workers.forEach(chunks, c -> {
                bad[c] = -1;
                for (int i = c * RealValues.CHUNK, end = Math.min(values.length, (c + 1) * RealValues.CHUNK);
                     i < end; i++) {
                    if (!Float.isFinite(values[i])) {
                        bad[c] = i;
                        break;
                    }
                }
            });
            for (int b : bad) {
                if (b >= 0) {
                    throw new RegistrationException("the " + role + " image '" + name + "' has a non-finite voxel "
                            + "value (" + values[b] + ") at voxel " + b
                            + "; replace NaN/infinite voxels (e.g. with the background value) first");
                }
            }
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
