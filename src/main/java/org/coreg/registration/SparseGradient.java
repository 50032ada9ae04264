package org.coreg.registration;

/**
 * The Mattes MI gradient for a {@link SparseJacobianTransform}: each sample adds to the few parameters that move
 * it. Samples are split into a fixed number of groups, each summing into its own array; the groups are added in
 * order, so the result does not depend on the number of threads.
 */
final class SparseGradient {
    private static final int GROUPS = 16;

    private SparseGradient() {
    }

    /**
     * @param gWorld d(moving value)/d(moving point) per sample, LPS, 3 per sample (zero where clipped)
     * @param coef   1 / (valid samples * moving bin width)
     */
    static double[] accumulate(SparseJacobianTransform t, SampleSet samples, org.coreg.image.AffineMap pre, int n,
                               int[] fBin, int[] mFloor, double[] mFrac, double[] gWorld, double[] logRatio, int bins,
                               double coef, Workers workers) {
        int np = t.parameterCount();
        int k = t.jacobianSupport();
        int groups = Math.min(GROUPS, Math.max(1, n));
        double[][] part = new double[groups][];
        double[] pts = samples.points();
        workers.forEach(groups, gi -> {
            double[] g = new double[np];
            int[] idx = new int[k];
            double[] jac = new double[3 * k];
            double[] x = new double[3];
            double[] kw = new double[4];
            double[] kd = new double[4];
            int from = (int) ((long) n * gi / groups), to = (int) ((long) n * (gi + 1) / groups);
            for (int s = from; s < to; s++) {
                double gx = gWorld[3 * s], gy = gWorld[3 * s + 1], gz = gWorld[3 * s + 2];
                if (fBin[s] < 0 || (gx == 0 && gy == 0 && gz == 0)) {
                    continue;
                }
                org.coreg.image.interpolation.CubicBSplineBasis.weights(mFrac[s], kw, kd);
                int row = fBin[s] * bins + mFloor[s] - 1;
                double c = 0;
                for (int a = 0; a < 4; a++) {
                    c += kd[a] * logRatio[row + a];
                }
                c *= coef;
                x[0] = pts[3 * s];
                x[1] = pts[3 * s + 1];
                x[2] = pts[3 * s + 2];
                pre.apply(x, x);
                t.sparseJacobian(x, idx, jac);
                for (int q = 0; q < k; q++) {
                    double d = gx * jac[3 * q] + gy * jac[3 * q + 1] + gz * jac[3 * q + 2];
                    if (d != 0) {
                        g[idx[q]] -= c * d;
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
