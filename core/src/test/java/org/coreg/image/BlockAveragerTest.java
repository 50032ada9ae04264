package org.coreg.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.coreg.testing.TestVolumes;
import org.junit.jupiter.api.Test;

class BlockAveragerTest {
    @Test
    void newVoxelCentreIsMeanOfReplacedCentresAndValueIsBlockMean() {
        Volume v = TestVolumes.random(VoxelType.FLOAT64, TestVolumes.obliqueGeometry(6, 4, 5), 9);
        Volume s = BlockAverager.shrink(v, new int[] {2, 2, 1});
        assertThat(s.geometry().size()).containsExactly(3, 2, 5);
        assertThat(s.geometry().spacing()).containsExactly(new double[] {1.4, 2.6, 2.5}, within(1e-12));
        // voxel (1, 1, 3) of the result replaces i in {2,3}, j in {2,3}, k = 3
        double[] mean = new double[3];
        double value = 0;
        for (int a = 2; a <= 3; a++) {
            for (int b = 2; b <= 3; b++) {
                double[] w = v.geometry().indexToWorld(a, b, 3);
                for (int d = 0; d < 3; d++) {
                    mean[d] += w[d] / 4;
                }
                value += v.realValue(a, b, 3) / 4;
            }
        }
        assertThat(s.geometry().indexToWorld(1, 1, 3)).containsExactly(mean, within(1e-9));
        assertThat(s.realValue(1, 1, 3)).isCloseTo(value, within(1e-9));
    }

    @Test
    void integerTypesStayIntegerAndRescaleIsKept() {
        Volume v = TestVolumes.random(VoxelType.INT16, TestVolumes.obliqueGeometry(4, 4, 4), 2);
        v = v.withMetadata(v.metadata().withRescale(2, -1024));
        Volume s = BlockAverager.shrink(v, new int[] {2, 2, 2});
        assertThat(s.type()).isEqualTo(VoxelType.INT16);
        assertThat(s.metadata().rescaleSlope()).isEqualTo(2);
    }

    @Test
    void refusesFactorsLargerThanTheAxis() {
        Volume v = TestVolumes.random(VoxelType.UINT8, 1);
        assertThatThrownBy(() -> BlockAverager.shrink(v, new int[] {1, 1, 9}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("axis 2");
    }

    @Test
    void floatVolumesAndSlabsGiveEveryBlockMean() {
        Volume v = TestVolumes.random(VoxelType.FLOAT32, TestVolumes.obliqueGeometry(7, 5, 9), 4);
        int[] f = {2, 1, 3};
        Volume s = BlockAverager.shrink(v, f);
        assertThat(s.geometry().size()).containsExactly(3, 5, 3);
        float[] slabs = new float[(int) s.geometry().voxelCount()];
        for (int k = 0; k < 3; k++) {
            BlockAverager.shrinkSlab((float[]) v.voxels().array(), v.geometry().size(), f, slabs, k, k + 1);
        }
        for (int k = 0; k < 3; k++) {
            for (int j = 0; j < 5; j++) {
                for (int i = 0; i < 3; i++) {
                    double sum = 0;
                    for (int c = 0; c < 3; c++) {
                        for (int a = 0; a < 2; a++) {
                            sum += v.realValue(2 * i + a, j, 3 * k + c);
                        }
                    }
                    // float voxels: the mean rounded to float
                    assertThat(s.realValue(i, j, k)).isCloseTo(sum / 6, within(1e-6 * (1 + Math.abs(sum / 6))));
                    assertThat(slabs[s.index(i, j, k)]).isEqualTo((float) s.realValue(i, j, k));
                }
            }
        }
        assertThat(BlockAverager.shrunkGeometry(v.geometry(), f).origin())
                .containsExactly(s.geometry().origin(), within(1e-12));
    }
}
