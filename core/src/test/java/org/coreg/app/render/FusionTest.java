package org.coreg.app.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FusionTest {
    private static final WindowLevel W = new WindowLevel(127.5, 255);
    private final float[] fixed = {0, 255, 100, Float.NaN};
    private final float[] moving = {255, 255, 20, 200};

    private int[] fuse(FusionSettings s, int w, int h) {
        int[] out = new int[w * h];
        Fusion.fuse(fixed, W, moving, W, s, w, h, out);
        return out;
    }

    @Test
    void blendMixesByOpacity() {
        int[] out = fuse(FusionSettings.defaults().withOpacity(0.25), 4, 1);
        assertThat(out[0] & 0xff).isEqualTo(64);
        assertThat(out[1] & 0xff).isEqualTo(255);
        assertThat(out[2] & 0xff).isEqualTo((100 * 192 + 20 * 64) >> 8);
        assertThat(out[3] & 0xff).as("outside fixed counts as black").isEqualTo(50);
    }

    @Test
    void colourPutsFixedInMagentaAndMovingInGreen() {
        int[] out = fuse(FusionSettings.defaults().withMode(FusionMode.COLOUR), 4, 1);
        assertThat(out[0]).isEqualTo(0xff00ff00);
        assertThat(out[1]).isEqualTo(0xffffffff);
        assertThat(out[2]).isEqualTo(0xff000000 | 100 << 16 | 20 << 8 | 100);
    }

    @Test
    void checkerboardAlternatesTiles() {
        int[] out = fuse(FusionSettings.defaults().withMode(FusionMode.CHECKERBOARD).withTilePixels(1), 2, 2);
        assertThat(out[0] & 0xff).as("tile (0,0) fixed").isEqualTo(0);
        assertThat(out[1] & 0xff).as("tile (1,0) moving").isEqualTo(255);
        assertThat(out[2] & 0xff).as("tile (0,1) moving").isEqualTo(20);
        assertThat(out[3] & 0xff).as("tile (1,1) fixed").isEqualTo(0);
    }

    @Test
    void differenceAndHiddenMoving() {
        int[] diff = fuse(FusionSettings.defaults().withMode(FusionMode.DIFFERENCE), 4, 1);
        assertThat(diff[0] & 0xff).isEqualTo(255);
        assertThat(diff[1] & 0xff).isEqualTo(0);
        assertThat(diff[2] & 0xff).isEqualTo(80);
        int[] hidden = fuse(FusionSettings.defaults().withMovingVisible(false), 4, 1);
        assertThat(hidden[0] & 0xff).isEqualTo(0);
        assertThat(hidden[2] & 0xff).isEqualTo(100);
    }

    @Test
    void windowPresetsAndAutomaticWindow() {
        assertThat(WindowPreset.CT_BRAIN.windowFor(null)).isEqualTo(new WindowLevel(40, 80));
        assertThat(new WindowLevel(40, 80).grey(0)).isEqualTo(0);
        assertThat(new WindowLevel(40, 80).grey(80)).isEqualTo(255);
        assertThat(new WindowLevel(40, 80).grey(40)).isEqualTo(128);
        var g = org.coreg.image.ImageGeometry.axisAligned(new int[] {100, 10, 10}, new double[] {1, 1, 1},
                new double[] {0, 0, 0});
        var d = org.coreg.image.VoxelData.allocate(org.coreg.image.VoxelType.FLOAT32, g.voxelCount());
        for (int i = 0; i < d.length(); i++) {
            d.set(i, i % 100);
        }
        var v = SampledVolume.of(new org.coreg.image.Volume(d, g, org.coreg.image.ImageMetadata.named("r")));
        WindowLevel auto = WindowPreset.AUTOMATIC.windowFor(v);
        assertThat(auto.level()).isBetween(48.0, 51.0);
        assertThat(auto.width()).isBetween(95.0, 99.0);
    }
}
