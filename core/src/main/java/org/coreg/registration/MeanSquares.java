package org.coreg.registration;

import org.coreg.image.AffineMap;
import org.coreg.image.interpolation.Interpolator;

/** Mean of squared intensity differences over the samples inside the moving image, with its analytic gradient. */
public final class MeanSquares extends PointwiseMetric {
    public MeanSquares(PyramidLevel moving, Interpolator interp, AffineMap pre, Workers workers) {
        super(moving, interp, pre, workers);
    }

    @Override
    int scalarCount() {
        return 1;
    }

    @Override
    int vectorCount() {
        return 1;
    }

    @Override
    void accumulate(Partial p, double f, double m, double[] dm) {
        double d = m - f;
        p.scalars[0] += d * d;
        if (dm != null) {
            for (int j = 0; j < dm.length; j++) {
                p.vectors[0][j] += 2 * d * dm[j];
            }
        }
    }

    @Override
    MetricValue finish(Partial t, int n, boolean withGradient) {
        int np = t.vectors[0].length;
        if (t.valid == 0) {
            return new MetricValue(0, withGradient ? new double[np] : null, 0);
        }
        double[] g = null;
        if (withGradient) {
            g = new double[np];
            for (int j = 0; j < np; j++) {
                g[j] = t.vectors[0][j] / t.valid;
            }
        }
        return new MetricValue(t.scalars[0] / t.valid, g, (double) t.valid / n);
    }
}
