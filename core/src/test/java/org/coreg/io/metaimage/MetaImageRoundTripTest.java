package org.coreg.io.metaimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coreg.testing.GeometryAssert.assertGeometryEquals;
import static org.coreg.testing.GeometryAssert.assertVoxelsIdentical;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Modality;
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

/** Coreg writes MetaImage and reads it back: voxels bit-exact, geometry within 1e-9, in every type and layout. */
class MetaImageRoundTripTest {
    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        List<Arguments> list = new ArrayList<>();
        for (VoxelType t : VoxelType.values()) {
            for (ByteOrder o : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
                for (String ext : List.of(".mha", ".mhd")) {
                    for (boolean z : List.of(false, true)) {
                        list.add(Arguments.of(t, o.toString(), ext, z));
                    }
                }
            }
        }
        return list.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} compressed={3}")
    @MethodSource("cases")
    void everyTypeOrderAndLayoutRoundTripsExactly(VoxelType type, String order, String ext, boolean compressed)
            throws IOException {
        ByteOrder bo = order.equals(ByteOrder.BIG_ENDIAN.toString()) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        Volume v = TestVolumes.random(type, TestVolumes.obliqueGeometry(9, 6, 5), 17 + type.ordinal());
        Path f = dir.resolve("v" + ext);
        new MetaImageWriter(compressed, bo, 1).write(v, f);
        Volume back = new MetaImageReader().read(f);
        assertVoxelsIdentical(v, back);
        assertGeometryEquals(v.geometry(), back.geometry(), 1e-9);
        assertThat(back.geometry()).as("geometry bit-exact").isEqualTo(v.geometry());
        assertThat(back.metadata().format()).isEqualTo("MetaImage");

        String header = headerText(f);
        assertThat(header).contains("ElementType = " + MetaElementType.of(type).name());
        assertThat(header).contains("BinaryDataByteOrderMSB = " + (bo == ByteOrder.BIG_ENDIAN ? "True" : "False"));
        assertThat(header).contains("CompressedData = " + (compressed ? "True" : "False"));
        if (ext.equals(".mhd")) {
            String dataName = "v" + (compressed ? ".zraw" : ".raw");
            assertThat(header).endsWith("ElementDataFile = " + dataName + "\n");
            long raw = (long) v.voxels().length() * type.bytes();
            long size = Files.size(dir.resolve(dataName));
            if (compressed) {
                assertThat(header).contains("CompressedDataSize = " + size);
            } else {
                assertThat(size).isEqualTo(raw);
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary files left")
                    .allMatch(n -> !n.startsWith("."));
        }
    }

    @Test
    void leftHandedAndAnisotropicGeometryIsKept() throws IOException {
        Volume v = TestVolumes.random(VoxelType.FLOAT32, TestVolumes.leftHandedGeometry(4, 7, 3), 3);
        Path f = dir.resolve("lh.mha");
        new MetaImageWriter().write(v, f);
        Volume back = new MetaImageReader().read(f);
        assertThat(back.geometry()).isEqualTo(v.geometry());
        // The world position of a far corner agrees, not only the stored numbers.
        double[] a = v.geometry().indexToWorld(3, 6, 2);
        double[] b = back.geometry().indexToWorld(3, 6, 2);
        assertThat(b).containsExactly(a, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void defaultsAreCompressedMhaAndRawMhd() throws IOException {
        Volume v = TestVolumes.random(VoxelType.INT16, 5);
        ImageFormats formats = ImageFormats.standard();
        formats.write(v, dir.resolve("a.mha"));
        formats.write(v, dir.resolve("b.mhd"));
        assertThat(headerText(dir.resolve("a.mha"))).contains("CompressedData = True").contains("LOCAL");
        assertThat(headerText(dir.resolve("b.mhd"))).contains("CompressedData = False")
                .endsWith("ElementDataFile = b.raw\n");
        assertThat(dir.resolve("b.raw")).exists();
        assertThat(formats.detect(dir.resolve("a.mha"))).isInstanceOf(MetaImageFormat.class);
        assertVoxelsIdentical(v, formats.read(dir.resolve("a.mha")));
        assertVoxelsIdentical(v, formats.read(dir.resolve("b.mhd")));
    }

    @Test
    void writerStoresTheDirectionColumnByColumnAsItkDoes() throws IOException {
        // 30 degrees about z: index axis i runs along (cos, sin, 0), j along (-sin, cos, 0).
        double c = Math.cos(Math.PI / 6), s = Math.sin(Math.PI / 6);
        ImageGeometry g = ImageGeometry.of(new int[] {3, 2, 2}, new double[] {0.5, 2, 3},
                new double[] {1, 2, 3}, new double[] {c, -s, 0, s, c, 0, 0, 0, 1});
        Volume v = TestVolumes.random(VoxelType.UINT8, g, 1);
        Path f = dir.resolve("r.mhd");
        new MetaImageWriter().write(v, f);
        String tm = headerText(f).lines().filter(l -> l.startsWith("TransformMatrix")).findFirst().orElseThrow();
        String[] n = tm.substring(tm.indexOf('=') + 1).strip().split(" ");
        assertThat(Double.parseDouble(n[0])).isEqualTo(c);
        assertThat(Double.parseDouble(n[1])).as("second stored value: y component of axis i").isEqualTo(s);
        assertThat(Double.parseDouble(n[3])).as("x component of axis j").isEqualTo(-s);
        assertThat(headerText(f)).contains("AnatomicalOrientation = RAI");
    }

    @Test
    void twoDimensionalHeaderReadsAsOneSliceVolume() throws IOException {
        Path f = dir.resolve("two.mha");
        String header = "ObjectType = Image\nNDims = 2\nBinaryData = True\nBinaryDataByteOrderMSB = False\n"
                + "TransformMatrix = 0 1 -1 0\nOffset = 5 -7\nElementSpacing = 0.5 2\nDimSize = 3 2\n"
                + "ElementType = MET_SHORT\nElementDataFile = LOCAL\n";
        byte[] h = header.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[h.length + 12];
        System.arraycopy(h, 0, all, 0, h.length);
        for (int i = 0; i < 6; i++) {
            all[h.length + 2 * i] = (byte) (i * 10); // little-endian 0, 10, ..., 50
        }
        Files.write(f, all);
        Volume v = new MetaImageReader().read(f);
        assertThat(v.geometry().size()).containsExactly(3, 2, 1);
        assertThat(v.geometry().spacing()).containsExactly(0.5, 2, 1);
        assertThat(v.geometry().origin()).containsExactly(5, -7, 0);
        // Row 0 "0 1" is axis i along +y; row 1 "-1 0" is axis j along -x.
        assertThat(v.geometry().direction()).containsExactly(0, -1, 0, 1, 0, 0, 0, 0, 1);
        assertThat(v.realValue(2, 1, 0)).isEqualTo(50);
        assertThat(v.metadata().modality()).isEqualTo(Modality.UNKNOWN);
    }

    @Test
    void headerSizeMinusOneReadsDataAtTheEndOfTheDataFile() throws IOException {
        Files.write(dir.resolve("d.raw"), new byte[] {9, 9, 9, 1, 2, 3, 4});
        Files.writeString(dir.resolve("d.mhd"), "NDims = 3\nDimSize = 2 2 1\nElementType = MET_UCHAR\n"
                + "HeaderSize = -1\nElementDataFile = d.raw\n");
        Volume v = new MetaImageReader().read(dir.resolve("d.mhd"));
        assertThat((byte[]) v.voxels().array()).containsExactly(1, 2, 3, 4);
        Files.writeString(dir.resolve("e.mhd"), "NDims = 3\nDimSize = 2 2 1\nElementType = MET_UCHAR\n"
                + "HeaderSize = 2\nElementDataFile = d.raw\n");
        assertThat((byte[]) new MetaImageReader().read(dir.resolve("e.mhd")).voxels().array())
                .containsExactly(9, 1, 2, 3);
    }

    @Test
    void windowsLineEndsAndSynonymKeysAreRead() throws IOException {
        byte[] h = ("ObjectType = Image\r\nNDims = 3\r\nElementByteOrderMSB = True\r\nPosition = 1 2 3\r\n"
                + "Orientation = 0 0 1 1 0 0 0 1 0\r\nElementSize = 2 3 4\r\nDimSize = 2 1 1\r\n"
                + "ElementType = MET_USHORT\r\nElementDataFile = LOCAL\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = java.util.Arrays.copyOf(h, h.length + 4);
        all[h.length + 1] = 7; // big-endian 7
        all[h.length + 2] = 1; // big-endian 256
        Path f = Files.write(dir.resolve("crlf.mha"), all);
        Volume v = new MetaImageReader().read(f);
        assertThat(v.realValue(0, 0, 0)).isEqualTo(7);
        assertThat(v.realValue(1, 0, 0)).isEqualTo(256);
        assertThat(v.geometry().origin()).containsExactly(1, 2, 3);
        assertThat(v.geometry().spacing()).containsExactly(2, 3, 4);
        // Rows: axis i along +z, j along +x, k along +y.
        assertThat(v.geometry().direction()).containsExactly(0, 1, 0, 0, 0, 1, 1, 0, 0);
    }

    @Test
    void headerSizeMinusOneFindsACompressedStreamByItsSize() throws IOException {
        Volume v = TestVolumes.random(VoxelType.INT32, 12);
        new MetaImageWriter(true, ByteOrder.LITTLE_ENDIAN, 1).write(v, dir.resolve("z.mhd"));
        byte[] z = Files.readAllBytes(dir.resolve("z.zraw"));
        byte[] prefixed = new byte[z.length + 100];
        java.util.Arrays.fill(prefixed, 0, 100, (byte) 0x5a); // a foreign header before the stream
        System.arraycopy(z, 0, prefixed, 100, z.length);
        Files.write(dir.resolve("z.zraw"), prefixed);
        String h = headerText(dir.resolve("z.mhd")).replace("ElementDataFile", "HeaderSize = -1\nElementDataFile");
        Files.writeString(dir.resolve("z.mhd"), h);
        assertVoxelsIdentical(v, new MetaImageReader().read(dir.resolve("z.mhd")));
    }

    @Test
    void rescaledVolumeIsWrittenAsItsRealValues() throws IOException {
        Volume v = TestVolumes.random(VoxelType.INT16, 8);
        v = v.withMetadata(v.metadata().withRescale(0.5, -1024));
        Path f = dir.resolve("r.mha");
        new MetaImageWriter().write(v, f);
        Volume back = new MetaImageReader().read(f);
        assertThat(back.type()).isEqualTo(VoxelType.FLOAT32);
        GeometryAssert.assertRealValuesEqual(v, back, 0);
    }

    @Test
    void modalityTravelsAsMetModality() throws IOException {
        Volume v = TestVolumes.random(VoxelType.INT16, 2);
        v = v.withMetadata(v.metadata().withModality(Modality.CT));
        Path f = dir.resolve("ct.mha");
        new MetaImageWriter().write(v, f);
        assertThat(headerText(f)).contains("Modality = MET_MOD_CT");
        assertThat(new MetaImageReader().read(f).metadata().modality()).isEqualTo(Modality.CT);
    }

    /** The header lines of a MetaImage file (up to and including ElementDataFile). */
    static String headerText(Path f) throws IOException {
        byte[] b = Files.readAllBytes(f);
        String s = new String(b, StandardCharsets.ISO_8859_1);
        int at = s.indexOf("ElementDataFile");
        return s.substring(0, s.indexOf('\n', at) + 1);
    }
}
