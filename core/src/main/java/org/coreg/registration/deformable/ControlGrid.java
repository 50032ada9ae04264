package org.coreg.registration.deformable;

import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.registration.RoiBox;

/**
 * Where the B-spline control nodes lie, and how a deformation moves from a coarse grid to a finer one. The grid's
 * axes are the fixed image's direction cosines; it covers the region the B-spline sees (the fixed image, or its ROI,
 * after the affine map that runs first), plus the one node of border every cubic B-spline needs and one node of
 * margin on each side.
 */
final class ControlGrid {
    private ControlGrid() {
    }

    /**
     * @param fixed   fixed image grid (LPS mm)
     * @param roi     region of interest in LPS mm, or null for the whole fixed image
     * @param pre     the affine map (fixed to moving) applied before the B-spline
     * @param spacing node spacing in mm
     */
    static ImageGeometry layout(ImageGeometry fixed, RoiBox roi, AffineMap pre, double spacing) {
        double[] dir = fixed.direction();
        double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        AffineMap i2w = fixed.indexToWorld();
        for (int corner = 0; corner < 8; corner++) {
            double[] p;
            if (roi == null) {
                p = i2w.apply(new double[] {(corner & 1) == 0 ? 0 : fixed.size(0) - 1,
                    (corner & 2) == 0 ? 0 : fixed.size(1) - 1, (corner & 4) == 0 ? 0 : fixed.size(2) - 1});
            } else {
                p = new double[] {(corner & 1) == 0 ? roi.lo()[0] : roi.hi()[0],
                    (corner & 2) == 0 ? roi.lo()[1] : roi.hi()[1], (corner & 4) == 0 ? roi.lo()[2] : roi.hi()[2]};
            }
            double[] q = pre.apply(p);
            for (int a = 0; a < 3; a++) {
                // coordinate along the fixed image's axis a (column a of the direction matrix)
                double u = dir[a] * q[0] + dir[3 + a] * q[1] + dir[6 + a] * q[2];
                lo[a] = Math.min(lo[a], u);
                hi[a] = Math.max(hi[a], u);
            }
        }
        int[] size = new int[3];
        double[] origin = new double[3];
        for (int a = 0; a < 3; a++) {
            // one node of margin beyond the border node on each side: the map is smooth up to and past the region's
            // edges (ITK's B-spline turns to the identity abruptly where the 4x4x4 support runs out)
            size[a] = (int) Math.floor((hi[a] - lo[a]) / spacing) + 6;
            double start = lo[a] - 2 * spacing;
            for (int r = 0; r < 3; r++) {
                origin[r] += dir[3 * r + a] * start;
            }
        }
        return ImageGeometry.of(size, new double[] {spacing, spacing, spacing}, origin, dir);
    }

    /**
     * The same deformation on the finer grid {@code finer}. When the grids are nested as {@link #layout} makes them
     * for half the spacing (same axes, fine node {@code 2i + o} on coarse node {@code i}), this is exact B-spline
     * subdivision (each coarse coefficient spread over five fine nodes with weights 1 4 6 4 1 / 8); otherwise the
     * coarse displacement is sampled at the fine nodes and a cubic B-spline fitted through them.
     */
    static BSplineDeformation refine(BSplineDeformation coarse, ImageGeometry finer) {
        int[] off = nestedHalf(coarse.grid(), finer);
        if (off != null) {
            return subdivide(coarse, finer, off);
        }
        return fit(coarse, finer);
    }

    /**
     * The fine index of coarse node 0 along each axis when the grids are nested (same axes, half the spacing, every
     * coarse node on a fine node), or null.
     */
    private static int[] nestedHalf(ImageGeometry c, ImageGeometry f) {
        double h = f.spacing(0);
        double[] cd = c.direction();
        double[] fd = f.direction();
        for (int i = 0; i < 9; i++) {
            if (Math.abs(cd[i] - fd[i]) > 1e-9) {
                return null;
            }
        }
        double[] rel = f.worldToIndex().apply(c.origin());
        int[] off = new int[3];
        for (int d = 0; d < 3; d++) {
            if (Math.abs(c.spacing(d) - 2 * f.spacing(d)) > 1e-9 * h || Math.abs(f.spacing(d) - h) > 1e-9 * h) {
                return null;
            }
            off[d] = (int) Math.round(rel[d]);
            if (Math.abs(rel[d] - off[d]) > 1e-6) {
                return null;
            }
        }
        return off;
    }

