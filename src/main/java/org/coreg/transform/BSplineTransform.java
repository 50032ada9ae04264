package org.coreg.transform;

import java.util.Objects;
import org.coreg.image.AffineMap;
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
    private final AffineMap worldToGrid;
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
        this.worldToGrid = grid.worldToIndex();
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
        double[] ci = worldToGrid.apply(p);
        double x = p[0], y = p[1], z = p[2];
        if (ci[0] < 1 || ci[0] >= nx - 2 || ci[1] < 1 || ci[1] >= ny - 2 || ci[2] < 1 || ci[2] >= nz - 2) {
            out[0] = x;
            out[1] = y;
            out[2] = z;
            return;
        }
        int sx = (int) Math.floor(ci[0]) - 1, sy = (int) Math.floor(ci[1]) - 1, sz = (int) Math.floor(ci[2]) - 1;
        double[] wx = weights(ci[0] - sx - 1), wy = weights(ci[1] - sy - 1), wz = weights(ci[2] - sz - 1);
        int block = nx * ny * nz;
        double dx = 0, dy = 0, dz = 0;
        for (int k = 0; k < 4; k++) {
            for (int j = 0; j < 4; j++) {
                double w = wz[k] * wy[j];
                int row = sx + nx * (sy + j + ny * (sz + k));
                for (int i = 0; i < 4; i++) {
                    double wi = w * wx[i];
                    int n = row + i;
                    dx += wi * coefficients[n];
                    dy += wi * coefficients[n + block];
                    dz += wi * coefficients[n + 2 * block];
                }
            }
        }
        out[0] = x + dx;
        out[1] = y + dy;
        out[2] = z + dz;
    }

    /** Cubic B-spline weights of the 4 nodes around fraction {@code t} in [0, 1) past the second node. */
    static double[] weights(double t) {
        double u = 1 - t;
        double t2 = t * t, t3 = t2 * t;
        return new double[] {u * u * u / 6, (3 * t3 - 6 * t2 + 4) / 6, (-3 * t3 + 3 * t2 + 3 * t + 1) / 6, t3 / 6};
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
