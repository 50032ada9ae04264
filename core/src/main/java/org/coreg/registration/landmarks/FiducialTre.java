package org.coreg.registration.landmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * Expected target registration error of a rigid point-based registration (J.M. Fitzpatrick, J.B. West and C.R. Maurer,
 * "Predicting error in rigid-body point-based registration", IEEE TMI 17(5), 1998, eq. 46):
 * <pre>  &lt;TRE^2(r)&gt; = &lt;FLE^2&gt;/N * (1 + 1/3 * sum_k d_k^2 / f_k^2)</pre>
 * with N fiducials, {@code d_k} the distance of the target {@code r} from the k-th principal axis of the fiducial
 * configuration and {@code f_k} the RMS distance of the fiducials from that axis. The fiducial localisation error is
 * estimated from the fit's own fiducial registration error, {@code <FLE^2> = <FRE^2> N / (N - 2)} (their eq. 10), so
 * the estimate needs at least 3 pairs.
 */
public final class FiducialTre {
    private FiducialTre() {
    }

    /**
     * @param fixedFiducials fiducial positions in the fixed image, LPS mm
     * @param fleRms         RMS fiducial localisation error, mm
     * @param target         the target point in the fixed image, LPS mm
     * @return the RMS expected TRE at {@code target}, mm
     */
    public static double expected(List<double[]> fixedFiducials, double fleRms, double[] target) {
        int n = fixedFiducials.size();
        PointCloud c = PointCloud.of(fixedFiducials);
        double[] r = {target[0] - c.centroid()[0], target[1] - c.centroid()[1], target[2] - c.centroid()[2]};
        double r2 = r[0] * r[0] + r[1] * r[1] + r[2] * r[2];
        double sum = 0;
        for (int k = 0; k < 3; k++) {
            double[] v = c.axes()[k];
            double along = r[0] * v[0] + r[1] * v[1] + r[2] * v[2];
            double d2 = Math.max(0, r2 - along * along);
            // Mean squared distance of the fiducials from axis k: the spread along the two other axes.
            double f2 = c.spread()[(k + 1) % 3] + c.spread()[(k + 2) % 3];
            sum += f2 > 0 ? d2 / f2 : (d2 > 0 ? Double.POSITIVE_INFINITY : 0);
        }
        return Math.sqrt(fleRms * fleRms / n * (1 + sum / 3));
    }

    /** The RMS fiducial localisation error implied by a rigid fit's RMS fiducial registration error (N &gt; 2). */
    public static double fleFromFre(double freRms, int n) {
        return n > 2 ? freRms * Math.sqrt(n / (n - 2.0)) : Double.NaN;
    }

    /** The fixed-image positions of {@code pairs}. */
    public static List<double[]> fixedPoints(List<LandmarkPair> pairs) {
        List<double[]> out = new ArrayList<>();
        for (LandmarkPair p : pairs) {
            out.add(p.fixed());
        }
        return out;
    }
}
