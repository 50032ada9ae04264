package org.coreg.transform;

import org.coreg.image.interpolation.CubicBSplineBasis;
import java.util.Objects;
import org.coreg.image.ImageGeometry;

/**
 * A cubic B-spline free-form deformation, laid out as ITK's BSplineTransform and elastix's BSplineTransform store it:
 * a control grid (size, origin, spacing, direction in LPS mm; the grid of coefficients, including the border
 * nodes) and one displacement coefficient per node and axis, x fastest, all x components first, then y, then z.
 * {@code T(p) = p + sum_n c_n * B3(i - n_i) B3(j - n_j) B3(k - n_k)} where {@code (i, j, k)} is the continuous grid
 * index of {@code p}. Outside the region where all 4x4x4 supporting nodes exist ({@code 1 <= index < size - 2}),
 * the map is the identity, as in ITK.
 */
public final class BSplineTransform implements SpatialTransform {
    private final ImageGeometry grid;
    private final double[] coefficients;
    private final Direction direction;
    private final double[] w2g;
    private final int nx;
    private final int ny;
    private final int nz;

    /**
     * @param grid         the coefficient grid (every axis at least 4 nodes)
     * @param coefficients {@code 3 * nodes} displacements in mm: x components of all nodes, then y, then z
     * @param direction    which way the map goes
     */
    public BSplineTransform(ImageGeometry grid, double[] coefficients, Direction direction) {
        this.grid = Objects.requireNonNull(grid, "grid");
        this.direction = Objects.requireNonNull(direction, "direction");
        long n = grid.voxelCount();
        if (coefficients.length != 3 * n) {
            throw new IllegalArgumentException("a B-spline grid of " + n + " nodes needs " + 3 * n
                    + " coefficients, found " + coefficients.length);
        }
        for (int d = 0; d < 3; d++) {
            if (grid.size(d) < 4) {
                throw new IllegalArgumentException("a cubic B-spline grid needs at least 4 nodes per axis, found "
                        + java.util.Arrays.toString(grid.size()));
            }
        }
        this.coefficients = coefficients.clone();
        this.w2g = grid.worldToIndex().rowMajor3x4();
        this.nx = grid.size(0);
        this.ny = grid.size(1);
        this.nz = grid.size(2);
    }

    /**
     * A zero deformation whose control grid covers {@code domain} (an image grid, LPS mm) with nodes every
     * {@code spacing} mm along the domain's axes, plus the border nodes cubic B-splines need (as ITK's
     * BSplineTransformInitializer lays them out).
     */
    public static BSplineTransform zero(ImageGeometry domain, double[] nodeSpacing, Direction direction) {
        int[] size = new int[3];
        double[] extent = new double[3];
        for (int d = 0; d < 3; d++) {
            extent[d] = (domain.size(d) - 1) * domain.spacing(d);
            size[d] = (int) Math.ceil(extent[d] / nodeSpacing[d] - 1e-9) + 3;
        }
        double[] dir = domain.direction();
        double[] o = domain.origin();
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                o[r] -= dir[3 * r + c] * nodeSpacing[c];
            }
        }
        ImageGeometry g = ImageGeometry.of(size, nodeSpacing, o, dir);
        return new BSplineTransform(g, new double[(int) (3 * g.voxelCount())], direction);
    }

    /** The coefficient grid (LPS mm). */
    public ImageGeometry grid() {
        return grid;
    }

    /** The coefficients (a copy), x components first, then y, then z; each block x fastest. */
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** The same grid with other coefficients. */
    public BSplineTransform withCoefficients(double[] c) {
        return new BSplineTransform(grid, c, direction);
    }

    @Override
    public Direction direction() {
        return direction;
    }

    @Override
    public void apply(double[] p, double[] out) {
        double x = p[0], y = p[1], z = p[2];
        double[] m = w2g;
        double ci = m[0] * x + m[1] * y + m[2] * z + m[3];
        double cj = m[4] * x + m[5] * y + m[6] * z + m[7];
        double ck = m[8] * x + m[9] * y + m[10] * z + m[11];
        if (ci < 1 || ci >= nx - 2 || cj < 1 || cj >= ny - 2 || ck < 1 || ck >= nz - 2) {
            out[0] = x;
            out[1] = y;
            out[2] = z;
            return;
        }
        int fi = (int) ci, fj = (int) cj, fk = (int) ck;
        // One scratch array per call (x, y, z weights): small enough for the JIT to keep off the heap.
        double[] w = new double[12];
        CubicBSplineBasis.weights(ci - fi, w, 0);
        CubicBSplineBasis.weights(cj - fj, w, 4);
        CubicBSplineBasis.weights(ck - fk, w, 8);
        int block = nx * ny * nz;
        int base = (fi - 1) + nx * ((fj - 1) + ny * (fk - 1));
        double dx = 0, dy = 0, dz = 0;
        for (int k = 0; k < 4; k++) {
            for (int j = 0; j < 4; j++) {
                double wjk = w[8 + k] * w[4 + j];
                int n = base + nx * (j + ny * k);
                double sx = w[0] * coefficients[n] + w[1] * coefficients[n + 1] + w[2] * coefficients[n + 2]
                        + w[3] * coefficients[n + 3];
                int ny0 = n + block;
                double sy = w[0] * coefficients[ny0] + w[1] * coefficients[ny0 + 1] + w[2] * coefficients[ny0 + 2]
                        + w[3] * coefficients[ny0 + 3];
                int nz0 = n + 2 * block;
                double sz = w[0] * coefficients[nz0] + w[1] * coefficients[nz0 + 1] + w[2] * coefficients[nz0 + 2]
                        + w[3] * coefficients[nz0 + 3];
                dx += wjk * sx;
                dy += wjk * sy;
                dz += wjk * sz;
            }
        }
        out[0] = x + dx;
        out[1] = y + dy;
        out[2] = z + dz;
    }

    /** Cubic B-spline weights of the 4 nodes around fraction {@code t} in [0, 1) past the second node. */
    static double[] weights(double t) {
        double[] w = new double[4];
        CubicBSplineBasis.weights(t, w, 0);
        return w;
    }

    @Override
    public boolean isLinear() {
        return false;
    }

    @Override
    public BSplineTransform withDirection(Direction d) {
        return new BSplineTransform(grid, coefficients, d);
    }

    @Override
    public String describe() {
        int[] s = grid.size();
        return "B-spline " + s[0] + "x" + s[1] + "x" + s[2] + " " + direction.label();
    }
}
