package org.coreg.app.render;

import java.util.Objects;

/**
 * How to fuse the two images in a view.
 *
 * @param mode          fusion mode
 * @param opacity       weight of the moving image in {@link FusionMode#BLEND}, 0..1
 * @param tilePixels    checkerboard tile edge in slice pixels, at least 1
 * @param movingVisible false to show the fixed image alone
 */
public record FusionSettings(FusionMode mode, double opacity, int tilePixels, boolean movingVisible) {
    public FusionSettings {
        Objects.requireNonNull(mode, "mode");
        if (!(opacity >= 0 && opacity <= 1) || tilePixels < 1) {
            throw new IllegalArgumentException("opacity must be in 0..1 and tile size at least 1, found " + opacity
                    + " and " + tilePixels);
        }
    }

    public static FusionSettings defaults() {
        return new FusionSettings(FusionMode.BLEND, 0.5, 32, true);
    }

    public FusionSettings withMode(FusionMode m) {
        return new FusionSettings(m, opacity, tilePixels, movingVisible);
    }

    public FusionSettings withOpacity(double o) {
        return new FusionSettings(mode, o, tilePixels, movingVisible);
    }

    public FusionSettings withTilePixels(int t) {
        return new FusionSettings(mode, opacity, t, movingVisible);
    }

    public FusionSettings withMovingVisible(boolean v) {
        return new FusionSettings(mode, opacity, tilePixels, v);
    }
}
