package org.coreg.registration.deformable;

import org.coreg.image.interpolation.CubicBSplineBasis;

import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.registration.NodeWeightedTransform;
import org.coreg.transform.BSplineTransform;
import org.coreg.transform.Direction;

/**
 * The cubic B-spline free-form deformation being optimised: {@code y = x + sum_n c_n B3(i - n_i) B3(j - n_j)
 * B3(k - n_k)}, LPS mm, {@code (i, j, k)} the continuous index of {@code x} on the control grid. Parameters are the
 * node displacements in mm in ITK's layout (all x components, x fastest, then all y, then all z), so
 * {@link #toTransform()} is exact; outside the region where all 4x4x4 supporting nodes exist the map is the identity,
 * as in ITK and {@link BSplineTransform}. Each point depends on 64 nodes, 192 parameters ({@link #jacobianSupport()}).
 */
public final class BSplineDeformation implements NodeWeightedTransform {
    static final int SUPPORT = 192;

    private final ImageGeometry grid;
    private final double[] w2g;
    private final double[] w2gOffset;
    private final int nx;
    private final int ny;
    private final int nz;
    private final int block;
    private final double[] c;

    /** A zero deformation on {@code grid} (every axis at least 4 nodes). */
    public BSplineDeformation(ImageGeometry grid) {
        this(grid, new double[(int) (3 * grid.voxelCount())]);
    }

    public BSplineDeformation(ImageGeometry grid, double[] coefficients) {
        for (int d = 0; d < 3; d++) {
            if (grid.size(d) < 4) {
                throw new IllegalArgumentException("a cubic B-spline grid needs at least 4 nodes per axis, found "
                        + java.util.Arrays.toString(grid.size()));
            }
        }
        if (coefficients.length != 3 * grid.voxelCount()) {
            throw new IllegalArgumentException("expected " + 3 * grid.voxelCount() + " coefficients, found "
                    + coefficients.length);
        }
        this.grid = grid;
        AffineMap m = grid.worldToIndex();
        this.w2g = m.linear();
        this.w2gOffset = m.apply(new double[3]);
        this.nx = grid.size(0);
        this.ny = grid.size(1);
        this.nz = grid.size(2);
        this.block = nx * ny * nz;
        this.c = coefficients.clone();
    }

    /** The control grid (LPS mm, the fixed image's direction cosines). */
    public ImageGeometry grid() {
        return grid;
    }

    /** The same deformation as a transform-model B-spline, fixed to moving (exactly the same map). */
    public BSplineTransform toTransform() {
        return new BSplineTransform(grid, c, Direction.FIXED_TO_MOVING);
    }

    @Override
    public int parameterCount() {
        return c.length;
    }

    @Override
    public double[] parameters() {
        return c.clone();
    }

    @Override
    public void setParameters(double[] p) {
        System.arraycopy(p, 0, c, 0, c.length);
    }

    /** Continuous grid index of x into {@code ci}; false where the map is the identity. */
    boolean gridIndex(double[] x, double[] ci) {
        for (int r = 0; r < 3; r++) {
            ci[r] = w2g[3 * r] * x[0] + w2g[3 * r + 1] * x[1] + w2g[3 * r + 2] * x[2] + w2gOffset[r];
        }
        return ci[0] >= 1 && ci[0] < nx - 2 && ci[1] >= 1 && ci[1] < ny - 2 && ci[2] >= 1 && ci[2] < nz - 2;
    }

    @Override
    public void transformPoint(double[] x, double[] out) {
        double[] ci = new double[3];
        double x0 = x[0], x1 = x[1], x2 = x[2];
        if (!gridIndex(x, ci)) {
            out[0] = x0;
            out[1] = x1;
            out[2] = x2;
            return;
        }
        int sx = (int) ci[0] - 1, sy = (int) ci[1] - 1, sz = (int) ci[2] - 1;
        double[] wx = new double[4], wy = new double[4], wz = new double[4];
        CubicBSplineBasis.weights(ci[0] - sx - 1, wx);
        CubicBSplineBasis.weights(ci[1] - sy - 1, wy);
        CubicBSplineBasis.weights(ci[2] - sz - 1, wz);
        double dx = 0, dy = 0, dz = 0;
        for (int k = 0; k < 4; k++) {
            for (int j = 0; j < 4; j++) {
                double wjk = wz[k] * wy[j];
                int row = sx + nx * (sy + j + ny * (sz + k));
                for (int i = 0; i < 4; i++) {
                    double w = wjk * wx[i];
                    int n = row + i;
                    dx += w * c[n];
                    dy += w * c[n + block];
                    dz += w * c[n + 2 * block];
                }
            }
        }
        out[0] = x0 + dx;
        out[1] = x1 + dy;
        out[2] = x2 + dz;
    }

    @Override
    public int jacobianSupport() {
        return SUPPORT;
    }

    @Override
    public void sparseJacobian(double[] x, int[] params, double[] jac) {
        java.util.Arrays.fill(jac, 0, 3 * SUPPORT, 0);
        java.util.Arrays.fill(params, 0, SUPPORT, 0);
        int[] nodes = new int[SUPPORT / 3];
        double[] weights = new double[SUPPORT / 3];
        int m = nodeWeights(x, nodes, weights);
        for (int q = 0; q < m; q++) {
            for (int d = 0; d < 3; d++) {
                params[3 * q + d] = nodes[q] + d * block;
                jac[3 * (3 * q + d) + d] = weights[q];
            }
        }
    }

    @Override
    public int axisStride() {
        return block;
    }

    @Override
    public int nodeWeights(double[] x, int[] nodes, double[] weights) {
        double[] ci = new double[3];
        if (!gridIndex(x, ci)) {
            return 0;
        }
        int sx = (int) ci[0] - 1, sy = (int) ci[1] - 1, sz = (int) ci[2] - 1;
        double[] wx = new double[4], wy = new double[4], wz = new double[4];
        CubicBSplineBasis.weights(ci[0] - sx - 1, wx);
        CubicBSplineBasis.weights(ci[1] - sy - 1, wy);
        CubicBSplineBasis.weights(ci[2] - sz - 1, wz);
        int m = 0;
        for (int k = 0; k < 4; k++) {
            for (int j = 0; j < 4; j++) {
                double wjk = wz[k] * wy[j];
                int row = sx + nx * (sy + j + ny * (sz + k));
                for (int i = 0; i < 4; i++, m++) {
                    nodes[m] = row + i;
                    weights[m] = wjk * wx[i];
                }
            }
        }
        return m;
    }

    @Override
    public void jacobian(double[] x, double[] jac) {
        java.util.Arrays.fill(jac, 0, 3 * c.length, 0);
        int[] idx = new int[SUPPORT];
        double[] sj = new double[3 * SUPPORT];
        sparseJacobian(x, idx, sj);
        for (int s = 0; s < SUPPORT; s++) {
            for (int d = 0; d < 3; d++) {
                jac[3 * idx[s] + d] += sj[3 * s + d];
            }
        }
    }

    /** A B-spline deformation is not affine; callers of the linear stages never ask a deformable one for this. */
    @Override
    public AffineMap toAffineMap() {
        throw new UnsupportedOperationException("a B-spline deformation has no affine matrix; use toTransform()");
    }

    @Override
    public BSplineDeformation copy() {
        return new BSplineDeformation(grid, c);
    }

    @Override
    public String name() {
        return "bspline";
    }
}
