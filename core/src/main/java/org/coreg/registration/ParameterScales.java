package org.coreg.registration;

import org.coreg.image.AffineMap;

/**
 * Automatic parameter scales in the spirit of elastix's AutomaticScalesEstimation: for each parameter, the mean
 * squared displacement (mm^2) of the fixed sample points per unit change of that parameter. Dividing gradients by
 * the square root makes a unit step move points by about one millimetre whatever the parameter (an angle in
 * radians, a matrix entry or a translation in mm).
 */
public final class ParameterScales {
    private ParameterScales() {
    }

    /**
     * Scales (mm per parameter unit, root mean square) of {@code t} at the points of {@code samples} mapped by
     * {@code pre}.
     */
    public static double[] estimate(ParametricTransform t, SampleSet samples, AffineMap pre) {
        int np = t.parameterCount();
        double[] sum = new double[np];
        double[] jac = new double[3 * np];
        double[] x = new double[3];
        double[] pts = samples.points();
        for (int s = 0; s < samples.size(); s++) {
            x[0] = pts[3 * s];
            x[1] = pts[3 * s + 1];
            x[2] = pts[3 * s + 2];
            pre.apply(x, x);
            t.jacobian(x, jac);
            for (int p = 0; p < np; p++) {
                sum[p] += jac[3 * p] * jac[3 * p] + jac[3 * p + 1] * jac[3 * p + 1] + jac[3 * p + 2] * jac[3 * p + 2];
            }
        }
        double[] scale = new double[np];
        for (int p = 0; p < np; p++) {
            scale[p] = Math.sqrt(Math.max(sum[p] / Math.max(1, samples.size()), 1e-12));
        }
        return scale;
    }
}
