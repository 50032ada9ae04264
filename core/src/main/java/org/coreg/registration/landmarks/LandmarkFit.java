package org.coreg.registration.landmarks;

import java.util.ArrayList;
import java.util.List;
import org.coreg.image.AffineMap;

/**
 * Least-squares fits of a fixed-to-moving transform {@code T} to landmark pairs: {@code T} minimises
 * {@code sum |T(fixed_i) - moving_i|^2} (LPS mm) within its kind.
 * <ul>
 *   <li>Rigid: Horn's closed form with unit quaternions (B.K.P. Horn, "Closed-form solution of absolute orientation
 *   using unit quaternions", JOSA A 4(4), 1987, section 4): the rotation is the eigenvector of the largest eigenvalue
 *   of the 4x4 matrix N built from the cross-covariance of the centred points; the translation maps the fixed
 *   centroid onto the moving centroid. It always returns a proper rotation (no reflection).</li>
 *   <li>Similarity: the same rotation with Umeyama's scale {@code s = sum m_i . R f_i / sum |f_i|^2} over the centred
 *   points (S. Umeyama, IEEE TPAMI 13(4), 1991, eq. 42).</li>
 *   <li>Affine: ordinary linear least squares over the 12 parameters (normal equations of the homogeneous
 *   coordinates).</li>
 * </ul>
 * All three are exact on noiseless pairs related by a transform of their kind.
 */
public final class LandmarkFit {
    private LandmarkFit() {
    }

    /**
     * The {@code kind} transform that best maps the fixed points onto the moving points.
     *
     * @return the fixed-to-moving map, LPS mm
     * @throws LandmarkException with the reason when the pairs are too few, collinear (rigid, similarity) or coplanar
     *                           (affine)
     */
    public static AffineMap fit(List<LandmarkPair> pairs, LandmarkFitKind kind) throws LandmarkException {
        check(pairs, kind);
        return switch (kind) {
            case RIGID -> rotationFit(pairs, false);
            case SIMILARITY -> rotationFit(pairs, true);
            case AFFINE -> affineFit(pairs);
        };
    }

    /** Refuses pairs that cannot determine a {@code kind} transform, saying why. */
    public static void check(List<LandmarkPair> pairs, LandmarkFitKind kind) throws LandmarkException {
        if (pairs.size() < kind.minimumPairs()) {
            throw new LandmarkException("a " + kind.label() + " landmark fit needs at least " + kind.minimumPairs()
                    + " pairs, found " + pairs.size());
        }
        for (boolean fixedSide : new boolean[] {true, false}) {
            List<double[]> pts = new ArrayList<>();
            for (LandmarkPair p : pairs) {
                pts.add(fixedSide ? p.fixed() : p.moving());
            }
            PointCloud c = PointCloud.of(pts);
            String side = fixedSide ? "fixed" : "moving";
            if (c.collinear()) {
                throw new LandmarkException("the " + pairs.size() + " " + side + " landmarks lie on one line ("
                        + c.describeFlatness() + "): a rotation about that line is not determined; add a landmark "
                        + "away from the line");
            }
            if (kind == LandmarkFitKind.AFFINE && c.coplanar()) {
                throw new LandmarkException("the " + pairs.size() + " " + side + " landmarks lie in one plane ("
                        + c.describeFlatness() + "): an affine fit needs at least 4 landmarks not in one plane");
            }
        }
    }

