package org.coreg.transform;

import java.util.Objects;
import java.util.stream.IntStream;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;

/**
 * A dense displacement field: on a grid (LPS mm), one displacement vector (mm, LPS) per voxel, so that
 * {@code T(p) = p + u(p)} with {@code u} interpolated trilinearly; outside the grid's buffer (ITK's half-voxel
 * border) the displacement is zero, as in ITK's DisplacementFieldTransform. Components are stored as three blocks
 * (all x, then all y, then all z), each x fastest.
 */
public final class DisplacementFieldTransform implements SpatialTransform {
    /**
     * An inverse sampled on a grid.
     *
     * @param field       the inverse as a displacement field
     * @param maxResidual largest {@code |T(x) - y|} (mm) over the grid's voxel centres
     */
    public record Inversion(DisplacementFieldTransform field, double maxResidual) {
    }

    private final ImageGeometry grid;
    private final double[] u;
    private final Direction direction;
    private final AffineMap worldToIndex;
    private final int nx;
    private final int ny;
    private final int nz;

    /** @param displacements {@code 3 * voxels} values in mm: x block, y block, z block */
    public DisplacementFieldTransform(ImageGeometry grid, double[] displacements, Direction direction) {
        this.grid = Objects.requireNonNull(grid, "grid");
        this.direction = Objects.requireNonNull(direction, "direction");
        if (displacements.length != 3 * grid.voxelCount()) {
            throw new IllegalArgumentException("a displacement field of " + grid.voxelCount() + " voxels needs "
                    + 3 * grid.voxelCount() + " values, found " + displacements.length);
        }
        this.u = displacements.clone();
        this.worldToIndex = grid.worldToIndex();
        this.nx = grid.size(0);
        this.ny = grid.size(1);
        this.nz = grid.size(2);
    }

    /** The displacements of {@code t} at the voxel centres of {@code grid} (LPS mm), in {@code t}'s direction. */
    public static DisplacementFieldTransform sample(SpatialTransform t, ImageGeometry grid) {
        int n = (int) grid.voxelCount();
        double[] d = new double[3 * n];
        int gx = grid.size(0);
        int gy = grid.size(1);
        IntStream.range(0, grid.size(2)).parallel().forEach(k -> {
            for (int j = 0; j < gy; j++) {
                for (int i = 0; i < gx; i++) {
                    double[] p = grid.indexToWorld(i, j, k);
                    double[] q = t.apply(p);
                    int v = i + gx * (j + gy * k);
                    d[v] = q[0] - p[0];
                    d[v + n] = q[1] - p[1];
                    d[v + 2 * n] = q[2] - p[2];
                }
            }
        });
        return new DisplacementFieldTransform(grid, d, t.direction());
    }

    /**
     * The inverse of {@code t} sampled on {@code grid} (a grid of {@code t}'s target space), point by point with
     * {@link NumericalInverse}.
     *
     * @throws NonInvertibleTransformException naming the first voxel where {@code t} folds or the iteration fails
     */
    public static Inversion invertOnGrid(SpatialTransform t, ImageGeometry grid, NumericalInverse.Settings settings)
            throws NonInvertibleTransformException {
        NumericalInverse inv = new NumericalInverse(t, settings);
        int n = (int) grid.voxelCount();
        double[] d = new double[3 * n];
        double[] residual = new double[grid.size(2)];
        String[] failure = new String[grid.size(2)];
        int gx = grid.size(0);
        int gy = grid.size(1);
        IntStream.range(0, grid.size(2)).parallel().forEach(k -> {
            for (int j = 0; j < gy && failure[k] == null; j++) {
                for (int i = 0; i < gx; i++) {
                    double[] y = grid.indexToWorld(i, j, k);
                    NumericalInverse.Solution s = inv.solve(y);
                    if (s.folded() || s.residual() > 1e-4) {
                        failure[k] = "voxel (" + i + ", " + j + ", " + k + ") at LPS " + java.util.Arrays.toString(y)
                                + " mm: " + (s.folded() ? "the transform folds there (Jacobian determinant <= 0)"
                                : "no convergence") + ", residual " + s.residual() + " mm";
                        break;
                    }
                    residual[k] = Math.max(residual[k], s.residual());
                    int v = i + gx * (j + gy * k);
                    d[v] = s.point()[0] - y[0];
                    d[v + n] = s.point()[1] - y[1];
                    d[v + 2 * n] = s.point()[2] - y[2];
                }
            }
        });
        for (String f : failure) {
            if (f != null) {
                throw new NonInvertibleTransformException("cannot invert " + t.describe() + " at " + f);
            }
        }
        double worst = 0;
        for (double r : residual) {
            worst = Math.max(worst, r);
        }
        return new Inversion(new DisplacementFieldTransform(grid, d, t.direction().reversed()), worst);
    }

    public ImageGeometry grid() {
        return grid;
    }

    /** Displacements (a copy): x block, y block, z block, mm. */
    public double[] displacements() {
        return u.clone();
    }

    @Override
    public Direction direction() {
        return direction;
    }

    @Override
    public void apply(double[] p, double[] out) {
        double[] c = worldToIndex.apply(p);
        double x = p[0], y = p[1], z = p[2];
        if (!(c[0] >= -0.5 && c[0] < nx - 0.5 && c[1] >= -0.5 && c[1] < ny - 0.5 && c[2] >= -0.5 && c[2] < nz - 0.5)) {
            out[0] = x;
            out[1] = y;
            out[2] = z;
            return;
        }
        double fx = Math.floor(c[0]), fy = Math.floor(c[1]), fz = Math.floor(c[2]);
        double tx = c[0] - fx, ty = c[1] - fy, tz = c[2] - fz;
        int x0 = clamp((int) fx, nx), x1 = clamp((int) fx + 1, nx);
        int y0 = clamp((int) fy, ny) * nx, y1 = clamp((int) fy + 1, ny) * nx;
        int z0 = clamp((int) fz, nz) * nx * ny, z1 = clamp((int) fz + 1, nz) * nx * ny;
        int n = nx * ny * nz;
        double[] r = new double[3];
        for (int d = 0; d < 3; d++) {
            int o = d * n;
            double c00 = u[o + x0 + y0 + z0] + tx * (u[o + x1 + y0 + z0] - u[o + x0 + y0 + z0]);
            double c10 = u[o + x0 + y1 + z0] + tx * (u[o + x1 + y1 + z0] - u[o + x0 + y1 + z0]);
            double c01 = u[o + x0 + y0 + z1] + tx * (u[o + x1 + y0 + z1] - u[o + x0 + y0 + z1]);
            double c11 = u[o + x0 + y1 + z1] + tx * (u[o + x1 + y1 + z1] - u[o + x0 + y1 + z1]);
            double c0 = c00 + ty * (c10 - c00);
            double c1 = c01 + ty * (c11 - c01);
            r[d] = c0 + tz * (c1 - c0);
        }
        out[0] = x + r[0];
        out[1] = y + r[1];
        out[2] = z + r[2];
    }

    private static int clamp(int i, int n) {
        return i < 0 ? 0 : i >= n ? n - 1 : i;
    }

    @Override
    public boolean isLinear() {
        return false;
    }

    @Override
    public DisplacementFieldTransform withDirection(Direction d) {
        return new DisplacementFieldTransform(grid, u, d);
    }

    @Override
    public String describe() {
        int[] s = grid.size();
        return "displacement field " + s[0] + "x" + s[1] + "x" + s[2] + " " + direction.label();
    }
}
