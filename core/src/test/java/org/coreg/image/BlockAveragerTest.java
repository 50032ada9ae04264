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
}
