package org.coreg.io.nifti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.coreg.image.Volume;
import org.coreg.image.VoxelType;
import org.coreg.io.ImageFormats;
import org.coreg.testing.GeometryAssert;
import org.coreg.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The MNI CT and T1 templates of ../shared/data (a real CT and a real MRI): their documented grid, types and
 * rescale, and the same grid for both (they are aligned by construction). ITK's reading of them is compared in
 * {@link NiftiOracleTest}.
 */
class NiftiRealDataTest {
    @Test
    void ctTemplateIsUint8WithSlopeOnTheMni2mmGrid() throws Exception {
        Volume ct = ImageFormats.standard().read(SharedData.require("mni-ct-mr-templates/scct.nii"));
        assertThat(ct.geometry().size()).containsExactly(91, 109, 91);
        assertThat(ct.geometry().spacing()).containsExactly(new double[] {2, 2, 2}, within(1e-6));
        assertThat(ct.type()).isEqualTo(VoxelType.UINT8);
        assertThat(ct.metadata().rescaleSlope()).isCloseTo(14.88, within(0.01));
        assertThat(ct.metadata().format()).isEqualTo("NIfTI");
        // MNI space: world (0,0,0) (the anterior commissure) lies inside the grid, near voxel (45, 63, 36).
        double[] ijk = ct.geometry().worldToIndex(new double[] {0, 0, 0});
        assertThat(ijk).containsExactly(new double[] {45, 63, 36}, within(1e-4));
        // Stored 0..255 times slope 14.88: the real values span more than 1000.
        double[] range = ct.realRange();
        assertThat(range[1] - range[0]).isGreaterThan(1000);
    }

    @Test
    void t1TemplateSharesTheCtGrid() throws Exception {
        Path t1File = SharedData.require("mni-ct-mr-templates/MNI152_T1_2mm.nii.gz");
        Volume t1 = ImageFormats.standard().read(t1File);
        Volume ct = ImageFormats.standard().read(SharedData.require("mni-ct-mr-templates/scct.nii"));
        assertThat(t1.type()).isEqualTo(VoxelType.INT16);
        GeometryAssert.assertGeometryEquals(ct.geometry(), t1.geometry(), 1e-6);
        assertThat(t1.voxels().range()[1]).isGreaterThan(1000);
    }
}
