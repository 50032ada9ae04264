package org.coreg.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.coreg.image.BlockAverager;
import org.coreg.image.ImageGeometry;
import org.coreg.image.ImageMetadata;
import org.coreg.image.Volume;
import org.coreg.image.VoxelData;
import org.coreg.image.VoxelType;
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

    @Test
    void levelsAveragedFromFinerLevelsEqualLevelsFromTheFullImage() {
        // 1 x 1 x 2.5 mm: factors 8x8x3, 4x4x2, 2x2x1; the two coarse levels are averaged from the 2x2x1 level.
        ImageGeometry g = ImageGeometry.axisAligned(new int[] {67, 50, 29}, new double[] {1, 1, 2.5},
                new double[] {3, -2, 5});
        float[] v = new float[(int) g.voxelCount()];
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (1000 * r.nextDouble() - 200);
        }
        try (Workers w = new Workers(2)) {
            List<PyramidLevel> nested = GaussianPyramid.build(g, v, 4, w);
            int[][] f = GaussianPyramid.factors(g, 4);
            for (int l = 0; l < 4; l++) {
                // The level straight from the full image: block means of the whole image, then the coarse Gaussian.
                Volume shrunk = BlockAverager.shrink(new Volume(VoxelData.wrap(VoxelType.FLOAT32, v), g,
                        ImageMetadata.named("direct")), f[l]);
                float[] b = ((float[]) shrunk.voxels().array()).clone();
                for (int d = 0; d < 3; d++) {
                    if (f[l][d] > 1) {
                        GaussianPyramid.smoothAxis(b, shrunk.geometry().size(), d, GaussianPyramid.COARSE_SIGMA, w);
                    }
                }
                PyramidLevel got = nested.get(l);
                assertThat(got.factors()).containsExactly(f[l]);
                assertThat(got.geometry().size()).containsExactly(shrunk.geometry().size());
                assertThat(got.geometry().origin()).containsExactly(shrunk.geometry().origin(), within(1e-12));
                float[] a = got.grid().values();
                assertThat(a).hasSameSizeAs(b);
                for (int i = 0; i < a.length; i++) {
                    assertThat((double) a[i]).isCloseTo(b[i], within(1e-3));
                }
            }
            assertThat(nested.get(3).grid().values()).isSameAs(v);
        }
    }

    @Test
    void smoothingAlongEachAxisIsTheClampedGaussianOfEachLine() {
        int[] n = {9, 7, 5};
        float[] v = new float[9 * 7 * 5];
        java.util.SplittableRandom r = new java.util.SplittableRandom(11);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextDouble(-50, 50);
        }
        double sigma = 0.7;
        int radius = (int) Math.ceil(3 * sigma); // every tap weighs at least 1e-4 of the centre: none is dropped
        try (Workers w = new Workers(2)) {
            for (int axis = 0; axis < 3; axis++) {
                float[] got = v.clone();
                GaussianPyramid.smoothAxis(got, n, axis, sigma, w);
                int stride = axis == 0 ? 1 : axis == 1 ? n[0] : n[0] * n[1];
                for (int idx = 0; idx < v.length; idx++) {
                    int pos = idx / stride % n[axis];
                    double s = 0;
                    double norm = 0;
                    for (int t = -radius; t <= radius; t++) {
                        int q = Math.max(0, Math.min(n[axis] - 1, pos + t));
                        double wt = Math.exp(-0.5 * t * t / (sigma * sigma));
                        s += wt * v[idx + (q - pos) * stride];
                        norm += wt;
                    }
                    assertThat((double) got[idx]).as("axis %d voxel %d", axis, idx).isCloseTo(s / norm, within(1e-4));
                }
            }
        }
    }

    @Test
    void tapsOfNegligibleWeightAreDropped() {
        // sigma 0.4: the taps at +-2 weigh exp(-12.5) = 3.7e-6 of the centre, those at +-1 exp(-3.125) = 0.044
        assertThat(GaussianPyramid.radius(GaussianPyramid.COARSE_SIGMA)).isEqualTo(1);
        assertThat(GaussianPyramid.radius(0.7)).isEqualTo(3);
        assertThat(GaussianPyramid.radius(2.0)).isEqualTo(6);
    }
}
