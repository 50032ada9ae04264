package org.coreg.registration;

import org.coreg.image.interpolation.CubicBSplineBasis;

import java.util.concurrent.atomic.AtomicReference;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.image.interpolation.Interpolator;
import org.coreg.image.interpolation.ScalarGrid;

/**
 * Mattes mutual information (Mattes et al., IEEE TMI 2003): a joint histogram of fixed and moving intensities
 * built with Parzen windows, a zero-order (box) kernel for the fixed image and a cubic B-spline kernel for the
 * moving image, so the histogram, and hence MI, is differentiable in the moving intensity. The gradient with
 * respect to the transform parameters is analytic.
 *
 * <p>Samples are processed in fixed chunks of {@value #CHUNK}; each chunk fills its own histogram and the chunks
 * are summed in order, so the result does not depend on the number of threads. Samples that map outside the moving
 * buffer are left out; the fraction that maps inside is reported as the overlap.
 */
public final class MattesMutualInformation implements ImageMetric {
    static final int CHUNK = 256;
    private static final int PAD = 2;

    private final ScalarGrid grid;
    private final Interpolator interp;
    private final AffineMap worldToIndex;
    private final double[] w;
    private final AffineMap pre;
    private final int bins;
    private final double fMin;
    private final double fWidth;
    private final double mMin;
    private final double mMax;
    private final double mWidth;
    private final Workers workers;
    /** Per-sample arrays of the last evaluation, taken by the next one (null while one is running). */
    private final AtomicReference<Scratch> spare = new AtomicReference<>();

    /**
     * Per-evaluation arrays, reused: at 200,000 samples (the regular-step descent's set) they are 15 MB per
     * evaluation, and allocating them anew each iteration grew the process to 750 MB before the collector caught up.
     */
    private record Scratch(int[] fBin, int[] mFloor, double[] mFrac, double[] gWorld, double[][] hist) {
        static Scratch of(int n, int bins) {
            return new Scratch(new int[n], new int[n], new double[n], new double[3 * n],
                    new double[(n + CHUNK - 1) / CHUNK][bins * bins]);
        }
    }

    /**
     * @param moving      moving-image level (LPS geometry and values)
     * @param interp      interpolator over {@code moving.grid()}
     * @param pre         fixed map applied to the fixed points before {@code transform} (initial transform)
     * @param fixedLimits intensity limits of the fixed image
     * @param movLimits   intensity limits of the moving image
     * @param bins        histogram bins per image (at least 2 * 2 + 4)
     */
    public MattesMutualInformation(PyramidLevel moving, Interpolator interp, AffineMap pre, IntensityLimits fixedLimits,
                                   IntensityLimits movLimits, int bins, Workers workers) {
        if (bins < 8) {
            throw new IllegalArgumentException("Mattes MI needs at least 8 histogram bins, got " + bins);
        }
        ImageGeometry g = moving.geometry();
        this.grid = moving.grid();
        this.interp = interp;
        this.worldToIndex = g.worldToIndex();
        this.w = worldToIndex.linear();
        this.pre = pre;
        this.bins = bins;
        this.fMin = fixedLimits.min();
        this.fWidth = (fixedLimits.max() - fixedLimits.min()) / bins;
        this.mMin = movLimits.min();
        this.mMax = movLimits.max();
        this.mWidth = (movLimits.max() - movLimits.min()) / (bins - 2 * PAD - 1);
        this.workers = workers;
    }

    @Override
    public MetricValue evaluate(ParametricTransform transform, SampleSet samples, boolean withGradient) {
        int n = samples.size();
        Scratch scratch = spare.getAndSet(null);
        if (scratch == null || scratch.fBin().length < n) {
            scratch = Scratch.of(n, bins);
        }
        try {
            return evaluate(transform, samples, withGradient, scratch);
        } finally {
            spare.set(scratch);
        }
    }

