package org.coreg.image.interpolation;

import java.util.Objects;

/**
 * Real values on a voxel grid as one flat float array, x fastest ({@code i + nx*(j + ny*k)}): the input of
 * interpolators and of registration's inner loops. Indices here are voxel indices; geometry lives elsewhere.
 *
 * @param values voxel values, length {@code nx*ny*nz}
 */
public record ScalarGrid(float[] values, int nx, int ny, int nz) {
    public ScalarGrid {
        Objects.requireNonNull(values, "values");
        if (nx < 1 || ny < 1 || nz < 1 || (long) nx * ny * nz != values.length) {
            throw new IllegalArgumentException("grid " + nx + "x" + ny + "x" + nz + " does not match " + values.length
                    + " values");
        }
    }

    /** Real values of a volume (rescale applied) on its own grid. */
    public static ScalarGrid of(org.coreg.image.Volume v) {
        return new ScalarGrid(v.toFloatArray(), v.geometry().size(0), v.geometry().size(1), v.geometry().size(2));
    }

    public float get(int i, int j, int k) {
        return values[i + nx * (j + ny * k)];
    }

    public int size(int d) {
        return d == 0 ? nx : d == 1 ? ny : nz;
    }

    /**
     * True when the continuous index lies in the buffer as ITK defines it: {@code -0.5 <= x < n - 0.5} on every
     * axis (the voxel's own half-width around its centre).
     */
    public boolean isInside(double x, double y, double z) {
        return x >= -0.5 && x < nx - 0.5 && y >= -0.5 && y < ny - 0.5 && z >= -0.5 && z < nz - 0.5;
    }
}
