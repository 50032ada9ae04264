package org.coreg.registration.landmarks;

import java.util.List;
import java.util.Locale;

/**
 * The shape of a set of points (LPS mm): centroid, and principal axes with the mean squared spread along each
 * (eigen-decomposition of the covariance {@code (1/N) sum (x - c)(x - c)^T}). Says whether the points span a line,
 * a plane or a volume well enough to fix a transform.
 *
 * @param centroid LPS mm
 * @param spread   mean squared distance along each principal axis, mm^2, decreasing
 * @param axes     unit principal axes, {@code axes[k]} belongs to {@code spread[k]}
 */
public record PointCloud(double[] centroid, double[] spread, double[][] axes) {
    /**
     * Points whose second (third) principal spread is below this fraction of the first, in RMS distance, are taken
     * as collinear (coplanar): at 1% a 100 mm long configuration is within 1 mm of a line and a rotation about that
     * line is barely determined.
     */
    static final double FLAT_RATIO = 0.01;

    public static PointCloud of(List<double[]> points) {
        int n = points.size();
        double[] c = new double[3];
        for (double[] p : points) {
            for (int d = 0; d < 3; d++) {
                c[d] += p[d] / n;
            }
        }
        double[][] cov = new double[3][3];
        for (double[] p : points) {
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    cov[i][j] += (p[i] - c[i]) * (p[j] - c[j]) / n;
                }
            }
        }
        JacobiEigen e = JacobiEigen.of(cov);
        double[] spread = new double[3];
        for (int k = 0; k < 3; k++) {
            spread[k] = Math.max(0, e.values()[k]);
        }
        return new PointCloud(c, spread, e.vectors());
    }

    /** RMS distance (mm) of the points from the best-fitting line. */
    public double rmsOffLine() {
        return Math.sqrt(spread[1] + spread[2]);
    }

    /** RMS distance (mm) of the points from the best-fitting plane. */
    public double rmsOffPlane() {
        return Math.sqrt(spread[2]);
    }

    /** True when the points lie (nearly) on one line: see {@link #FLAT_RATIO}. */
    public boolean collinear() {
        return Math.sqrt(spread[1]) <= FLAT_RATIO * Math.sqrt(spread[0]) || spread[0] == 0;
    }

    /** True when the points lie (nearly) in one plane. */
    public boolean coplanar() {
        return Math.sqrt(spread[2]) <= FLAT_RATIO * Math.sqrt(spread[0]) || spread[0] == 0;
    }

    String describeFlatness() {
        return String.format(Locale.ROOT, "RMS %.2f mm off their best line and %.2f mm off their best plane, "
                + "%.1f mm along it", rmsOffLine(), rmsOffPlane(), Math.sqrt(spread[0]));
    }
}
