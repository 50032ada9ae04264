package org.coreg.image.interpolation;

/**
 * Trilinear interpolation; neighbours past the last voxel are clamped to it, so the half-voxel border that
 * {@link ScalarGrid#isInside} admits extends the edge values (as ITK's linear interpolator does).
 */
public final class LinearInterpolator implements Interpolator {
    private final ScalarGrid grid;
    private final float[] v;
    private final int nx;
    private final int nxy;

    public LinearInterpolator(ScalarGrid grid) {
        this.grid = grid;
        this.v = grid.values();
        this.nx = grid.nx();
        this.nxy = grid.nx() * grid.ny();
    }

    @Override
    public ScalarGrid grid() {
        return grid;
    }

    @Override
    public double value(double x, double y, double z) {
        return valueAndGradient(x, y, z, null);
    }

    @Override
    public double valueAndGradient(double x, double y, double z, double[] gradient) {
        int fx = floor(x), fy = floor(y), fz = floor(z);
        double tx = x - fx, ty = y - fy, tz = z - fz;
        int x0 = clamp(fx, grid.nx()), x1 = clamp(fx + 1, grid.nx());
        int y0 = clamp(fy, grid.ny()) * nx, y1 = clamp(fy + 1, grid.ny()) * nx;
        int z0 = clamp(fz, grid.nz()) * nxy, z1 = clamp(fz + 1, grid.nz()) * nxy;
        double c000 = v[x0 + y0 + z0], c100 = v[x1 + y0 + z0], c010 = v[x0 + y1 + z0], c110 = v[x1 + y1 + z0];
        double c001 = v[x0 + y0 + z1], c101 = v[x1 + y0 + z1], c011 = v[x0 + y1 + z1], c111 = v[x1 + y1 + z1];
        double c00 = c000 + tx * (c100 - c000), c10 = c010 + tx * (c110 - c010);
        double c01 = c001 + tx * (c101 - c001), c11 = c011 + tx * (c111 - c011);
        double c0 = c00 + ty * (c10 - c00), c1 = c01 + ty * (c11 - c01);
        if (gradient != null) {
            double dx00 = c100 - c000, dx10 = c110 - c010, dx01 = c101 - c001, dx11 = c111 - c011;
            double dx0 = dx00 + ty * (dx10 - dx00), dx1 = dx01 + ty * (dx11 - dx01);
            gradient[0] = dx0 + tz * (dx1 - dx0);
            gradient[1] = (c10 - c00) + tz * ((c11 - c01) - (c10 - c00));
            gradient[2] = c1 - c0;
        }
        return c0 + tz * (c1 - c0);
    }

    /** Math.floor for grid coordinates; the JIT's first tier calls StrictMath for Math.floor, this is a cast. */
    static int floor(double x) {
        int i = (int) x;
        return x < i ? i - 1 : i;
    }

    private static int clamp(int i, int n) {
        return i < 0 ? 0 : i >= n ? n - 1 : i;
    }
}
