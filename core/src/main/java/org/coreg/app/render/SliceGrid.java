package org.coreg.app.render;

import java.util.Objects;
import org.coreg.image.ImageGeometry;

/**
 * The pixel grid of one rendered slice: square pixels of {@code pixelMm} millimetres on a plane of LPS world space.
 * The centre of pixel {@code (x, y)} lies at {@code topLeft + x*pixelMm*right + y*pixelMm*down} (LPS mm), with
 * {@code right} and {@code down} the unit vectors of the {@link ViewPlane}. Square pixels mean anisotropic voxels
 * show with their true aspect.
 *
 * @param plane   orientation
 * @param topLeft LPS mm of the centre of pixel (0, 0)
 * @param pixelMm pixel size in mm, positive
 * @param width   pixels along the screen x, at least 1
 * @param height  pixels along the screen y, at least 1
 */
public record SliceGrid(ViewPlane plane, double[] topLeft, double pixelMm, int width, int height) {
    /** Largest slice edge in pixels (keeps a pathological header from allocating gigabytes). */
    public static final int MAX_EDGE = 4096;

    public SliceGrid {
        Objects.requireNonNull(plane, "plane");
        topLeft = topLeft.clone();
        if (!(pixelMm > 0) || width < 1 || height < 1 || width > MAX_EDGE || height > MAX_EDGE) {
            throw new IllegalArgumentException("slice grid needs a positive pixel size and 1.." + MAX_EDGE
                    + " pixels per edge, found " + pixelMm + " mm, " + width + "x" + height);
        }
    }

    /**
     * The slice of {@code plane} through the LPS point {@code through} covering the whole world bounding box of
     * {@code image} (voxel extents included), with pixels as small as the image's finest spacing.
     */
    public static SliceGrid covering(ImageGeometry image, ViewPlane plane, double[] through) {
        double[][] box = worldBounds(image);
        double pixel = Math.min(image.spacing(0), Math.min(image.spacing(1), image.spacing(2)));
        double[] right = plane.right();
        double[] down = plane.down();
        double[] span = new double[2];
        double[] start = new double[2];
        double[][] axes = {right, down};
        for (int s = 0; s < 2; s++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < 3; a++) {
                if (axes[s][a] != 0) {
                    double p0 = box[0][a] * axes[s][a];
                    double p1 = box[1][a] * axes[s][a];
                    lo = Math.min(p0, p1);
                    hi = Math.max(p0, p1);
                }
            }
            span[s] = hi - lo;
            start[s] = lo;
        }
        int w = clampEdge((int) Math.ceil(span[0] / pixel));
        int h = clampEdge((int) Math.ceil(span[1] / pixel));
        double px = Math.max(span[0] / w, span[1] / h);
        double[] tl = through.clone();
        for (int a = 0; a < 3; a++) {
            if (a != plane.normalAxis()) {
                tl[a] = 0;
            }
        }
        for (int a = 0; a < 3; a++) {
            tl[a] += right[a] * (start[0] + px / 2) + down[a] * (start[1] + px / 2);
        }
        return new SliceGrid(plane, tl, px, w, h);
    }

    /** A {@code width x height} slice of {@code plane} centred on the LPS point {@code centre}. */
    public static SliceGrid centred(ViewPlane plane, double[] centre, double pixelMm, int width, int height) {
        double[] r = plane.right();
        double[] d = plane.down();
        double[] tl = new double[3];
        for (int a = 0; a < 3; a++) {
            tl[a] = centre[a] - r[a] * pixelMm * (width - 1) / 2.0 - d[a] * pixelMm * (height - 1) / 2.0;
        }
        return new SliceGrid(plane, tl, pixelMm, width, height);
    }

    private static int clampEdge(int n) {
        return Math.max(1, Math.min(MAX_EDGE, n));
    }

    /** {@code {min, max}} LPS corners of the box enclosing all voxels of {@code g} (half a voxel beyond centres). */
    public static double[][] worldBounds(ImageGeometry g) {
        double[] min = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] max = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int c = 0; c < 8; c++) {
            double[] p = g.indexToWorld((c & 1) == 0 ? -0.5 : g.size(0) - 0.5, (c & 2) == 0 ? -0.5 : g.size(1) - 0.5,
                    (c & 4) == 0 ? -0.5 : g.size(2) - 0.5);
            for (int a = 0; a < 3; a++) {
                min[a] = Math.min(min[a], p[a]);
                max[a] = Math.max(max[a], p[a]);
            }
        }
        return new double[][] {min, max};
    }

    @Override
    public double[] topLeft() {
        return topLeft.clone();
    }

    /** LPS mm of the (continuous) pixel position {@code (x, y)}; integer positions are pixel centres. */
    public double[] toWorld(double x, double y) {
        double[] r = plane.right();
        double[] d = plane.down();
        double[] p = new double[3];
        for (int a = 0; a < 3; a++) {
            p[a] = topLeft[a] + (x * r[a] + y * d[a]) * pixelMm;
        }
        return p;
    }

    /** Continuous pixel position {@code {x, y}} of the LPS point {@code p} projected onto the plane. */
    public double[] toPixel(double[] p) {
        double[] r = plane.right();
        double[] d = plane.down();
        double x = 0;
        double y = 0;
        for (int a = 0; a < 3; a++) {
            x += (p[a] - topLeft[a]) * r[a];
            y += (p[a] - topLeft[a]) * d[a];
        }
        return new double[] {x / pixelMm, y / pixelMm};
    }

    /** Number of pixels. */
    public int pixelCount() {
        return width * height;
    }
}
