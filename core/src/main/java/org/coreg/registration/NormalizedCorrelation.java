package org.coreg.registration;

import org.coreg.image.AffineMap;
import org.coreg.image.interpolation.Interpolator;

/**
 * Minus the normalised cross-correlation of fixed and moving intensities over the samples inside the moving image
 * (-1 is a perfect linear match), with its analytic gradient.
 */
public final class NormalizedCorrelation extends PointwiseMetric {
    public NormalizedCorrelation(PyramidLevel moving, Interpolator interp, AffineMap pre, Workers workers) {
        super(moving, interp, pre, workers);
    }

    @Override
    int scalarCount() {
        return 5; // sum f, sum m, sum ff, sum mm, sum fm
    }

    @Override
    int vectorCount() {
        return 3; // sum dm, sum f dm, sum m dm
    }

    @Override
    void accumulate(Partial p, double f, double m, double[] dm) {
        double[] s = p.scalars;
        s[0] += f;
        s[1] += m;
        s[2] += f * f;
        s[3] += m * m;
        s[4] += f * m;
        if (dm != null) {
            for (int j = 0; j < dm.length; j++) {
                p.vectors[0][j] += dm[j];
                p.vectors[1][j] += f * dm[j];
                p.vectors[2][j] += m * dm[j];
            }
        }
    }

    @Override
    MetricValue finish(Partial t, int n, boolean withGradient) {
        int np = t.vectors[0].length;
        int c = t.valid;
        double[] s = t.scalars;
        double sff = s[2] - s[0] * s[0] / Math.max(1, c);
        double smm = s[3] - s[1] * s[1] / Math.max(1, c);
        double sfm = s[4] - s[0] * s[1] / Math.max(1, c);
        if (c == 0 || sff <= 0 || smm <= 0) {
            return new MetricValue(0, withGradient ? new double[np] : null, (double) c / Math.max(1, n));
        }
        double denom = Math.sqrt(sff * smm);
        double ncc = sfm / denom;
        double[] g = null;
        if (withGradient) {
            g = new double[np];
            double fMean = s[0] / c;
            double mMean = s[1] / c;
            for (int j = 0; j < np; j++) {
                double dSfm = t.vectors[1][j] - fMean * t.vectors[0][j];
                double dSmmHalf = t.vectors[2][j] - mMean * t.vectors[0][j];
                g[j] = -(dSfm - sfm / smm * dSmmHalf) / denom;
            }
        }
        return new MetricValue(-ncc, g, (double) c / n);
    }
}
