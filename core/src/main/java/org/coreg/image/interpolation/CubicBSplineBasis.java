package org.coreg.image.interpolation;

/**
 * The uniform cubic B-spline basis: the weights of the four nodes around a fraction {@code t} in [0, 1) past the
 * second node, and their derivatives d/dt. One definition for interpolation, Parzen windows and B-spline transforms.
 */
public final class CubicBSplineBasis {
    private CubicBSplineBasis() {
    }

    /** Writes the four weights to {@code w[at..at+3]}. */
    public static void weights(double t, double[] w, int at) {
        double u = 1 - t, t2 = t * t, t3 = t2 * t;
        w[at] = u * u * u / 6;
        w[at + 1] = (4 - 6 * t2 + 3 * t3) / 6;
        w[at + 2] = (1 + 3 * t + 3 * t2 - 3 * t3) / 6;
        w[at + 3] = t3 / 6;
    }

    /** Writes the four weights to {@code w[0..3]}. */
    public static void weights(double t, double[] w) {
        weights(t, w, 0);
    }

    /** Writes the four derivatives d(weight)/dt to {@code d[0..3]}. */
    public static void derivatives(double t, double[] d) {
        double u = 1 - t, t2 = t * t;
        d[0] = -u * u / 2;
        d[1] = -2 * t + 1.5 * t2;
        d[2] = 0.5 + t - 1.5 * t2;
        d[3] = t2 / 2;
    }

    /** Weights and derivatives together. */
    public static void weights(double t, double[] w, double[] d) {
        weights(t, w, 0);
        derivatives(t, d);
    }
}
