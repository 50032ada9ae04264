package org.coreg.io.nifti;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;
import org.coreg.image.VoxelType;
import org.coreg.io.ImageFormats;
import org.coreg.testing.GeometryAssert;
import org.coreg.testing.TestVolumes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Write then read keeps voxels bit-exact and geometry exact (NIfTI-2) or to float precision (NIfTI-1). */
class NiftiRoundTripTest {
    private static final String[] CONTAINERS = {".nii", ".nii.gz", ".hdr", ".img.gz"};

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (VoxelType t : VoxelType.values()) {
            for (ByteOrder o : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                for (NiftiVersion v : NiftiVersion.values()) {
                    for (String c : CONTAINERS) {
                        all.add(Arguments.of(t, o, v, c));
                    }
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("cases")
    void obliqueAnisotropicRoundTrip(VoxelType type, ByteOrder order, NiftiVersion version, String ext)
            throws Exception {
        for (ImageGeometry g : new ImageGeometry[] {TestVolumes.obliqueGeometry(7, 5, 4),
            TestVolumes.leftHandedGeometry(3, 6, 5)}) {
            Volume v = TestVolumes.random(type, g, 42);
            v = v.withMetadata(v.metadata().withRescale(0.5, -1024));
            Path f = dir.resolve("rt-" + type.label() + ext);
            new NiftiWriter(version, order).write(v, f);
            Volume back = new NiftiReader().read(f);
            GeometryAssert.assertVoxelsIdentical(v, back);
            // NIfTI-2 stores doubles: exact. NIfTI-1 stores floats: relative error below 2^-23 of the values.
            GeometryAssert.assertGeometryEquals(v.geometry(), back.geometry(),
                    version == NiftiVersion.NIFTI2 ? 1e-9 : 2e-5);
            assertThat(back.metadata().rescaleSlope()).isEqualTo(0.5);
            assertThat(back.metadata().rescaleIntercept()).isEqualTo(-1024);
            assertThat(back.metadata().format()).isEqualTo("NIfTI");
        }
    }

    @Test
    void nifti1IsExactForFloatRepresentableGeometry() throws Exception {
        // Axis permutations and flips with spacings and origins that a float holds exactly.
        double[] dir1 = {0, 0, -1, 1, 0, 0, 0, -1, 0};
        ImageGeometry g = ImageGeometry.of(new int[] {6, 4, 3}, new double[] {0.75, 1.25, 2.5},
                new double[] {-91.5, 12.25, 37.75}, dir1);
        for (String ext : CONTAINERS) {
            Volume v = TestVolumes.random(VoxelType.INT16, g, 7);
            Path f = dir.resolve("exact" + ext);
            ImageFormats.standard().write(v, f);
            Volume back = ImageFormats.standard().read(f);
            GeometryAssert.assertGeometryEquals(g, back.geometry(), 1e-9);
            GeometryAssert.assertVoxelsIdentical(v, back);
        }
    }

    @Test
    void defaultWriteIsNifti1WithBothTransformsScanner() throws Exception {
        Volume v = TestVolumes.random(VoxelType.FLOAT32, 3);
        Path f = dir.resolve("default.nii");
        ImageFormats.standard().write(v, f);
        byte[] bytes = Files.readAllBytes(f);
        NiftiHeaderCodec.Layout layout = NiftiHeaderCodec.detect(bytes);
        NiftiHeader h = NiftiHeaderCodec.decode(bytes, layout, f);
        assertThat(h.version()).isEqualTo(NiftiVersion.NIFTI1);
        assertThat(h.qformCode()).isEqualTo(1);
        assertThat(h.sformCode()).isEqualTo(1);
        assertThat(h.voxOffset()).isEqualTo(352);
        assertThat(bytes.length).isEqualTo(352 + v.voxels().length() * 4);
        // The qform alone places the grid where the sform does (to float precision).
        NiftiHeaderCheck.Grid grid = NiftiHeaderCheck.check(h, f);
        NiftiHeader qOnly = new NiftiHeader(h.version(), h.order(), true, h.dim(), h.datatype(), h.bitpix(),
                h.pixdim(), h.voxOffset(), h.sclSlope(), h.sclInter(), h.xyztUnits(), 1, 0, h.quatern(), h.qoffset(),
                h.srow(), h.descrip());
        NiftiGeometry.Resolved q = NiftiGeometry.resolve(qOnly, grid, f);
        assertThat(q.source()).isEqualTo(NiftiGeometry.Source.QFORM);
        GeometryAssert.assertGeometryEquals(v.geometry(), q.geometry(), 2e-5);
        assertThat(NiftiGeometry.resolve(h, grid, f).source()).isEqualTo(NiftiGeometry.Source.SFORM);
    }

    @Test
    void imgNamesTheSameVolumeAsItsHeader() throws Exception {
        Volume v = TestVolumes.random(VoxelType.UINT16, 5);
        ImageFormats.standard().write(v, dir.resolve("pair.img"));
        assertThat(Files.exists(dir.resolve("pair.hdr"))).isTrue();
        GeometryAssert.assertVoxelsIdentical(v, ImageFormats.standard().read(dir.resolve("pair.img")));
        GeometryAssert.assertVoxelsIdentical(v, ImageFormats.standard().read(dir.resolve("pair.hdr")));
    }
}
