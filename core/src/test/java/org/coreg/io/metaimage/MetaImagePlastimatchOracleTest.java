package org.coreg.io.metaimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coreg.testing.GeometryAssert.assertGeometryEquals;
import static org.coreg.testing.GeometryAssert.assertVoxelsIdentical;

import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;
import org.coreg.image.VoxelType;
import org.coreg.io.RawVoxels;
import org.coreg.testing.ExternalTool;
import org.coreg.testing.TestVolumes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * plastimatch (ITK's MetaImageIO) as the oracle, in both directions: files Coreg writes are read by plastimatch
 * with the same geometry and voxels, and files plastimatch writes are read by Coreg with the geometry plastimatch
 * reports. Skipped with a message where plastimatch is absent.
 */
class MetaImagePlastimatchOracleTest {
    @TempDir
    Path dir;

    /** Layouts: file ending, compressed, byte order. */
    static Stream<Arguments> coregWrites() {
        List<Arguments> list = new ArrayList<>();
        for (VoxelType t : VoxelType.values()) {
            list.add(Arguments.of(t, ".mha", true, "LE"));
            list.add(Arguments.of(t, ".mhd", false, "BE"));
            list.add(Arguments.of(t, ".mhd", true, "LE"));
            list.add(Arguments.of(t, ".mha", false, "BE"));
        }
        return list.stream();
    }

    @ParameterizedTest(name = "{0} {1} compressed={2} {3}")
    @MethodSource("coregWrites")
    void plastimatchReadsWhatCoregWrites(VoxelType type, String ext, boolean compressed, String order)
            throws Exception {
        Path plastimatch = ExternalTool.require("plastimatch");
        ByteOrder bo = order.equals("BE") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        Volume v = TestVolumes.random(type, TestVolumes.obliqueGeometry(6, 5, 4), 40 + type.ordinal());
        Path ours = dir.resolve("coreg" + ext);
        new MetaImageWriter(compressed, bo, 1).write(v, ours);

        if (type == VoxelType.INT8) {
            // plastimatch 1.9.4 identifies char images, then stops: "Unhandled image type (PLM_IMG_TYPE_ITK_CHAR)".
            String out = ExternalTool.run(dir, 120, plastimatch.toString(), "header", ours.toString()).output();
            assertThat(out).contains("Type = char");
            return;
        }
        PlastimatchHeader h = PlastimatchHeader.of(plastimatch, ours);
        h.assertAgrees(v.geometry());
        assertThat(h.type()).as("pixel type ITK sees").isEqualTo(itkTypeName(type));

        Path theirs = dir.resolve("plm.mhd");
        ExternalTool.runOk(dir, 120, plastimatch.toString(), "convert", "--input", ours.toString(), "--output-img",
                theirs.toString());
        String theirHeader = MetaImageRoundTripTest.headerText(theirs);
        assertThat(theirHeader).contains("ElementType = " + MetaElementType.of(type).name())
                .contains("BinaryDataByteOrderMSB = False").contains("CompressedData = False");
        // Voxels as ITK wrote them, compared byte for byte with Coreg's values in little-endian order.
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        RawVoxels.write(expected, v.voxels(), ByteOrder.LITTLE_ENDIAN);
        assertThat(Files.readAllBytes(dir.resolve("plm.raw"))).as("voxel bytes ITK wrote")
                .isEqualTo(expected.toByteArray());
        // ITK writes 17 significant digits: its geometry agrees with the original to 1e-9.
        assertGeometryEquals(v.geometry(), new MetaImageReader().read(theirs).geometry(), 1e-9);
    }

    @Test
    void coregReadsTheObliqueGridPlastimatchResamplesTo() throws Exception {
        Path plastimatch = ExternalTool.require("plastimatch");
        Volume v = TestVolumes.random(VoxelType.INT16, TestVolumes.obliqueGeometry(12, 10, 8), 7);
        Path src = dir.resolve("src.mha");
        new MetaImageWriter().write(v, src);
        double[] d = TestVolumes.rotation(-0.4, 0.15, 0.9);
        StringBuilder cos = new StringBuilder();
        for (double x : d) {
            cos.append(cos.isEmpty() ? "" : " ").append(x);
        }
        Path out = dir.resolve("resampled.mha");
        ExternalTool.runOk(dir, 120, plastimatch.toString(), "convert", "--input", src.toString(), "--output-img",
                out.toString(), "--interpolation", "nn", "--dim", "7 9 5", "--spacing", "1.1 0.9 2.75",
                "--origin", "-88.5 10.25 33", "--direction-cosines", cos.toString());
        Volume back = new MetaImageReader().read(out);
        PlastimatchHeader.of(plastimatch, out).assertAgrees(back.geometry());
        assertThat(back.geometry().size()).containsExactly(7, 9, 5);
        // plastimatch holds its grid in float: the requested values rounded to float, then written with 17 digits.
        assertThat(back.geometry().spacing()).containsExactly(new double[] {(float) 1.1, (float) 0.9, 2.75},
                org.assertj.core.api.Assertions.within(1e-9));
        assertThat(back.geometry().origin()).containsExactly(new double[] {-88.5, 10.25, 33},
                org.assertj.core.api.Assertions.within(1e-9));
        double[] requested = new double[9];
        for (int i = 0; i < 9; i++) {
            requested[i] = (float) d[i];
        }
        assertThat(back.geometry().direction()).as("the requested oblique direction, row-major")
                .containsExactly(requested, org.assertj.core.api.Assertions.within(1e-9));
        // Nearest-neighbour resampling copies values: every output voxel is one of the input's or the default 0.
        java.util.Set<Double> values = new java.util.HashSet<>();
        for (int i = 0; i < v.voxels().length(); i++) {
            values.add(v.voxels().get(i));
        }
        values.add(0.0);
        for (int i = 0; i < back.voxels().length(); i++) {
            assertThat(values).contains(back.voxels().get(i));
        }
    }

    @Test
    void coregReadsTheMetaImagePlastimatchWritesWithIdenticalVoxels() throws Exception {
        Path plastimatch = ExternalTool.require("plastimatch");
        Volume v = TestVolumes.random(VoxelType.FLOAT32, TestVolumes.leftHandedGeometry(8, 6, 5), 9);
        Path src = dir.resolve("src.mhd");
        new MetaImageWriter(false, ByteOrder.BIG_ENDIAN, 1).write(v, src);
        Path out = dir.resolve("plm.mha");
        ExternalTool.runOk(dir, 120, plastimatch.toString(), "convert", "--input", src.toString(), "--output-img",
                out.toString());
        Volume back = new MetaImageReader().read(out);
        PlastimatchHeader.of(plastimatch, out).assertAgrees(back.geometry());
        assertGeometryEquals(v.geometry(), back.geometry(), 1e-9);
        assertVoxelsIdentical(v, back);
    }

    /** The pixel type name ITK prints for each MetaImage element type (plastimatch header's "Type"). */
    private static String itkTypeName(VoxelType t) {
        return switch (t) {
            case UINT8 -> "unsigned char";
            case INT8 -> "char";
            case UINT16 -> "unsigned short";
            case INT16 -> "short";
            case UINT32 -> "unsigned long";
            case INT32 -> "long";
            case FLOAT32 -> "float";
            case FLOAT64 -> "double";
        };
    }
}
