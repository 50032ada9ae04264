package org.coreg.image.interpolation;

/** Value of the nearest voxel; halves round up ({@code floor(x + 0.5)}), indices clamped to the buffer. */
public final class NearestNeighborInterpolator implements Interpolator {
    private final ScalarGrid grid;

    public NearestNeighborInterpolator(ScalarGrid grid) {
        this.grid = grid;
    }

    @Override
    public ScalarGrid grid() {
        return grid;
    }

    @Override
    public double value(double x, double y, double z) {
        return grid.get(clamp(x, grid.nx()), clamp(y, grid.ny()), clamp(z, grid.nz()));
    }

    /** The gradient of a piecewise-constant image is zero almost everywhere. */
    @Override
    public double valueAndGradient(double x, double y, double z, double[] gradient) {
        gradient[0] = 0;
        gradient[1] = 0;
        gradient[2] = 0;
        return value(x, y, z);
    }

    private static int clamp(double x, int n) {
        int i = (int) Math.floor(x + 0.5);
        return i < 0 ? 0 : i >= n ? n - 1 : i;
    }
}
