package org.coreg.registration;

import org.coreg.image.AffineMap;
import org.coreg.image.interpolation.Interpolator;
import org.coreg.image.interpolation.ScalarGrid;

/**
 * Shared sampling for metrics that combine per-sample fixed and moving values (mean squares, correlation): each
 * sample is mapped, tested against the moving buffer, interpolated, and its derivative with respect to the
 * parameters computed. Chunks of {@value #CHUNK} samples fill their own partial sums, which are merged in order, so
 * results do not depend on the number of threads.
 */
abstract class PointwiseMetric implements ImageMetric {
    static final int CHUNK = 256;

    /** Per-chunk partial sums: {@code scalars} and {@code vectors[v][param]} as the subclass defines them. */
    static final class Partial {
        final double[] scalars;
        final double[][] vectors;
        int valid;

        Partial(int scalars, int vectors, int np) {
            this.scalars = new double[scalars];
            this.vectors = new double[vectors][np];
        }
    }

    private final ScalarGrid grid;
    private final Interpolator interp;
    private final AffineMap worldToIndex;
    private final double[] w;
    private final AffineMap pre;
    private final Workers workers;

    PointwiseMetric(PyramidLevel moving, Interpolator interp, AffineMap pre, Workers workers) {
        this.grid = moving.grid();
        this.interp = interp;
        this.worldToIndex = moving.geometry().worldToIndex();
        this.w = worldToIndex.linear();
        this.pre = pre;
        this.workers = workers;
    }

    abstract int scalarCount();

    abstract int vectorCount();

    /** Adds one inside sample (fixed value f, moving value m, dm/dparam or null) to the chunk's sums. */
    abstract void accumulate(Partial p, double f, double m, double[] dm);

    /** Turns the merged sums into the metric value. */
    abstract MetricValue finish(Partial total, int n, boolean withGradient);

    @Override
    public MetricValue evaluate(ParametricTransform transform, SampleSet samples, boolean withGradient) {
        int n = samples.size();
        int np = transform.parameterCount();
        int chunks = (n + CHUNK - 1) / CHUNK;
        Partial[] parts = new Partial[chunks];
        double[] pts = samples.points();
        float[] fv = samples.values();
        workers.forEach(chunks, c -> {
            Partial part = new Partial(scalarCount(), vectorCount(), np);
            double[] x = new double[3];
            double[] y = new double[3];
            double[] idx = new double[3];
            double[] g = new double[3];
            double[] jac = new double[3 * np];
            double[] dm = withGradient ? new double[np] : null;
            int end = Math.min(n, (c + 1) * CHUNK);
            for (int s = c * CHUNK; s < end; s++) {
                x[0] = pts[3 * s];
                x[1] = pts[3 * s + 1];
                x[2] = pts[3 * s + 2];
                pre.apply(x, x);
                transform.transformPoint(x, y);
                worldToIndex.apply(y, idx);
                if (!grid.isInside(idx[0], idx[1], idx[2])) {
                    continue;
                }
                double m;
                if (withGradient) {
                    m = interp.valueAndGradient(idx[0], idx[1], idx[2], g);
                    double gx = w[0] * g[0] + w[3] * g[1] + w[6] * g[2];
                    double gy = w[1] * g[0] + w[4] * g[1] + w[7] * g[2];
                    double gz = w[2] * g[0] + w[5] * g[1] + w[8] * g[2];
                    transform.jacobian(x, jac);
                    for (int p = 0; p < np; p++) {
                        dm[p] = gx * jac[3 * p] + gy * jac[3 * p + 1] + gz * jac[3 * p + 2];
                    }
                } else {
                    m = interp.value(idx[0], idx[1], idx[2]);
                }
                part.valid++;
                accumulate(part, fv[s], m, dm);
            }
            parts[c] = part;
        });
        Partial total = new Partial(scalarCount(), vectorCount(), np);
        for (Partial p : parts) {
            total.valid += p.valid;
            for (int i = 0; i < total.scalars.length; i++) {
                total.scalars[i] += p.scalars[i];
            }
            for (int v = 0; v < total.vectors.length; v++) {
                for (int j = 0; j < np; j++) {
                    total.vectors[v][j] += p.vectors[v][j];
                }
            }
        }
        return finish(total, n, withGradient);
    }
}
