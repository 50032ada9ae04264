package org.coreg.app.render;

import java.util.stream.IntStream;
import org.coreg.image.AffineMap;

/**
 * Samples a volume on the pixels of a {@link SliceGrid}. The grid lies in the fixed image's LPS space; the volume
 * is reached through {@code fixedToVolume}, an LPS-to-LPS map from fixed space into the volume's space (identity
 * for the fixed image, the current fixed-to-moving transform for the moving image). Direction cosines and spacing
 * of the volume are honoured through its world-to-index map.
 */
public final class SliceRenderer {
    /** Slices with more pixels than this are split across the cores. */
    private static final int PARALLEL_PIXELS = 64 * 1024;
    private static final int ROWS_PER_CHUNK = 32;

    private SliceRenderer() {
    }

    /**
     * Fills {@code out} (length at least {@code grid.pixelCount()}, row-major, x fastest) with the volume's real
     * values at each pixel's world point; NaN where the point falls outside the volume.
     */
    public static void sample(SampledVolume volume, AffineMap fixedToVolume, SliceGrid grid, Interpolation interp,
                              float[] out) {
        if (out.length < grid.pixelCount()) {
            throw new IllegalArgumentException("output holds " + out.length + " values, slice needs " + grid.pixelCount());
        }
        // pixel -> continuous voxel index is affine: idx = base + x*dx + y*dy
        AffineMap toIndex = volume.geometry().worldToIndex().after(fixedToVolume);
        double[] base = toIndex.apply(grid.topLeft());
        double[] r = grid.plane().right();
        double[] d = grid.plane().down();
        double[] dx = new double[3];
        double[] dy = new double[3];
        for (int row = 0; row < 3; row++) {
            for (int c = 0; c < 3; c++) {
                dx[row] += toIndex.get(row, c) * r[c] * grid.pixelMm();
                dy[row] += toIndex.get(row, c) * d[c] * grid.pixelMm();
            }
        }
        int h = grid.height();
        if (grid.pixelCount() < PARALLEL_PIXELS) {
            rows(volume, interp, grid.width(), 0, h, base, dx, dy, out);
        } else {
            int chunks = (h + ROWS_PER_CHUNK - 1) / ROWS_PER_CHUNK;
            IntStream.range(0, chunks).parallel().forEach(c -> rows(volume, interp, grid.width(), c * ROWS_PER_CHUNK,
                    Math.min(h, (c + 1) * ROWS_PER_CHUNK), base, dx, dy, out));
        }
    }

    private static void rows(SampledVolume v, Interpolation interp, int w, int y0, int y1, double[] base, double[] dx,
                             double[] dy, float[] out) {
        boolean linear = interp == Interpolation.LINEAR;
        float[] vals = v.values();
        int nx = v.nx();
        int nxy = nx * v.ny();
        // interior: all eight neighbours exist, so no clamping is needed (the common case, done inline)
        double maxI = nx - 1;
        double maxJ = v.ny() - 1;
        double maxK = v.nz() - 1;
        for (int y = y0; y < y1; y++) {
            double i = base[0] + y * dy[0];
            double j = base[1] + y * dy[1];
            double k = base[2] + y * dy[2];
            int o = y * w;
            for (int x = 0; x < w; x++) {
                if (!linear) {
                    out[o + x] = v.nearest(i, j, k);
                } else if (i >= 0 && j >= 0 && k >= 0 && i < maxI && j < maxJ && k < maxK) {
                    int x0 = (int) i;
                    int yy = (int) j;
                    int z0 = (int) k;
                    double fx = i - x0;
                    double fy = j - yy;
                    double fz = k - z0;
                    int b = x0 + nx * yy + nxy * z0;
                    double c00 = vals[b] + fx * (vals[b + 1] - vals[b]);
                    double c10 = vals[b + nx] + fx * (vals[b + nx + 1] - vals[b + nx]);
                    int bz = b + nxy;
                    double c01 = vals[bz] + fx * (vals[bz + 1] - vals[bz]);
                    double c11 = vals[bz + nx] + fx * (vals[bz + nx + 1] - vals[bz + nx]);
                    double c0 = c00 + fy * (c10 - c00);
                    double c1 = c01 + fy * (c11 - c01);
                    out[o + x] = (float) (c0 + fz * (c1 - c0));
                } else {
                    out[o + x] = v.linear(i, j, k);
                }
                i += dx[0];
                j += dx[1];
                k += dx[2];
            }
        }
    }
}
