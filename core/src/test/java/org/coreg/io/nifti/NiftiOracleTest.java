package org.coreg.io.nifti;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;
import org.coreg.image.VoxelType;
import org.coreg.io.ImageFormats;
import org.coreg.testing.GeometryAssert;
import org.coreg.testing.SharedData;
import org.coreg.testing.TestVolumes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ITK 5.2 (through plastimatch) as the oracle, both ways: files Coreg writes are read by ITK with the geometry
 * and voxels Coreg meant; files ITK writes are read by Coreg with the geometry ITK reports. Skipped where
 * plastimatch is not installed.
 */
class NiftiOracleTest {
    @TempDir
    Path dir;

    /** ITK 5.2's nifti library reads NIfTI-1 only, so NIfTI-2 output is checked against nibabel instead. */
    @Test
    void itkReadsWhatCoregWrites() throws Exception {
        int n = 0;
        for (NiftiVersion version : new NiftiVersion[] {NiftiVersion.NIFTI1}) {
            for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                for (ImageGeometry g : new ImageGeometry[] {TestVolumes.obliqueGeometry(9, 7, 5),
                    TestVolumes.leftHandedGeometry(6, 8, 5)}) {
                    for (String ext : new String[] {".nii.gz", ".hdr"}) {
                        Volume v = TestVolumes.random(VoxelType.INT16, g, 17 + n);
                        Path f = dir.resolve("coreg" + n++ + ext);
                        new NiftiWriter(version, order).write(v, f);
                        PlastimatchOracle.Seen itk = PlastimatchOracle.convert(f, dir);
                        GeometryAssert.assertGeometryEquals(v.geometry(), itk.geometry(), 2e-5);
                        assertThat(itk.elementType()).isEqualTo("MET_SHORT");
                        assertThat(itk.shorts()).isEqualTo((short[]) v.voxels().array());
                    }
                }
            }
        }
    }

    @Test
    void coregReadsWhatItkWritesWithTheGeometryItkReports() throws Exception {
        Volume v = TestVolumes.random(VoxelType.INT16, TestVolumes.leftHandedGeometry(7, 6, 5), 3);
        Path mine = dir.resolve("mine.nii");
        new NiftiWriter(NiftiVersion.NIFTI1, ByteOrder.BIG_ENDIAN).write(v, mine);
        for (String ext : new String[] {".nii", ".nii.gz", ".hdr"}) {
            Path itkFile = dir.resolve("itk" + ext);
            PlastimatchOracle.convertTo(mine, itkFile, dir);
            PlastimatchOracle.Seen reported = PlastimatchOracle.convert(itkFile, dir);
            Volume coreg = ImageFormats.standard().read(itkFile);
            GeometryAssert.assertGeometryEquals(reported.geometry(), coreg.geometry(), 1e-6);
            assertThat((short[]) coreg.voxels().array()).isEqualTo(reported.shorts());
            assertThat((short[]) coreg.voxels().array()).isEqualTo((short[]) v.voxels().array());
        }
    }

    @Test
    void realMriAndCtTemplatesAgreeWithItk() throws Exception {
        for (String name : new String[] {"mni-ct-mr-templates/scct.nii", "mni-ct-mr-templates/MNI152_T1_2mm.nii.gz"}) {
            Path f = SharedData.require(name);
            Volume coreg = ImageFormats.standard().read(f);
            PlastimatchOracle.Seen itk = PlastimatchOracle.convert(f, dir);
            GeometryAssert.assertGeometryEquals(itk.geometry(), coreg.geometry(), 1e-6);
        }
    }

    @Test
    void realCtConvertedByItkReadsWithItksGeometry() throws Exception {
        Path ct = SharedData.require("meat-phantom-ct-mr/ct.mha");
        Path nii = dir.resolve("ct.nii.gz");
        PlastimatchOracle.convertTo(ct, nii, dir);
        PlastimatchOracle.Seen itk = PlastimatchOracle.parse(uncompressedCopy(ct));
        Volume coreg = ImageFormats.standard().read(nii);
        GeometryAssert.assertGeometryEquals(itk.geometry(), coreg.geometry(), 1e-4);
        assertThat(coreg.type()).isEqualTo(VoxelType.INT16);
        assertThat((short[]) coreg.voxels().array()).isEqualTo(itk.shorts());
    }

    private Path uncompressedCopy(Path mha) throws Exception {
        Path out = dir.resolve("plain.mha");
        PlastimatchOracle.convertTo(mha, out, dir);
        assertThat(Files.size(out)).isPositive();
        return out;
    }
}
