package org.coreg.app.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JacobianColoursTest {
    @Test
    void compressionIsBlueExpansionRedFoldingYellowAndNoChangeWhite() {
        assertThat(JacobianColours.colour(1)).isEqualTo(0xffffff);
        assertThat(JacobianColours.colour(0.5)).isEqualTo(0x0000ff);
        assertThat(JacobianColours.colour(0.1)).isEqualTo(0x0000ff);
        assertThat(JacobianColours.colour(2)).isEqualTo(0xff0000);
        assertThat(JacobianColours.colour(0)).isEqualTo(0xffff00);
        assertThat(JacobianColours.colour(-0.3)).isEqualTo(0xffff00);
        int slight = JacobianColours.colour(Math.sqrt(2)); // half way to full red on the log scale
        assertThat(slight >> 16).isEqualTo(0xff);
        assertThat(slight & 0xff).isBetween(126, 129);
    }

    @Test
    void theOverlayBlendsHalfAndLeavesPixelsOutsideTheMap() {
        int[] argb = {0xff000000, 0xff808080, 0xff204060};
        JacobianColours.overlay(new float[] {1, Float.NaN, -1}, 3, argb);
        assertThat(argb[0]).isEqualTo(0xff7f7f7f); // black under white
        assertThat(argb[1]).isEqualTo(0xff808080); // outside the map: untouched
        assertThat(argb[2]).isEqualTo(0xff8f9f30); // (0x20+0xff)/2, (0x40+0xff)/2, (0x60+0)/2
    }
}
