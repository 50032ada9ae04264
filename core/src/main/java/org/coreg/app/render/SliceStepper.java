package org.coreg.app.render;

import org.coreg.image.ImageGeometry;

/**
 * Numbers the slices a view can show: planes of one {@link ViewPlane} through the fixed volume, one finest voxel
 * spacing apart (the wheel's step), from the volume's lowest to its highest voxel centre along the plane's normal
 * (LPS mm). Slice 1 is at the lowest coordinate (right, anterior or inferior).
 *
 * @param start LPS coordinate of slice 1 along the normal (mm)
 * @param step  distance between slices (mm)
 * @param count number of slices
 */
public record SliceStepper(double start, double step, int count) {
    /** The slices of {@code plane} through the volume of grid {@code g}. */
    public static SliceStepper of(ImageGeometry g, ViewPlane plane) {
        int axis = plane.normalAxis();
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (int c = 0; c < 8; c++) {
            double[] p = g.indexToWorld((c & 1) == 0 ? 0 : g.size(0) - 1, (c & 2) == 0 ? 0 : g.size(1) - 1,
                    (c & 4) == 0 ? 0 : g.size(2) - 1);
            lo = Math.min(lo, p[axis]);
            hi = Math.max(hi, p[axis]);
        }
        double step = Math.min(g.spacing(0), Math.min(g.spacing(1), g.spacing(2)));
        return new SliceStepper(lo, step, (int) Math.floor((hi - lo) / step + 1e-9) + 1);
    }

    /** The slice (1..count) nearest to LPS coordinate {@code x} along the normal, clamped to the volume. */
    public int sliceAt(double x) {
        return (int) Math.clamp(Math.round((x - start) / step) + 1, 1, count);
    }

    /** LPS coordinate along the normal of slice {@code k} (1..count). */
    public double positionOf(int k) {
        return start + (k - 1) * step;
    }
}
