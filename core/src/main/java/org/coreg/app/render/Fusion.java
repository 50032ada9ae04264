package org.coreg.app.render;

/** Turns sampled slice values into opaque ARGB pixels (0xAARRGGBB), windowed and fused. */
public final class Fusion {
    private static final int OPAQUE = 0xff000000;

    private Fusion() {
    }

    /** The fixed slice alone, in grey. */
    public static void grey(float[] values, WindowLevel window, int count, int[] argb) {
        for (int p = 0; p < count; p++) {
            int g = window.grey(values[p]);
            argb[p] = OPAQUE | g << 16 | g << 8 | g;
        }
    }

    /**
     * Fixed and moving slices of the same grid fused as {@code settings} says; {@code moving} may be null (then,
     * or when the moving image is hidden, the fixed image is shown alone).
     */
    public static void fuse(float[] fixed, WindowLevel fixedWindow, float[] moving, WindowLevel movingWindow,
                            FusionSettings settings, int width, int height, int[] argb) {
        int n = width * height;
        if (moving == null || !settings.movingVisible()) {
            grey(fixed, fixedWindow, n, argb);
            return;
        }
        switch (settings.mode()) {
            case BLEND -> {
                int a = (int) Math.round(settings.opacity() * 256);
                for (int p = 0; p < n; p++) {
                    int f = fixedWindow.grey(fixed[p]);
                    int m = movingWindow.grey(moving[p]);
                    int g = (f * (256 - a) + m * a + 128) >> 8;
                    argb[p] = OPAQUE | g << 16 | g << 8 | g;
                }
            }
            case CHECKERBOARD -> {
                int t = settings.tilePixels();
                for (int y = 0; y < height; y++) {
                    int rowTile = y / t;
                    for (int x = 0; x < width; x++) {
                        int p = y * width + x;
                        boolean showMoving = ((x / t + rowTile) & 1) == 1;
                        int g = showMoving ? movingWindow.grey(moving[p]) : fixedWindow.grey(fixed[p]);
                        argb[p] = OPAQUE | g << 16 | g << 8 | g;
                    }
                }
            }
            case COLOUR -> {
                for (int p = 0; p < n; p++) {
                    int f = fixedWindow.grey(fixed[p]);
                    int m = movingWindow.grey(moving[p]);
                    argb[p] = OPAQUE | f << 16 | m << 8 | f;
                }
            }
            case DIFFERENCE -> {
                for (int p = 0; p < n; p++) {
                    int g = Math.abs(fixedWindow.grey(fixed[p]) - movingWindow.grey(moving[p]));
                    argb[p] = OPAQUE | g << 16 | g << 8 | g;
                }
            }
        }
    }
}