    private static AffineMap rotationFit(List<LandmarkPair> pairs, boolean withScale) {
        List<double[]> f = new ArrayList<>();
        List<double[]> m = new ArrayList<>();
        for (LandmarkPair p : pairs) {
            f.add(p.fixed());
            m.add(p.moving());
        }
        double[] cf = PointCloud.of(f).centroid();
        double[] cm = PointCloud.of(m).centroid();
        double[][] s = new double[3][3];
        double normF = 0;
        for (int i = 0; i < f.size(); i++) {
            double[] a = minus(f.get(i), cf), b = minus(m.get(i), cm);
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    s[r][c] += a[r] * b[c];
                }
                normF += a[r] * a[r];
            }
        }
        double[] r = rotation(s);
        double scale = 1;
        if (withScale) {
            double num = 0;
            for (int i = 0; i < f.size(); i++) {
                double[] a = minus(f.get(i), cf), b = minus(m.get(i), cm);
                double[] ra = mul(r, a);
                num += ra[0] * b[0] + ra[1] * b[1] + ra[2] * b[2];
            }
            scale = num / normF;
        }
        double[] lin = new double[9];
        for (int k = 0; k < 9; k++) {
            lin[k] = scale * r[k];
        }
        double[] rc = mul(lin, cf);
        return AffineMap.of(lin, new double[] {cm[0] - rc[0], cm[1] - rc[1], cm[2] - rc[2]});
    }

    /** Horn's rotation (row-major 3x3) from {@code s[a][b] = sum fixed_a * moving_b} of the centred points. */
    private static double[] rotation(double[][] s) {
        double sxx = s[0][0], sxy = s[0][1], sxz = s[0][2];
        double syx = s[1][0], syy = s[1][1], syz = s[1][2];
        double szx = s[2][0], szy = s[2][1], szz = s[2][2];
        double[][] n = {
            {sxx + syy + szz, syz - szy, szx - sxz, sxy - syx},
            {syz - szy, sxx - syy - szz, sxy + syx, szx + sxz},
            {szx - sxz, sxy + syx, -sxx + syy - szz, syz + szy},
            {sxy - syx, szx + sxz, syz + szy, -sxx - syy + szz}};
        double[] q = JacobiEigen.of(n).vectors()[0];
        double w = q[0], x = q[1], y = q[2], z = q[3];
        return new double[] {
            w * w + x * x - y * y - z * z, 2 * (x * y - w * z), 2 * (x * z + w * y),
            2 * (y * x + w * z), w * w - x * x + y * y - z * z, 2 * (y * z - w * x),
            2 * (z * x - w * y), 2 * (z * y + w * x), w * w - x * x - y * y + z * z};
    }

    private static AffineMap affineFit(List<LandmarkPair> pairs) throws LandmarkException {
        // Normal equations A^T A x = A^T b with rows (f_x, f_y, f_z, 1), solved once per output coordinate.
        double[][] ata = new double[4][4];
        double[][] atb = new double[3][4];
        for (LandmarkPair p : pairs) {
            double[] f = p.fixed(), m = p.moving();
            double[] row = {f[0], f[1], f[2], 1};
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    ata[i][j] += row[i] * row[j];
                }
                for (int d = 0; d < 3; d++) {
                    atb[d][i] += row[i] * m[d];
                }
            }
        }
        double[] rm = new double[12];
        for (int d = 0; d < 3; d++) {
            double[] x = solve(ata, atb[d]);
            System.arraycopy(x, 0, rm, 4 * d, 4);
        }
        return AffineMap.ofRowMajor3x4(rm);
    }

    /** Gaussian elimination with partial pivoting of a 4x4 system. */
    private static double[] solve(double[][] a0, double[] b0) throws LandmarkException {
        int n = b0.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = java.util.Arrays.copyOf(a0[i], n + 1);
            a[i][n] = b0[i];
        }
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
                    piv = r;
                }
            }
            if (Math.abs(a[piv][c]) < 1e-12) {
                throw new LandmarkException("the landmarks do not determine an affine transform (they lie in one "
                        + "plane)");
            }
            double[] t = a[c];
            a[c] = a[piv];
            a[piv] = t;
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    double k = a[r][c] / a[c][c];
                    for (int k2 = c; k2 <= n; k2++) {
                        a[r][k2] -= k * a[c][k2];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = a[i][n] / a[i][i];
        }
        return x;
    }

    private static double[] minus(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    private static double[] mul(double[] m, double[] v) {
        return new double[] {m[0] * v[0] + m[1] * v[1] + m[2] * v[2], m[3] * v[0] + m[4] * v[1] + m[5] * v[2],
            m[6] * v[0] + m[7] * v[1] + m[8] * v[2]};
    }
}
