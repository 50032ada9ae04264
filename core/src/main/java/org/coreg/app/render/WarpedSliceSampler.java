package org.coreg.app.render;

import java.util.stream.IntStream;
import org.coreg.image.AffineMap;
import org.coreg.transform.SpatialTransform;

/**
 * Samples a volume on the pixels of a {@link SliceGrid} (fixed LPS space) through a general, possibly deformable map
 * fixed LPS mm -> volume LPS mm (a B-spline registration result). Unlike {@link SliceRenderer}, each pixel's point is
 * mapped on its own; rows are split across the cores for large slices.
 */
public final class WarpedSliceSampler {
    private static final int ROWS_PER_CHUNK = 16;

    private WarpedSliceSampler() {
    }

    /** Fills {@code out} (row-major, x fastest) with the volume's values at each mapped pixel; NaN outside it. */
    public static void sample(SampledVolume volume, SpatialTransform fixedToVolume, SliceGrid grid,
                              Interpolation interp, float[] out) {
        if (out.length < grid.pixelCount()) {
            throw new IllegalArgumentException("output holds " + out.length + " values, slice needs " + grid.pixelCount());
        }
        int h = grid.height();
        int chunks = (h + ROWS_PER_CHUNK - 1) / ROWS_PER_CHUNK;
        IntStream.range(0, chunks).parallel().forEach(c -> rows(volume, fixedToVolume, grid, interp,
                c * ROWS_PER_CHUNK, Math.min(h, (c + 1) * ROWS_PER_CHUNK), out));
    }

    private static void rows(SampledVolume v, SpatialTransform t, SliceGrid grid, Interpolation interp, int y0, int y1,
                             float[] out) {
        AffineMap toIndex = v.geometry().worldToIndex();
        double[] top = grid.topLeft();
        double[] r = grid.plane().right();
        double[] d = grid.plane().down();
        double mm = grid.pixelMm();
        double[] p = new double[3];
        double[] q = new double[3];
        int w = grid.width();
        for (int y = y0; y < y1; y++) {
            for (int x = 0; x < w; x++) {
                for (int a = 0; a < 3; a++) {
                    p[a] = top[a] + (x * r[a] + y * d[a]) * mm;
                }
                t.apply(p, q);
                toIndex.apply(q, q);
                out[y * w + x] = interp == Interpolation.LINEAR ? v.linear(q[0], q[1], q[2])
                        : v.nearest(q[0], q[1], q[2]);
            }
        }
    }
}