    private MetricValue evaluate(ParametricTransform transform, SampleSet samples, boolean withGradient,
                                 Scratch scratch) {
        int n = samples.size();
        int np = transform.parameterCount();
        int chunks = (n + CHUNK - 1) / CHUNK;
        int[] fBin = scratch.fBin();
        int[] mFloor = scratch.mFloor();
        double[] mFrac = scratch.mFrac();
        // An affine transform folds with the initial map and world->index into one affine map per evaluation.
        AffineMap toIndex = transform instanceof AffineFamilyTransform
                ? worldToIndex.after(transform.toAffineMap()).after(pre) : null;
        double[] gWorld = withGradient ? scratch.gWorld() : null;
        double[][] hist = scratch.hist();
        int[] valid = new int[chunks];
        double[] pts = samples.points();
        float[] fv = samples.values();
        workers.forEach(chunks, c -> {
            double[] x = new double[3];
            double[] y = new double[3];
            double[] idx = new double[3];
            double[] g = new double[3];
            double[] kw = new double[4];
            double[] h = hist[c];
            java.util.Arrays.fill(h, 0);
            int end = Math.min(n, (c + 1) * CHUNK);
            // Counted locally: neighbouring chunks' counters share a cache line, and a per-sample increment there
            // made the two threads fight over it.
            int inside = 0;
            for (int s = c * CHUNK; s < end; s++) {
                x[0] = pts[3 * s];
                x[1] = pts[3 * s + 1];
                x[2] = pts[3 * s + 2];
                if (toIndex != null) {
                    toIndex.apply(x, idx);
                } else {
                    pre.apply(x, x);
                    transform.transformPoint(x, y);
                    worldToIndex.apply(y, idx);
                }
                if (!grid.isInside(idx[0], idx[1], idx[2])) {
                    fBin[s] = -1;
                    continue;
                }
                double v = withGradient ? interp.valueAndGradient(idx[0], idx[1], idx[2], g)
                        : interp.value(idx[0], idx[1], idx[2]);
                boolean clipped = v < mMin || v > mMax;
                v = Math.max(mMin, Math.min(mMax, v));
                double f = Math.max(0, (fv[s] - fMin) / fWidth);
                int ib = Math.min(bins - 1, (int) f);
                double m = (v - mMin) / mWidth + PAD;
                int fl = Math.min((int) m, bins - PAD - 1);
                double t = m - fl;
                CubicBSplineBasis.weights(t, kw, 0);
                int row = ib * bins + fl - 1;
                h[row] += kw[0];
                h[row + 1] += kw[1];
                h[row + 2] += kw[2];
                h[row + 3] += kw[3];
                inside++;
                fBin[s] = ib;
                mFloor[s] = fl;
                mFrac[s] = t;
                if (withGradient && !clipped) {
                    // d(value)/d(world) = W^T d(value)/d(index), W the linear part of world->index.
                    gWorld[3 * s] = w[0] * g[0] + w[3] * g[1] + w[6] * g[2];
                    gWorld[3 * s + 1] = w[1] * g[0] + w[4] * g[1] + w[7] * g[2];
                    gWorld[3 * s + 2] = w[2] * g[0] + w[5] * g[1] + w[8] * g[2];
                } else if (withGradient) {
                    // The buffer is reused: a clipped sample must not keep an earlier evaluation's gradient.
                    gWorld[3 * s] = 0;
                    gWorld[3 * s + 1] = 0;
                    gWorld[3 * s + 2] = 0;
                }
            }
            valid[c] = inside;
        });
        double[] joint = new double[bins * bins];
        long count = 0;
        for (int c = 0; c < chunks; c++) {
            double[] h = hist[c];
            for (int i = 0; i < joint.length; i++) {
                joint[i] += h[i];
            }
            count += valid[c];
        }
        double overlap = n == 0 ? 0 : (double) count / n;
        if (count == 0) {
            return new MetricValue(0, withGradient ? new double[np] : null, 0);
        }
        double norm = 1.0 / count;
        double[] pf = new double[bins];
        double[] pm = new double[bins];
        for (int i = 0; i < bins; i++) {
            for (int k = 0; k < bins; k++) {
                double p = joint[i * bins + k] * norm;
                joint[i * bins + k] = p;
                pf[i] += p;
                pm[k] += p;
            }
        }
        double mi = 0;
        for (int i = 0; i < bins; i++) {
            for (int k = 0; k < bins; k++) {
                double p = joint[i * bins + k];
                if (p > 1e-16 && pf[i] > 0 && pm[k] > 0) {
                    mi += p * Math.log(p / (pf[i] * pm[k]));
                }
            }
        }
        double[] grad = null;
        if (withGradient) {
            // dMI/dmu = sum_{i,k} dp(i,k)/dmu * log(p(i,k) / pm(k)); the fixed marginal does not move.
            double[] logRatio = new double[bins * bins];
            for (int i = 0; i < bins; i++) {
                for (int k = 0; k < bins; k++) {
                    double p = joint[i * bins + k];
                    logRatio[i * bins + k] = p > 1e-16 && pm[k] > 0 ? Math.log(p / pm[k]) : 0;
                }
            }
            grad = MattesGradient.accumulate(transform, samples, pre, n, fBin, mFloor, mFrac, gWorld, logRatio, bins,
                    norm / mWidth, workers);
        }
        return new MetricValue(-mi, grad, overlap);
    }

}
