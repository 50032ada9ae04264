package org.coreg.registration;

import org.coreg.image.AffineMap;
import org.coreg.image.interpolation.CubicBSplineBasis;

/**
 * The second pass of the Mattes MI gradient, once the joint histogram is known: each sample adds
 * {@code -coef(sample) * dot(moving gradient, d point / d parameter)} to the parameters that move it, all of them for
 * a dense transform (rigid, affine), the 64 control points around it for a {@link NodeWeightedTransform} (a
 * B-spline; any other transform goes through its dense {@link ParametricTransform#jacobian}). Samples
 * are split into a fixed number of groups, each summing into its own array on a worker thread; the groups are added
 * in order, so the result does not depend on the number of threads.
 */
final class MattesGradient {
    private static final int GROUPS = 16;

    private MattesGradient() {
    }

    /**
     * @param pre    the fixed map applied to sample points before {@code t} (the transform's Jacobian is taken there)
     * @param gWorld d(moving value)/d(moving point) per sample, LPS, 3 per sample (zero where clipped)
     * @param coef   1 / (valid samples * moving bin width)
     */
    static double[] accumulate(ParametricTransform t, SampleSet samples, AffineMap pre, int n, int[] fBin,
                               int[] mFloor, double[] mFrac, double[] gWorld, double[] logRatio, int bins,
                               double coef, Workers workers) {
        int np = t.parameterCount();
        NodeWeightedTransform nodal = t instanceof NodeWeightedTransform nw ? nw : null;
        int k = nodal != null ? nodal.jacobianSupport() / 3 : np;
        boolean moved = !pre.equals(AffineMap.identity());
        int groups = Math.min(GROUPS, Math.max(1, n));
        double[][] part = new double[groups][];
        double[] pts = samples.points();
        workers.forEach(groups, gi -> {
            double[] g = new double[np];
            int[] idx = nodal != null ? new int[k] : null;
            double[] jac = nodal != null ? null : new double[3 * k];
            double[] weight = nodal != null ? new double[k] : null;
            double[] x = new double[3];
            double[] kd = new double[4];
            int from = (int) ((long) n * gi / groups), to = (int) ((long) n * (gi + 1) / groups);
            for (int s = from; s < to; s++) {
                double gx = gWorld[3 * s], gy = gWorld[3 * s + 1], gz = gWorld[3 * s + 2];
                if (fBin[s] < 0 || (gx == 0 && gy == 0 && gz == 0)) {
                    continue;
                }
                CubicBSplineBasis.derivatives(mFrac[s], kd);
                int row = fBin[s] * bins + mFloor[s] - 1;
                double c = (kd[0] * logRatio[row] + kd[1] * logRatio[row + 1] + kd[2] * logRatio[row + 2]
                        + kd[3] * logRatio[row + 3]) * coef;
                x[0] = pts[3 * s];
                x[1] = pts[3 * s + 1];
                x[2] = pts[3 * s + 2];
                if (moved) {
                    pre.apply(x, x);
                }
                if (nodal != null) {
                    // Jacobian = weight * identity per node: each node's x, y, z coefficients take one product each.
                    int stride = nodal.axisStride();
                    int m = nodal.nodeWeights(x, idx, weight);
                    for (int q = 0; q < m; q++) {
                        double cw = c * weight[q];
                        int node = idx[q];
                        g[node] -= cw * gx;
                        g[node + stride] -= cw * gy;
                        g[node + 2 * stride] -= cw * gz;
                    }
                    continue;
                }
                t.jacobian(x, jac);
                for (int p = 0; p < np; p++) {
                    double d = gx * jac[3 * p] + gy * jac[3 * p + 1] + gz * jac[3 * p + 2];
                    if (d != 0) {
                        g[p] -= c * d;
                    }
                }
            }
            part[gi] = g;
        });
        double[] grad = new double[np];
        for (double[] g : part) {
            for (int p = 0; p < np; p++) {
                grad[p] += g[p];
            }
        }
        return grad;
    }
}