    private static BSplineDeformation subdivide(BSplineDeformation coarse, ImageGeometry finer, int[] off) {
        double[] w = {1 / 8.0, 4 / 8.0, 6 / 8.0, 4 / 8.0, 1 / 8.0};
        int[] cn = coarse.grid().size();
        int[] fn = finer.size();
        int cb = cn[0] * cn[1] * cn[2], fb = fn[0] * fn[1] * fn[2];
        double[] c = coarse.parameters();
        double[] f = new double[3 * fb];
        for (int d = 0; d < 3; d++) {
            for (int k = 0; k < cn[2]; k++) {
                for (int j = 0; j < cn[1]; j++) {
                    for (int i = 0; i < cn[0]; i++) {
                        double v = c[d * cb + i + cn[0] * (j + cn[1] * k)];
                        if (v == 0) {
                            continue;
                        }
                        for (int c2 = -2; c2 <= 2; c2++) {
                            int z = 2 * k + off[2] + c2;
                            if (z < 0 || z >= fn[2]) {
                                continue;
                            }
                            for (int b = -2; b <= 2; b++) {
                                int y = 2 * j + off[1] + b;
                                if (y < 0 || y >= fn[1]) {
                                    continue;
                                }
                                double wzy = w[c2 + 2] * w[b + 2] * v;
                                for (int a = -2; a <= 2; a++) {
                                    int x = 2 * i + off[0] + a;
                                    if (x >= 0 && x < fn[0]) {
                                        f[d * fb + x + fn[0] * (y + fn[1] * z)] += wzy * w[a + 2];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return new BSplineDeformation(finer, f);
    }

    private static BSplineDeformation fit(BSplineDeformation coarse, ImageGeometry finer) {
        int nx = finer.size(0), ny = finer.size(1), nz = finer.size(2);
        int block = nx * ny * nz;
        double[] c = new double[3 * block];
        AffineMap i2w = finer.indexToWorld();
        double[] y = new double[3];
        for (int k = 0, f = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++, f++) {
                    double[] p = i2w.apply(new double[] {i, j, k});
                    coarse.transformPoint(p, y);
                    for (int d = 0; d < 3; d++) {
                        c[f + d * block] = y[d] - p[d];
                    }
                }
            }
        }
        return through(finer, c);
    }

    /**
     * The cubic B-spline deformation on {@code grid} whose displacement (mm, LPS) at every node is the given one:
     * {@code displacement} holds three blocks (x, y, z components), each over the nodes with x fastest. Nodes beyond
     * the grid's ends count as zero, as everywhere in this class.
     */
    static BSplineDeformation through(ImageGeometry grid, double[] displacement) {
        int nx = grid.size(0), ny = grid.size(1), nz = grid.size(2);
        int block = nx * ny * nz;
        double[] c = displacement.clone();
        for (int d = 0; d < 3; d++) {
            fitAxis(c, d * block, nx, 1, ny * nz);
            fitAxis(c, d * block, ny, nx, nx * nz, nx, nx * ny);
            fitAxis(c, d * block, nz, nx * ny, nx * ny);
        }
        return new BSplineDeformation(grid, c);
    }

    /** Lines along an axis of length n and stride s; line starts are consecutive (x, z axes). */
    private static void fitAxis(double[] c, int base, int n, int stride, int lines) {
        int step = stride == 1 ? n : 1;
        for (int l = 0; l < lines; l++) {
            solve(c, base + l * step, n, stride);
        }
    }

    /** Lines along y: starts are x + nxy * z. */
    private static void fitAxis(double[] c, int base, int n, int stride, int lines, int nx, int nxy) {
        for (int l = 0; l < lines; l++) {
            solve(c, base + (l % nx) + nxy * (l / nx), n, stride);
        }
    }

    /**
     * Replaces samples d_i on a line by coefficients c with (c_{i-1} + 4 c_i + c_{i+1}) / 6 = d_i (nodes beyond the
     * ends taken as zero), by the Thomas algorithm.
     */
    private static void solve(double[] a, int start, int n, int stride) {
        double[] cp = new double[n];
        double[] dp = new double[n];
        double b = 4.0 / 6, off = 1.0 / 6;
        cp[0] = off / b;
        dp[0] = a[start] / b;
        for (int i = 1; i < n; i++) {
            double m = b - off * cp[i - 1];
            cp[i] = off / m;
            dp[i] = (a[start + i * stride] - off * dp[i - 1]) / m;
        }
        a[start + (n - 1) * stride] = dp[n - 1];
        for (int i = n - 2; i >= 0; i--) {
            dp[i] -= cp[i] * dp[i + 1];
            a[start + i * stride] = dp[i];
        }
    }
}
