package org.coreg.io.nrrd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.coreg.image.ImageGeometry;
import org.coreg.image.ImageMetadata;
import org.coreg.image.Volume;
import org.coreg.image.VoxelData;
import org.coreg.image.VoxelType;
import org.coreg.io.ImageFormats;
import org.coreg.testing.GeometryAssert;
import org.coreg.testing.TestVolumes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every type, byte order and layout written and read back: voxels bit for bit, geometry within 1e-9. */
class NrrdRoundTripTest {
    @TempDir
    Path dir;

    static List<Arguments> cases() {
        List<Arguments> c = new ArrayList<>();
        for (VoxelType t : VoxelType.values()) {
            for (ByteOrder o : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                for (String layout : new String[] {"gzip.nrrd", "raw.nrrd", "raw.nhdr"}) {
                    c.add(Arguments.of(t, o.toString(), layout));
                }
            }
        }
        return c;
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void roundTripIsBitExact(VoxelType type, String orderName, String layout) throws Exception {
        ByteOrder order = orderName.equals(ByteOrder.BIG_ENDIAN.toString()) ? ByteOrder.BIG_ENDIAN
                : ByteOrder.LITTLE_ENDIAN;
        NrrdEncoding encoding = layout.startsWith("gzip") ? NrrdEncoding.GZIP : NrrdEncoding.RAW;
        Volume v = withSpecialValues(TestVolumes.random(type, TestVolumes.obliqueGeometry(9, 7, 5), 42));
        Path f = dir.resolve("v-" + layout.replace('.', '-') + (layout.endsWith("nhdr") ? ".nhdr" : ".nrrd"));
        new NrrdWriter(encoding, order).write(v, f);

        String header = headerText(f);
        assertThat(header).startsWith("NRRD0004\n").contains("space: left-posterior-superior\n")
                .contains("kinds: domain domain domain\n").contains("sizes: 9 7 5\n")
                .contains("endian: " + (order == ByteOrder.BIG_ENDIAN ? "big" : "little") + "\n")
                .contains("encoding: " + encoding.spelling() + "\n");
        if (layout.endsWith("nhdr")) {
            assertThat(header).contains("data file: " + f.getFileName().toString().replace(".nhdr", ".raw"));
            assertThat(Files.size(f.resolveSibling(f.getFileName().toString().replace(".nhdr", ".raw"))))
                    .isEqualTo((long) v.voxels().length() * type.bytes());
        }

        Volume back = new NrrdReader().read(f);
        assertBitIdentical(v, back);
        GeometryAssert.assertGeometryEquals(v.geometry(), back.geometry(), 1e-9);
        assertThat(back.metadata().format()).isEqualTo("NRRD");
        assertThat(back.metadata().source()).isEqualTo(f);
        try (var files = Files.list(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void leftHandedAndAxisAlignedGeometryKeepEveryDigit() throws Exception {
        for (ImageGeometry g : new ImageGeometry[] {TestVolumes.leftHandedGeometry(4, 3, 2),
            ImageGeometry.axisAligned(new int[] {3, 1, 2}, new double[] {0.390625, 0.390625, 0.625},
                    new double[] {-99.8046875, -235.1953125, -1.0e-7}),
            ImageGeometry.of(new int[] {2, 2, 2}, new double[] {1e-3, 12345.678901234567, 3.3333333333333335},
                    new double[] {123456789.12345679, -0.1, 7e-12}, TestVolumes.rotation(2.9, -1.3, 0.01))}) {
            Volume v = TestVolumes.random(VoxelType.INT16, g, 3);
            Path f = dir.resolve("g.nrrd");
            new NrrdWriter().write(v, f);
            Volume back = new NrrdReader().read(f);
            GeometryAssert.assertGeometryEquals(g, back.geometry(), 1e-9);
            // The step vectors are written exactly; only the split into spacing and cosine may round.
            assertThat(back.geometry().indexToWorld().maxAbsDifference(g.indexToWorld()))
                    .isLessThanOrEqualTo(1e-9 * Math.max(1, Math.abs(g.origin()[0])));
            assertThat(back.geometry().origin()).containsExactly(g.origin());
        }
    }

    @Test
    void rescaledVolumeIsWrittenAsItsRealValues() throws Exception {
        ImageGeometry g = TestVolumes.obliqueGeometry(5, 4, 3);
        Volume ct = TestVolumes.random(VoxelType.INT16, g, 9);
        VoxelData small = VoxelData.allocate(VoxelType.INT16, g.voxelCount());
        for (int i = 0; i < small.length(); i++) {
            small.set(i, i * 37 % 3000);
        }
        Volume hu = new Volume(small, g, ImageMetadata.named("ct").withRescale(1, -1024));
        Path f = dir.resolve("hu.nrrd");
        new NrrdWriter().write(hu, f);
        Volume back = new NrrdReader().read(f);
        assertThat(back.type()).isEqualTo(VoxelType.INT16);
        GeometryAssert.assertRealValuesEqual(hu, back, 0);

        Volume scaled = ct.withMetadata(ct.metadata().withRescale(14.88, 0.5));
        new NrrdWriter().write(scaled, f);
        back = new NrrdReader().read(f);
        assertThat(back.type()).isEqualTo(VoxelType.FLOAT64);
        GeometryAssert.assertRealValuesEqual(scaled, back, 0);
    }

    @Test
    void imageFormatsDetectsByMagicAndWritesByExtension() throws Exception {
        Volume v = TestVolumes.random(VoxelType.UINT16, 5);
        Path nhdr = dir.resolve("a.nhdr");
        ImageFormats.standard().write(v, nhdr);
        Path disguised = dir.resolve("b.img");
        Files.copy(nhdr, disguised);
        assertThat(ImageFormats.standard().detect(disguised).name()).isEqualTo("NRRD");
        GeometryAssert.assertVoxelsIdentical(v, ImageFormats.standard().read(disguised));
        Path nrrd = dir.resolve("a.nrrd");
        ImageFormats.standard().write(v, nrrd);
        assertThat(headerText(nrrd)).contains("encoding: gzip\n");
        GeometryAssert.assertVoxelsIdentical(v, ImageFormats.standard().read(nrrd));
    }

    /** The text before the first blank line (or the whole header file). */
    static String headerText(Path f) throws Exception {
        byte[] b = Files.readAllBytes(f);
        String s = new String(b, 0, Math.min(b.length, 4096), StandardCharsets.ISO_8859_1);
        int end = s.indexOf("\n\n");
        return end < 0 ? s : s.substring(0, end + 1);
    }

    /** Adds NaN (with a payload), infinities and negative zero to float volumes. */
    private static Volume withSpecialValues(Volume v) {
        Object a = v.voxels().array();
        if (a instanceof float[] f) {
            f[0] = Float.intBitsToFloat(0x7fc01234);
            f[1] = Float.POSITIVE_INFINITY;
            f[2] = Float.NEGATIVE_INFINITY;
            f[3] = -0.0f;
            f[4] = Float.MIN_VALUE;
        } else if (a instanceof double[] d) {
            d[0] = Double.longBitsToDouble(0x7ff8000000abcdefL);
            d[1] = Double.POSITIVE_INFINITY;
            d[2] = Double.NEGATIVE_INFINITY;
            d[3] = -0.0;
            d[4] = Double.MIN_VALUE;
        }
        return v;
    }

    /** Same type and the same bits in every voxel (NaN payloads and signed zeros included). */
    static void assertBitIdentical(Volume expected, Volume actual) {
        assertThat(actual.type()).isEqualTo(expected.type());
        Object a = expected.voxels().array();
        Object b = actual.voxels().array();
        if (a instanceof float[] x) {
            float[] y = (float[]) b;
            assertThat(y).hasSameSizeAs(x);
            for (int i = 0; i < x.length; i++) {
                assertThat(Float.floatToRawIntBits(y[i])).as("voxel %d", i).isEqualTo(Float.floatToRawIntBits(x[i]));
            }
        } else if (a instanceof double[] x) {
            double[] y = (double[]) b;
            assertThat(y).hasSameSizeAs(x);
            for (int i = 0; i < x.length; i++) {
                assertThat(Double.doubleToRawLongBits(y[i])).as("voxel %d", i)
                        .isEqualTo(Double.doubleToRawLongBits(x[i]));
            }
        } else {
            GeometryAssert.assertVoxelsIdentical(expected, actual);
        }
    }
}
