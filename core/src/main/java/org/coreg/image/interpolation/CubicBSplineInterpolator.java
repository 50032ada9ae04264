package org.coreg.image.interpolation;

/**
 * Cubic B-spline interpolation (exact at voxel centres, twice continuously differentiable) with an analytic
 * gradient. Coefficients are computed once by {@link BSplinePrefilter}; neighbours outside the grid are mirrored
 * about the edge voxels, as in ITK's BSplineInterpolateImageFunction.
 */
public final class CubicBSplineInterpolator implements Interpolator {
    private final ScalarGrid grid;
    private final double[] c;
    private final int nx;
    private final int ny;
    private final int nz;

    public CubicBSplineInterpolator(ScalarGrid grid) {
        this.grid = grid;
        this.c = BSplinePrefilter.coefficients(grid);
        this.nx = grid.nx();
        this.ny = grid.ny();
        this.nz = grid.nz();
    }

    @Override
    public ScalarGrid grid() {
        return grid;
    }

    @Override
    public double value(double x, double y, double z) {
        return evaluate(x, y, z, null);
    }

    @Override
    public double valueAndGradient(double x, double y, double z, double[] gradient) {
        return evaluate(x, y, z, gradient);
    }

    private double evaluate(double x, double y, double z, double[] gradient) {
        double fx = Math.floor(x), fy = Math.floor(y), fz = Math.floor(z);
        double[] wx = new double[4], wy = new double[4], wz = new double[4];
        double[] dx = new double[4], dy = new double[4], dz = new double[4];
        CubicBSplineBasis.weights(x - fx, wx, dx);
        CubicBSplineBasis.weights(y - fy, wy, dy);
        CubicBSplineBasis.weights(z - fz, wz, dz);
        int[] ix = new int[4], iy = new int[4], iz = new int[4];
        for (int a = 0; a < 4; a++) {
            ix[a] = mirror((int) fx - 1 + a, nx);
            iy[a] = mirror((int) fy - 1 + a, ny) * nx;
            iz[a] = mirror((int) fz - 1 + a, nz) * nx * ny;
        }
        double v = 0, gx = 0, gy = 0, gz = 0;
        for (int k = 0; k < 4; k++) {
            double sv = 0, sgx = 0, sgy = 0;
            for (int j = 0; j < 4; j++) {
                int row = iy[j] + iz[k];
                double rv = 0, rg = 0;
                for (int i = 0; i < 4; i++) {
                    double coef = c[row + ix[i]];
                    rv += wx[i] * coef;
                    rg += dx[i] * coef;
                }
                sv += wy[j] * rv;
                sgx += wy[j] * rg;
                sgy += dy[j] * rv;
            }
            v += wz[k] * sv;
            gx += wz[k] * sgx;
            gy += wz[k] * sgy;
            gz += dz[k] * sv;
        }
        if (gradient != null) {
            // A single slice has no spline along that axis: its derivative is zero, not the mirror's artefact.
            gradient[0] = nx > 1 ? gx : 0;
            gradient[1] = ny > 1 ? gy : 0;
            gradient[2] = nz > 1 ? gz : 0;
        }
        return v;
    }

    /** Mirror-symmetric index into [0, n). */
    static int mirror(int i, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * n - 2;
        int k = Math.abs(i) % period;
        return k >= n ? period - k : k;
    }
}
