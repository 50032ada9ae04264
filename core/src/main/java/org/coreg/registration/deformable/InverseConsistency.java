package org.coreg.registration.deformable;

import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;
import org.coreg.registration.IntensityLimits;
import org.coreg.transform.SpatialTransform;

/**
 * The inverse-consistency error of a pair of registrations of the same two images made both ways: how far a point of
 * image A lands from itself after the A-to-B result and then the B-to-A result, {@code |backward(forward(x)) - x|} in
 * mm, over the object of image A. Zero for exact inverses; elastix's and BRAINSFit's linear results leave 0.5-1.3 mm
 * (issue 17), a B-spline pair registered independently more (docs/symmetry.md).
 *
 * <p>Both maps follow the registration convention: {@code forward} maps A's points (LPS mm) to B's (the result of
 * registering B, moving, to A, fixed), {@code backward} maps B's points to A's (the result with the roles swapped).
 *
 * @param meanMm mean distance over the object's voxel centres (mm)
 * @param maxMm  largest distance (mm)
 * @param points voxel centres measured
 */
public record InverseConsistency(double meanMm, double maxMm, int points) {
    /** Object voxels: above the 0.5% quantile plus this fraction of the robust range (air, MR background out). */
    static final double OBJECT_FRACTION = 0.25;
    /** At most about this many voxel centres are measured (evenly spaced in the object). */
    static final int MAX_POINTS = 200_000;

    /**
     * Measures the pair over the object of {@code a} (its voxels brighter than a quarter of its robust intensity range;
     * every voxel if none is).
     *
     * @param a        the image both maps start from (the forward run's fixed image)
     * @param forward  A to B, LPS mm
     * @param backward B to A, LPS mm
     */
    public static InverseConsistency of(Volume a, SpatialTransform forward, SpatialTransform backward) {
        float[] v = a.toFloatArray();
        IntensityLimits lim = IntensityLimits.robust(v, 0.005, 0.995);
        double floor = lim.min() + OBJECT_FRACTION * (lim.max() - lim.min());
        int inside = 0;
        for (float x : v) {
            if (x > floor) {
                inside++;
            }
        }
        boolean all = inside == 0;
        int stride = Math.max(1, (all ? v.length : inside) / MAX_POINTS);
        ImageGeometry g = a.geometry();
        int nx = g.size(0), ny = g.size(1);
        double sum = 0, max = 0;
        int n = 0, seen = 0;
        double[] p = new double[3];
        for (int f = 0; f < v.length; f++) {
            if (!all && !(v[f] > floor) || seen++ % stride != 0) {
                continue;
            }
            double[] x = g.indexToWorld(f % nx, (f / nx) % ny, f / ((long) nx * ny));
            forward.apply(x, p);
            backward.apply(p, p);
            double d = Math.sqrt((p[0] - x[0]) * (p[0] - x[0]) + (p[1] - x[1]) * (p[1] - x[1])
                    + (p[2] - x[2]) * (p[2] - x[2]));
            sum += d;
            max = Math.max(max, d);
            n++;
        }
        return new InverseConsistency(n == 0 ? 0 : sum / n, max, n);
    }
}
