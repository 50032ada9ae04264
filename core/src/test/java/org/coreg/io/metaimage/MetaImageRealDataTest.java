package org.coreg.io.metaimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.coreg.testing.GeometryAssert.assertGeometryEquals;
import static org.coreg.testing.GeometryAssert.assertVoxelsIdentical;

import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.coreg.image.Volume;
import org.coreg.image.VoxelType;
import org.coreg.io.ImageFormats;
import org.coreg.io.RawVoxels;
import org.coreg.testing.ExternalTool;
import org.coreg.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real scanner data and ITK's example data from ../shared/data, read as ITK reads them. */
class MetaImageRealDataTest {
    @TempDir
    Path dir;

    @Test
    void meatPhantomCtHasItsHeaderGeometryAndHounsfieldValues() throws Exception {
        Volume ct = ImageFormats.standard().read(SharedData.require("meat-phantom-ct-mr/ct.mha"));
        assertThat(ct.type()).isEqualTo(VoxelType.INT16);
        assertThat(ct.geometry().size()).containsExactly(256, 256, 204);
        assertThat(ct.geometry().spacing()).containsExactly(0.78125, 0.78125, 1.25);
        assertThat(ct.geometry().origin()).containsExactly(-99.8046875, -99.8046875, -121.9375);
        assertThat(ct.geometry().direction()).containsExactly(1, 0, 0, 0, 1, 0, 0, 0, 1);
        // A phantom in air: many voxels of air (about -1000 HU) and many of soft tissue (about 0 to 100 HU).
        int air = 0;
        int tissue = 0;
        int n = ct.voxels().length();
        for (int i = 0; i < n; i++) {
            double hu = ct.realValue(i);
            air += hu > -1100 && hu < -900 ? 1 : 0;
            tissue += hu > -150 && hu < 150 ? 1 : 0;
        }
        assertThat(air).as("air voxels").isGreaterThan(n / 20);
        assertThat(tissue).as("soft-tissue voxels").isGreaterThan(n / 50);
        assertThat(ct.realRange()[1]).as("largest HU").isBetween(100.0, 4000.0);
    }

    @Test
    void meatPhantomMrHasItsHeaderGeometry() throws Exception {
        Volume mr = ImageFormats.standard().read(SharedData.require("meat-phantom-ct-mr/mr-t2.mha"));
        assertThat(mr.geometry().size()).containsExactly(256, 256, 94);
        assertThat(mr.geometry().spacing()).containsExactly(1, 1, 2.50000047684);
        assertThat(mr.geometry().origin()).containsExactly(-129, -110.699996948, -129.350006104);
        assertThat(mr.realRange()[0]).isGreaterThanOrEqualTo(0);
        assertThat(mr.realRange()[1]).isGreaterThan(100);
    }

    /** plastimatch (ITK) rewrites the real file uncompressed: same geometry, byte-identical voxels. */
    @ParameterizedTest
    @ValueSource(strings = {"meat-phantom-ct-mr/ct.mha", "meat-phantom-ct-mr/mr-t2.mha"})
    void realVolumesAgreeWithPlastimatch(String name) throws Exception {
        Path file = SharedData.require(name);
        Path plastimatch = ExternalTool.require("plastimatch");
        Volume v = new MetaImageReader().read(file);
        PlastimatchHeader.of(plastimatch, file).assertAgrees(v.geometry());
        Path out = dir.resolve("plm.mhd");
        ExternalTool.runOk(dir, 300, plastimatch.toString(), "convert", "--input", file.toString(),
                "--output-img", out.toString());
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        RawVoxels.write(ours, v.voxels(), ByteOrder.LITTLE_ENDIAN);
        assertThat(java.util.Arrays.equals(Files.readAllBytes(dir.resolve("plm.raw")), ours.toByteArray()))
                .as("voxel bytes ITK decompressed equal Coreg's").isTrue();
        assertGeometryEquals(v.geometry(), new MetaImageReader().read(out).geometry(), 1e-9);
    }

    @Test
    void itkThirtyDegreeSliceIsAOneSliceVolumeWithTheRotatedDirection() throws Exception {
        Path zraw = SharedData.require("itk-2d-multimodal/BrainProtonDensitySliceBorder20DirectionPlus30.mhd");
        Path raw = SharedData.require("itk-2d-multimodal/BrainProtonDensitySliceBorder20.mhd");
        Volume rotated = new MetaImageReader().read(zraw);
        Volume plain = new MetaImageReader().read(raw);
        assertThat(rotated.geometry().size()).containsExactly(221, 257, 1);
        assertThat(rotated.geometry().spacing()).containsExactly(1, 1, 1);
        assertThat(rotated.geometry().origin()).containsExactly(0, 0, 0);
        double c = Math.cos(Math.toRadians(30)), s = Math.sin(Math.toRadians(30));
        // Plus 30 degrees: index axis i runs along (cos, sin), j along (-sin, cos).
        assertThat(rotated.geometry().direction()).containsExactly(new double[] {c, -s, 0, s, c, 0, 0, 0, 1},
                within(1e-7));
        assertThat(plain.geometry().direction()).containsExactly(1, 0, 0, 0, 1, 0, 0, 0, 1);
        // The same slice stored raw and zlib-compressed (.zraw).
        assertVoxelsIdentical(plain, rotated);
        assertThat(plain.type()).isEqualTo(VoxelType.UINT8);
        assertThat(plain.realRange()[1]).isGreaterThan(100);

        Path plastimatch = ExternalTool.find("plastimatch");
        if (plastimatch != null) {
            PlastimatchHeader.of(plastimatch, zraw).assertAgrees(rotated.geometry());
            PlastimatchHeader.of(plastimatch, raw).assertAgrees(plain.geometry());
        }
    }

    @Test
    void itkThreeSliceMhaWithDetachedDataAndElementByteOrderMsb() throws Exception {
        Volume v = new MetaImageReader().read(SharedData.require("itk-2d-multimodal/BrainProtonDensity3Slices.mha"));
        assertThat(v.geometry().size()).containsExactly(181, 217, 3);
        assertThat(v.geometry().spacing()).containsExactly(1, 1, 1);
        assertThat(v.realRange()[1]).isGreaterThan(100);
        Path plastimatch = ExternalTool.find("plastimatch");
        if (plastimatch != null) {
            Path file = SharedData.require("itk-2d-multimodal/BrainProtonDensity3Slices.mha");
            PlastimatchHeader.of(plastimatch, file).assertAgrees(v.geometry());
        }
    }

    @Test
    void everyItkExampleMetaImageReadsAndRoundTrips() throws Exception {
        Path folder = SharedData.require("itk-2d-multimodal");
        int n = 0;
        try (var files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".mhd") || p.toString().endsWith(".mha"))
                    .sorted().toList()) {
                Volume v = new MetaImageReader().read(f);
                Path copy = dir.resolve("copy" + n + ".mha");
                new MetaImageWriter().write(v, copy);
                Volume back = new MetaImageReader().read(copy);
                assertVoxelsIdentical(v, back);
                assertThat(back.geometry()).as(f.toString()).isEqualTo(v.geometry());
                n++;
            }
        }
        assertThat(n).isGreaterThanOrEqualTo(8);
    }
}
