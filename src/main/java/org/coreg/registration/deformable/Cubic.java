package org.coreg.registration.deformable;

/** Uniform cubic B-spline basis: the weights of the 4 nodes around a fraction t in [0, 1), and their derivatives. */
final class Cubic {
    private Cubic() {
    }

    static void weights(double t, double[] w) {
        double u = 1 - t, t2 = t * t, t3 = t2 * t;
        w[0] = u * u * u / 6;
        w[1] = (3 * t3 - 6 * t2 + 4) / 6;
        w[2] = (-3 * t3 + 3 * t2 + 3 * t + 1) / 6;
        w[3] = t3 / 6;
    }

    /** d(weight)/dt of each of the 4 nodes. */
    static void derivatives(double t, double[] d) {
        double u = 1 - t;
        d[0] = -u * u / 2;
        d[1] = 1.5 * t * t - 2 * t;
        d[2] = -1.5 * t * t + t + 0.5;
        d[3] = t * t / 2;
    }
}
