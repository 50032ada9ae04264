package org.coreg.registration;

/**
 * Gradients with respect to scaled parameters ({@code p_j * scale_j}, in mm of point displacement; see
 * {@link ParameterScales}), the common ground of the gradient descents.
 */
final class ScaledGradient {
    private ScaledGradient() {
    }

    /** d cost / d (p_j * scale_j) = (d cost / d p_j) / scale_j. */
    static double[] of(double[] gradient, double[] scales) {
        double[] g = new double[gradient.length];
        for (int j = 0; j < g.length; j++) {
            g[j] = gradient[j] / scales[j];
        }
        return g;
    }

    static double dot(double[] a, double[] b) {
        double d = 0;
        for (int j = 0; j < a.length; j++) {
            d += a[j] * b[j];
        }
        return d;
    }

    static double norm(double[] g) {
        return Math.sqrt(dot(g, g));
    }
}
