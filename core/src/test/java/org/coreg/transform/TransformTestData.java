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

    /** An oblique B-spline control grid of 8x7x9 nodes with random coefficients up to {@code amplitude} mm. */
    public static BSplineTransform bspline(double amplitude, long seed) {
        org.coreg.image.ImageGeometry g = org.coreg.image.ImageGeometry.of(new int[] {8, 7, 9},
                new double[] {15, 12, 18}, new double[] {-60, -40, -70},
                org.coreg.testing.TestVolumes.rotation(0.2, -0.15, 0.35));
        Random r = new Random(seed);
        double[] c = new double[(int) (3 * g.voxelCount())];
        for (int i = 0; i < c.length; i++) {
            c[i] = (r.nextDouble() - 0.5) * 2 * amplitude;
        }
        return new BSplineTransform(g, c, Direction.FIXED_TO_MOVING);
    }

    /** {@code n} random points inside the valid region of a B-spline's control grid (LPS mm). */
    public static double[][] pointsInside(BSplineTransform b, int n, long seed) {
        return pointsInside(b, n, seed, 0.05);
    }

    /**
     * {@code n} random points at least {@code margin} grid spacings inside the valid region (where the B-spline is
     * continuous; at its border the map jumps to the identity, as ITK's does).
     */
    public static double[][] pointsInside(BSplineTransform b, int n, long seed, double margin) {
        Random r = new Random(seed);
        double[][] p = new double[n][];
        for (int k = 0; k < n; k++) {
            double[] idx = new double[3];
            for (int d = 0; d < 3; d++) {
                idx[d] = 1 + margin + r.nextDouble() * (b.grid().size(d) - 3 - 2 * margin);
            }
            p[k] = b.grid().indexToWorld(idx[0], idx[1], idx[2]);
        }
        return p;
    }
}
