package org.coreg.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.imglib2.type.numeric.RealType;
import org.coreg.testing.TestVolumes;
import org.junit.jupiter.api.Test;

class VoxelDataTest {
    @Test
    void unsignedTypesReadUnsigned() {
        VoxelData u8 = VoxelData.allocate(VoxelType.UINT8, 1);
        u8.set(0, 255);
        assertThat(u8.get(0)).isEqualTo(255);
        VoxelData u32 = VoxelData.allocate(VoxelType.UINT32, 1);
        u32.set(0, 4_000_000_000.0);
        assertThat(u32.get(0)).isEqualTo(4_000_000_000.0);
    }

    @Test
    void integerStoresRoundAndClamp() {
        VoxelData s = VoxelData.allocate(VoxelType.INT16, 4);
        s.set(0, 1e9);
        s.set(1, -2.5);
        s.set(2, 2.49);
        s.set(3, Double.NaN);
        assertThat(new double[] {s.get(0), s.get(1), s.get(2), s.get(3)}).containsExactly(32767, -3, 2, 0);
    }

    @Test
    void imgViewSharesMemoryInNativeType() {
        Volume v = TestVolumes.random(VoxelType.INT16, 3);
        var img = v.img();
        var ra = img.randomAccess();
        ra.setPosition(new long[] {2, 1, 3});
        double viaImg = ((RealType<?>) ra.get()).getRealDouble();
        assertThat(viaImg).isEqualTo(v.voxels().get(v.index(2, 1, 3)));
        assertThat(ra.get().getClass().getSimpleName()).isEqualTo("ShortType");
    }

    @Test
    void refusesMoreVoxelsThanOneArrayHolds() {
        assertThatThrownBy(() -> VoxelData.allocate(VoxelType.UINT8, 3L << 31))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("voxels");
    }

    @Test
    void volumeRefusesVoxelCountThatDisagreesWithGrid() {
        ImageGeometry g = ImageGeometry.axisAligned(new int[] {2, 2, 2}, new double[] {1, 1, 1}, new double[3]);
        assertThatThrownBy(() -> new Volume(VoxelData.allocate(VoxelType.INT16, 7), g, ImageMetadata.named("x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not match");
    }

    @Test
    void realValuesApplyRescale() {
        ImageGeometry g = ImageGeometry.axisAligned(new int[] {2, 1, 1}, new double[] {1, 1, 1}, new double[3]);
        VoxelData d = VoxelData.allocate(VoxelType.UINT8, 2);
        d.set(0, 10);
        d.set(1, 200);
        Volume v = new Volume(d, g, ImageMetadata.named("ct").withRescale(2, -1024));
        assertThat(v.realRange()).containsExactly(-1004, -624);
        assertThat(v.toFloatArray()).containsExactly(-1004f, -624f);
    }
}
