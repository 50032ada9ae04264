package org.coreg.image;

/**
 * What the real values of a volume (stored value x rescale slope + intercept) hold: the range of the finite ones and
 * how many are NaN or infinite. A single NaN voxel (a float image from a division by zero) must not hide the range of
 * the others.
 *
 * @param min       smallest finite real value, NaN when no voxel is finite
 * @param max       largest finite real value, NaN when no voxel is finite
 * @param finite    number of finite voxels
 * @param nan       number of NaN voxels
 * @param infinite  number of +infinite or -infinite voxels
 */
public record VoxelCensus(double min, double max, long finite, long nan, long infinite) {
    /** Counts every voxel of {@code v}. */
    public static VoxelCensus of(Volume v) {
        double slope = v.metadata().rescaleSlope();
        double intercept = v.metadata().rescaleIntercept();
        VoxelData data = v.voxels();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        long finite = 0;
        long nan = 0;
        long infinite = 0;
        for (int i = 0, n = data.length(); i < n; i++) {
            double x = data.get(i) * slope + intercept;
            if (Double.isNaN(x)) {
                nan++;
            } else if (Double.isInfinite(x)) {
                infinite++;
            } else {
                finite++;
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
        }
        return finite == 0 ? new VoxelCensus(Double.NaN, Double.NaN, 0, nan, infinite)
                : new VoxelCensus(min, max, finite, nan, infinite);
    }
}
