package org.coreg.transform;

import java.util.Random;
import org.coreg.image.AffineMap;

/** Transforms and points for tests, from fixed seeds. */
public final class TransformTestData {
    private TransformTestData() {
    }

    /** A rigid map: rotation by the given ZXY Euler angles (radians) about {@code c}, then translation {@code t}. */
    public static AffineMap rigid(double ax, double ay, double az, double[] c, double[] t) {
        return Rotations.aboutCenter(Rotations.eulerZXY(ax, ay, az), c, t);
    }

    /** A general affine map with shear and anisotropic scale (det > 0). */
    public static AffineMap shearedAffine() {
        return AffineMap.ofRowMajor3x4(1.08, 0.05, -0.03, 4.5, -0.02, 0.93, 0.11, -7.25, 0.04, -0.06, 1.21, 12.0);
    }

    /** {@code n} random LPS points (mm) in a 200 mm cube around the origin. */
    public static double[][] points(int n, long seed) {
        Random r = new Random(seed);
        double[][] p = new double[n][3];
        for (double[] q : p) {
            for (int d = 0; d < 3; d++) {
                q[d] = (r.nextDouble() - 0.5) * 200;
            }
        }
        return p;
    }

    public static double distance(double[] a, double[] b) {
        return Math.sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
    }
}
