package org.coreg.image.interpolation;

/**
 * Values of an image between voxel centres, at continuous voxel indices. Outside the buffer (see
 * {@link ScalarGrid#isInside}) callers decide; the methods here assume an inside point and clamp or mirror
 * neighbours at the edges.
 */
public interface Interpolator {
    /** The grid this interpolates. */
    ScalarGrid grid();

    /** Interpolated value at continuous index (x, y, z). */
    double value(double x, double y, double z);

    /**
     * Interpolated value at (x, y, z), and its gradient with respect to the index (per voxel, not per mm) written
     * to {@code gradient[0..2]}.
     */
    double valueAndGradient(double x, double y, double z, double[] gradient);

    /** Value at (x, y, z) if inside the buffer, else {@code outside}. */
    default double valueOr(double x, double y, double z, double outside) {
        return grid().isInside(x, y, z) ? value(x, y, z) : outside;
    }
}
