package org.coreg.registration;

import java.util.List;
import org.coreg.image.Volume;

/**
 * One input image made ready for registration: its real values checked (finite, not constant, large enough for the
 * pyramid), its robust intensity limits, and its Gaussian pyramid (coarsest level first, the last one the image
 * itself, in its own LPS geometry).
 *
 * @param values  real voxel values (rescale applied), x fastest
 * @param limits  the 0.5% and 99.5% quantiles, the histogram's range
 * @param pyramid levels, coarsest first
 */
public record PreparedImage(float[] values, IntensityLimits limits, List<PyramidLevel> pyramid) {
    private static final double LOW_QUANTILE = 0.005;
    private static final double HIGH_QUANTILE = 0.995;

    /** Checks and prepares one image; {@code role} ("fixed" or "moving") names it in error messages. */
    public static PreparedImage of(String role, Volume v, int levels, Workers workers) throws RegistrationException {
        return of(role, v, null, levels, workers);
    }

    /** As above, with the real values already converted ({@link PreparedImages#converted}), or null to convert. */
    static PreparedImage of(String role, Volume v, RealValues.Real converted, int levels, Workers workers)
            throws RegistrationException {
        RealValues.Real real = converted != null ? converted : RealValues.scan(v, workers);
        InputValidator.checkImage(role, v, real, levels, workers);
        float[] values = real.values();
        IntensityLimits limits = IntensityLimits.robust(values, LOW_QUANTILE, HIGH_QUANTILE);
        return new PreparedImage(values, limits, GaussianPyramid.build(v.geometry(), values, levels, workers));
    }

    /**
     * Prepares the fixed and then the moving image, each step of each in parallel on the workers (one image per
     * thread left the second core idle once the smaller image was ready: a 512x512x408 CT beside a 512x512x94 MR).
     * If the fixed image is refused, its reason is the one reported.
     *
     * @return {fixed, moving}
     */
    public static PreparedImage[] both(Volume fixed, Volume moving, int levels, Workers workers)
            throws RegistrationException {
        return both(fixed, moving, new String[] {"fixed", "moving"}, levels, workers);
    }

    /**
     * As {@link #both(Volume, Volume, int, Workers)}, with the names the two images go by in error messages (the
     * caller's roles, when a registration runs them in the other order).
     */
    static PreparedImage[] both(Volume fixed, Volume moving, String[] roles, int levels, Workers workers)
            throws RegistrationException {
        return both(fixed, moving, roles, levels, workers, null);
    }

    /** As above, taking images already prepared in {@code earlier} (may be null) instead of preparing them again. */
    static PreparedImage[] both(Volume fixed, Volume moving, String[] roles, int levels, Workers workers,
                                PreparedImages earlier) throws RegistrationException {
        PreparedImage f = earlier == null ? null : earlier.find(fixed, levels);
        if (f == null) {
            f = of(roles[0], fixed, earlier == null ? null : earlier.converted(fixed), levels, workers);
        }
        PreparedImage m = earlier == null ? null : earlier.find(moving, levels);
        if (m == null) {
            m = of(roles[1], moving, earlier == null ? null : earlier.converted(moving), levels, workers);
        }
        return new PreparedImage[] {f, m};
    }

    /** The finest level: the image itself. */
    public PyramidLevel finest() {
        return pyramid.get(pyramid.size() - 1);
    }
}
