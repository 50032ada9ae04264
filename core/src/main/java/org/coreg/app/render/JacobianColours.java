package org.coreg.app.render;

/**
 * Paints the Jacobian determinant of a deformation over a fused slice: blue where tissue is compressed (determinant
 * below 1), red where it is expanded (above 1), saturating at 0.5 and 2, and bright yellow where the map folds
 * (determinant at most 0). Blended at half opacity so the anatomy stays visible; NaN (outside the map) leaves the pixel.
 */
public final class JacobianColours {
    private static final int FOLD = 0xffff00;

    private JacobianColours() {
    }

    /** The overlay colour (0xRRGGBB) of determinant {@code det}. */
    public static int colour(double det) {
        if (det <= 0) {
            return FOLD;
        }
        // log2 scale: 0.5 -> -1 (full blue), 1 -> 0 (white), 2 -> +1 (full red)
        double s = Math.clamp(Math.log(det) / Math.log(2), -1, 1);
        int fade = (int) Math.round(255 * (1 - Math.abs(s)));
        return s >= 0 ? 0xff0000 | fade << 8 | fade : fade << 16 | fade << 8 | 0xff;
    }

    /** Blends the colours of {@code det} (one per pixel) over {@code argb}, the first {@code count} pixels. */
    public static void overlay(float[] det, int count, int[] argb) {
        for (int p = 0; p < count; p++) {
            float v = det[p];
            if (Float.isNaN(v)) {
                continue;
            }
            int c = colour(v);
            int under = argb[p];
            int red = (((under >> 16) & 0xff) + ((c >> 16) & 0xff)) / 2;
            int green = (((under >> 8) & 0xff) + ((c >> 8) & 0xff)) / 2;
            int blue = ((under & 0xff) + (c & 0xff)) / 2;
            argb[p] = 0xff000000 | red << 16 | green << 8 | blue;
        }
    }
}
