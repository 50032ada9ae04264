package org.coreg.app.render;

/**
 * A display window over real voxel values: values from {@code level - width/2} to {@code level + width/2} map
 * linearly to grey 0..255 and are clamped outside.
 *
 * @param level centre of the window, in the volume's real units (HU for CT)
 * @param width width of the window in the same units, positive
 */
public record WindowLevel(double level, double width) {
    public WindowLevel {
        if (!Double.isFinite(level) || !(width > 0) || !Double.isFinite(width)) {
            throw new IllegalArgumentException("window needs a finite level and a positive width, found level "
                    + level + " width " + width);
        }
    }

    /** The window spanning {@code [min, max]} (a width of 1 if they are equal). */
    public static WindowLevel ofRange(double min, double max) {
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            return new WindowLevel(0, 1);
        }
        return new WindowLevel((min + max) / 2, Math.max(max - min, 1e-6));
    }

    /** MR-style automatic window: from the 1st to the 99th percentile of the voxel values. */
    public static WindowLevel automatic(SampledVolume v) {
        double[] q = v.robustRange();
        return ofRange(q[0], q[1]);
    }

    /** Grey 0..255 of the real value {@code v}; NaN (outside the volume) gives 0. */
    public int grey(float v) {
        if (Float.isNaN(v)) {
            return 0;
        }
        double g = (v - (level - width / 2)) * 255.0 / width;
        return g <= 0 ? 0 : g >= 255 ? 255 : (int) (g + 0.5);
    }

    /**
     * The window after a mouse drag of {@code dx, dy} pixels: right widens, down raises the level, each by a fraction
     * of the current width so the gesture feels the same for CT (HU) and MR (arbitrary units).
     */
    public WindowLevel dragged(double dx, double dy) {
        double w = Math.max(width * Math.exp(dx / 200.0), 1e-6);
        return new WindowLevel(level + dy * width / 256.0, w);
    }
}
