package org.coreg.registration.deformable;

import org.coreg.image.interpolation.CubicBSplineBasis;

import java.util.Locale;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.image.ImageMetadata;
import org.coreg.image.Volume;
import org.coreg.image.VoxelData;
import org.coreg.image.VoxelType;
import org.coreg.registration.Workers;

/**
 * The Jacobian determinant of the whole fixed-to-moving map {@code x -> B(A x)} at every voxel centre of the fixed
 * image: {@code det(dB/dy at A x) * det(A)}, computed analytically from the B-spline's derivative weights. Below or
 * at zero the map folds (it turns space inside out there).
 */
public final class FoldingCheck {
    private FoldingCheck() {
    }

    /**
     * @param min                 smallest determinant
     * @param max                 largest determinant
     * @param fractionNonPositive fraction of fixed voxels where it is at most zero
     * @param map                 the determinant per fixed voxel (float, on the fixed grid), or null if not kept
     */
    public record Report(double min, double max, double fractionNonPositive, Volume map) {
        /** True where the deformation folds somewhere. */
        public boolean folds() {
            return fractionNonPositive > 0;
        }

        /** A plain-language warning, or empty when the deformation does not fold. */
        public String warning() {
            if (!folds()) {
                return "";
            }
            return String.format(Locale.ROOT, "the deformation folds: the Jacobian determinant is at most zero in %.3f%%"
                    + " of the fixed image (minimum %.3f), so some tissue is mapped inside out; raise the bending weight"
                    + " or the grid spacing", 100 * fractionNonPositive, min);
        }
    }

    /** Checks {@code bspline} after {@code affine} (fixed to moving) on every voxel of {@code fixed}. */
    public static Report check(ImageGeometry fixed, AffineMap affine, BSplineDeformation bspline, boolean keepMap,
                               Workers workers) {
        int nx = fixed.size(0), ny = fixed.size(1), nz = fixed.size(2);
        float[] det = new float[nx * ny * nz];
        AffineMap toMoving = affine.after(fixed.indexToWorld());
        double detA = det3(affine.linear());
        double[] w2g = bspline.grid().worldToIndex().linear();
        double[][] lo = new double[nz][];
        double[][] hi = new double[nz][];
        long[] bad = new long[nz];
        double[] coef = bspline.parameters();
        int[] gs = bspline.grid().size();
        workers.forEach(nz, k -> {
            double mn = Double.MAX_VALUE, mx = -Double.MAX_VALUE;
            double[] ci = new double[3];
            double[] y = new double[3];
            double[][] w = new double[3][4];
            double[][] dw = new double[3][4];
            double[] d = new double[9];
            double[] jb = new double[9];
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    toMoving.apply(new double[] {i, j, k}, y);
                    double v = detA;
                    if (bspline.gridIndex(y, ci)) {
                        v *= det3(gridJacobian(ci, coef, gs, w, dw, d, w2g, jb));
                    }
                    det[i + nx * (j + ny * k)] = (float) v;
                    mn = Math.min(mn, v);
                    mx = Math.max(mx, v);
                    if (v <= 0) {
                        bad[k]++;
                    }
                }
            }
            lo[k] = new double[] {mn};
            hi[k] = new double[] {mx};
        });
        double min = Double.MAX_VALUE, max = -Double.MAX_VALUE;
        long nonPositive = 0;
        for (int k = 0; k < nz; k++) {
            min = Math.min(min, lo[k][0]);
            max = Math.max(max, hi[k][0]);
            nonPositive += bad[k];
        }
        Volume map = keepMap ? new Volume(VoxelData.wrap(VoxelType.FLOAT32, det), fixed,
                ImageMetadata.named("jacobian-determinant")) : null;
        return new Report(min, max, (double) nonPositive / det.length, map);
    }

    /** dB/dy = I + D W, D[d][a] = sum_n c_{n,d} dB_n/dci_a, W the world-to-grid linear part. Row-major 3x3. */
    private static double[] gridJacobian(double[] ci, double[] c, int[] gs, double[][] w, double[][] dw, double[] d,
                                         double[] w2g, double[] out) {
        int nx = gs[0], ny = gs[1], block = gs[0] * gs[1] * gs[2];
        int s0 = (int) ci[0] - 1, s1 = (int) ci[1] - 1, s2 = (int) ci[2] - 1;
        CubicBSplineBasis.weights(ci[0] - s0 - 1, w[0]);
        CubicBSplineBasis.derivatives(ci[0] - s0 - 1, dw[0]);
        CubicBSplineBasis.weights(ci[1] - s1 - 1, w[1]);
        CubicBSplineBasis.derivatives(ci[1] - s1 - 1, dw[1]);
        CubicBSplineBasis.weights(ci[2] - s2 - 1, w[2]);
        CubicBSplineBasis.derivatives(ci[2] - s2 - 1, dw[2]);
        java.util.Arrays.fill(d, 0);
        // Separable: contract each row of four nodes along x first (value and x-derivative weights), then weight the
        // row by its y and z factors; half the products of summing the 64 nodes' 3-D weights one by one.
        double[] wx = w[0], dx = dw[0];
        for (int k = 0; k < 4; k++) {
            for (int j = 0; j < 4; j++) {
                double wjk = w[1][j] * w[2][k], djk = dw[1][j] * w[2][k], jdk = w[1][j] * dw[2][k];
                int row = s0 + nx * (s1 + j + ny * (s2 + k));
                for (int e = 0; e < 3; e++) {
                    int n = row + e * block;
                    double c0 = c[n], c1 = c[n + 1], c2 = c[n + 2], c3 = c[n + 3];
                    double sw = c0 * wx[0] + c1 * wx[1] + c2 * wx[2] + c3 * wx[3];
                    double sd = c0 * dx[0] + c1 * dx[1] + c2 * dx[2] + c3 * dx[3];
                    d[3 * e] += sd * wjk;
                    d[3 * e + 1] += sw * djk;
                    d[3 * e + 2] += sw * jdk;
                }
            }
        }
        for (int r = 0; r < 3; r++) {
            for (int col = 0; col < 3; col++) {
                out[3 * r + col] = (r == col ? 1 : 0) + d[3 * r] * w2g[col] + d[3 * r + 1] * w2g[3 + col]
                        + d[3 * r + 2] * w2g[6 + col];
            }
        }
        return out;
    }

    static double det3(double[] m) {
        return m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6])
                + m[2] * (m[3] * m[7] - m[4] * m[6]);
    }
}
