package org.coreg.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.coreg.image.ImageGeometry;
import org.coreg.testing.TestVolumes;
import org.junit.jupiter.api.Test;

class GaussianPyramidTest {
    @Test
    void anisotropicSpacingIsShrunkPerAxis() {
        ImageGeometry g = ImageGeometry.axisAligned(new int[] {256, 256, 94}, new double[] {1, 1, 2.5}, new double[3]);
        int[][] f = GaussianPyramid.factors(g, 4);
        assertThat(f[0]).containsExactly(8, 8, 3);
        assertThat(f[1]).containsExactly(4, 4, 2);
        assertThat(f[2]).containsExactly(2, 2, 1);
        assertThat(f[3]).containsExactly(1, 1, 1);
    }

    @Test
    void levelsKeepWorldPositionAndFlatRegionsStayFlat() {
        ImageGeometry g = TestVolumes.obliqueGeometry(40, 30, 20);
        float[] v = new float[(int) g.voxelCount()];
        java.util.Arrays.fill(v, 7.5f);
        try (Workers w = new Workers(2)) {
            List<PyramidLevel> levels = GaussianPyramid.build(g, v, 3, w);
            for (PyramidLevel l : levels) {
                for (float x : l.grid().values()) {
                    assertThat((double) x).isCloseTo(7.5, within(1e-4));
                }
                // The first coarse voxel centre is the mean of the centres of the block it replaces.
                int[] f = l.factors();
                double[] expect = g.indexToWorld((f[0] - 1) / 2.0, (f[1] - 1) / 2.0, (f[2] - 1) / 2.0);
                assertThat(l.geometry().origin()).containsExactly(expect, within(1e-9));
                assertThat(l.geometry().direction()).containsExactly(g.direction(), within(1e-12));
            }
            assertThat(levels.get(0).grid().nx()).isLessThan(levels.get(2).grid().nx());
        }
    }
}
