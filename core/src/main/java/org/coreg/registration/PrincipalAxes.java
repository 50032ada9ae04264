package org.coreg.registration;

import java.util.ArrayList;
import java.util.List;
import org.coreg.image.AffineMap;

/**
 * Centre and principal axes of an image's foreground, for the principal-moments initialisation: the foreground is
 * every voxel above a robust threshold (5% of the robust intensity range above its lower limit), each weighing one,
 * because a CT and an MR give one tissue unrelated intensities but share the outline of the body. Centre in LPS mm;
 * covariance in mm^2 (LPS). Meaningful when the whole object lies inside both fields of view.
 *
 * @param centre     foreground centroid, LPS mm
 * @param covariance 3x3 second central moments, row-major, mm^2
 */
record PrincipalAxes(double[] centre, double[] covariance) {
    /** The four sign choices of the axes that keep a rotation proper. */
    private static final double[][] PROPER_SIGNS = {{1, 1, 1}, {1, -1, -1}, {-1, 1, -1}, {-1, -1, 1}};

    /** Foreground moments of a pyramid level; null if no voxel lies above the threshold. */
    static PrincipalAxes of(PyramidLevel l, IntensityLimits lim) {
        float[] v = l.grid().values();
        int nx = l.grid().nx(), ny = l.grid().ny(), nz = l.grid().nz();
        double floor = lim.min() + 0.05 * (lim.max() - lim.min());
        double n = 0;
        double[] s = new double[3];
        double[] ss = new double[6];
        int f = 0;
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++, f++) {
                    if (v[f] > floor) {
                        n++;
                        s[0] += i;
                        s[1] += j;
                        s[2] += k;
                        ss[0] += (double) i * i;
                        ss[1] += (double) i * j;
                        ss[2] += (double) i * k;
                        ss[3] += (double) j * j;
                        ss[4] += (double) j * k;
                        ss[5] += (double) k * k;
                    }
                }
            }
        }
        if (n == 0) {
            return null;
        }
        double[] m = {s[0] / n, s[1] / n, s[2] / n};
        double[] ci = {
            ss[0] / n - m[0] * m[0], ss[1] / n - m[0] * m[1], ss[2] / n - m[0] * m[2],
            ss[1] / n - m[0] * m[1], ss[3] / n - m[1] * m[1], ss[4] / n - m[1] * m[2],
            ss[2] / n - m[0] * m[2], ss[4] / n - m[1] * m[2], ss[5] / n - m[2] * m[2]
        };
        AffineMap toWorld = l.geometry().indexToWorld();
        double[] lin = toWorld.linear();
        return new PrincipalAxes(toWorld.apply(m), sandwich(lin, ci));
    }

    /** These moments seen through the affine map {@code a} (the user's pre-alignment). */
    PrincipalAxes through(AffineMap a) {
        return new PrincipalAxes(a.apply(centre), sandwich(a.linear(), covariance));
    }

    /**
     * The four proper rotations (row-major) that carry this image's principal axes onto {@code moving}'s, largest
     * moment onto largest: {@code R = Em S Ef^T} for the sign choices S with det R = +1. Which one is right is left
     * to the metric (the moments cannot tell an axis from its opposite).
     */
    List<double[]> rotationsOnto(PrincipalAxes moving) {
        double[] ef = properAxes(covariance);
        double[] em = properAxes(moving.covariance);
        List<double[]> out = new ArrayList<>(4);
        for (double[] sg : PROPER_SIGNS) {
            double[] ems = new double[9];
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    ems[3 * r + c] = em[3 * r + c] * sg[c];
                }
            }
            out.add(RotationMath.mul(ems, transpose(ef)));
        }
        return out;
    }

    /** Eigenvectors as columns (row-major), largest eigenvalue first, turned into a proper rotation. */
    static double[] properAxes(double[] sym) {
        double[] e = SymmetricEigen.vectors(sym);
        double det = e[0] * (e[4] * e[8] - e[5] * e[7]) - e[1] * (e[3] * e[8] - e[5] * e[6])
                + e[2] * (e[3] * e[7] - e[4] * e[6]);
        if (det < 0) {
            e[2] = -e[2];
            e[5] = -e[5];
            e[8] = -e[8];
        }
        return e;
    }

    private static double[] sandwich(double[] a, double[] c) {
        return RotationMath.mul(RotationMath.mul(a, c), transpose(a));
    }

    private static double[] transpose(double[] a) {
        return new double[] {a[0], a[3], a[6], a[1], a[4], a[7], a[2], a[5], a[8]};
    }
}
