package org.coreg.io.nrrd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.coreg.image.ImageGeometry;
import org.coreg.image.RasLps;
import org.coreg.image.Volume;
import org.coreg.image.VoxelData;
import org.coreg.image.VoxelType;
import org.coreg.testing.ExternalTool;
import org.coreg.testing.GeometryAssert;
import org.coreg.testing.TestVolumes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * plastimatch (ITK's NRRD reader and writer inside) as the oracle, both ways: files Coreg writes are read by
 * plastimatch with the same geometry and voxels, and files plastimatch writes are read by Coreg with the geometry
 * they were made with. plastimatch's MetaImage output (17 significant digits) is the exact channel; {@code
 * plastimatch header} (4 decimals) is checked too. Skipped with a message where plastimatch is absent.
 */
class NrrdPlastimatchOracleTest {
    @TempDir
    Path dir;

    private static final long TIMEOUT = 120;

    @BeforeEach
    void needsPlastimatch() {
        ExternalTool.require("plastimatch");
    }

    /** Geometry and voxels of a MetaImage file with LOCAL raw data, parsed independently of Coreg's readers. */
    private record Mha(Map<String, String> fields, ImageGeometry geometry, byte[] data) {
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({"UINT8,gzip,oblique", "INT16,gzip,oblique", "INT16,nhdr,oblique", "INT16,gzip,lefthanded",
        "UINT16,nhdr,oblique", "INT32,gzip,lefthanded", "UINT32,nhdr,oblique", "FLOAT32,gzip,oblique",
        "FLOAT32,nhdr,lefthanded"})
    void plastimatchReadsWhatCoregWrites(VoxelType type, String layout, String grid) throws Exception {
        ImageGeometry g = grid.equals("oblique") ? TestVolumes.obliqueGeometry(9, 7, 5)
                : TestVolumes.leftHandedGeometry(9, 7, 5);
        Volume v = TestVolumes.random(type, g, 17);
        Path f = dir.resolve("coreg." + (layout.equals("nhdr") ? "nhdr" : "nrrd"));
        new NrrdWriter().write(v, f);

        Path mha = dir.resolve("by-plastimatch.mha");
        ExternalTool.runOk(dir, TIMEOUT, "plastimatch", "convert", "--input", f.toString(), "--output-img",
                mha.toString());
        Mha m = readMha(mha);
        assertThat(m.fields().get("ElementType")).isEqualTo(metType(type));
        GeometryAssert.assertGeometryEquals(g, m.geometry(), 1e-9);
        assertThat(m.data()).as("voxels as plastimatch wrote them").isEqualTo(littleEndian(v));

        assertHeaderAgrees(f, g);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"MET_UCHAR,nrrd", "MET_SHORT,nrrd", "MET_SHORT,nhdr", "MET_USHORT,nhdr", "MET_INT,nrrd",
        "MET_UINT,nhdr", "MET_FLOAT,nrrd", "MET_FLOAT,nhdr"})
    void coregReadsWhatPlastimatchWrites(String metType, String ext) throws Exception {
        VoxelType type = switch (metType) {
            case "MET_UCHAR" -> VoxelType.UINT8;
            case "MET_SHORT" -> VoxelType.INT16;
            case "MET_USHORT" -> VoxelType.UINT16;
            case "MET_INT" -> VoxelType.INT32;
            case "MET_UINT" -> VoxelType.UINT32;
            default -> VoxelType.FLOAT32;
        };
        ImageGeometry g = ImageGeometry.of(new int[] {8, 6, 5}, new double[] {0.390625, 1.3, 2.5},
                new double[] {-91.25, 12.5, 37.75}, TestVolumes.rotation(0.4, -0.25, 1.1));
        Volume v = TestVolumes.random(type, g, 23);
        Path in = writeMha(dir.resolve("source.mha"), v, metType);

        Path out = dir.resolve("by-plastimatch." + ext);
        ExternalTool.runOk(dir, TIMEOUT, "plastimatch", "convert", "--input", in.toString(), "--output-img",
                out.toString());
        String header = NrrdRoundTripTest.headerText(out);
        assertThat(header).contains("encoding: " + (ext.equals("nhdr") ? "raw" : "gzip"));

        Volume back = new NrrdReader().read(out);
        GeometryAssert.assertVoxelsIdentical(v, back);
        GeometryAssert.assertGeometryEquals(g, back.geometry(), 1e-9);
        assertHeaderAgrees(out, back.geometry());
    }

    @Test
    void rasFileReadsAsPlastimatchReadsIt() throws Exception {
        ImageGeometry lps = TestVolumes.obliqueGeometry(4, 3, 2);
        double[] d = lps.direction();
        StringBuilder dirs = new StringBuilder();
        for (int c = 0; c < 3; c++) {
            double[] ras = RasLps.lpsToRas(new double[] {d[c] * lps.spacing(c), d[3 + c] * lps.spacing(c),
                d[6 + c] * lps.spacing(c)});
            dirs.append(" (").append(ras[0]).append(',').append(ras[1]).append(',').append(ras[2]).append(')');
        }
        double[] o = RasLps.lpsToRas(lps.origin());
        Path f = NrrdTestFiles.attached(dir.resolve("ras.nrrd"), """
                NRRD0004
                type: short
                dimension: 3
                space: right-anterior-superior
                sizes: 4 3 2
                space directions:%s
                space origin: (%s,%s,%s)
                endian: little
                encoding: raw""".formatted(dirs, o[0], o[1], o[2]), NrrdTestFiles.ramp16(24));
        Path mha = dir.resolve("ras.mha");
        ExternalTool.runOk(dir, TIMEOUT, "plastimatch", "convert", "--input", f.toString(), "--output-img",
                mha.toString());
        Volume coreg = new NrrdReader().read(f);
        GeometryAssert.assertGeometryEquals(readMha(mha).geometry(), coreg.geometry(), 1e-9);
        GeometryAssert.assertGeometryEquals(lps, coreg.geometry(), 1e-9);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"meat-phantom-ct-mr/mr-t2.mha,256,256,94", "meat-phantom-ct-mr/ct.mha,256,256,204"})
    void realCtAndMrConvertedByPlastimatchReadWithTheirGeometry(String name, int nx, int ny, int nz) throws Exception {
        Path src = org.coreg.testing.SharedData.require(name);
        Path nrrd = dir.resolve("mr.nrrd");
        Path mha = dir.resolve("mr.mha");
        ExternalTool.runOk(dir, TIMEOUT, "plastimatch", "convert", "--input", src.toString(), "--output-img",
                nrrd.toString());
        ExternalTool.runOk(dir, TIMEOUT, "plastimatch", "convert", "--input", nrrd.toString(), "--output-img",
                mha.toString());
        Volume v = new NrrdReader().read(nrrd);
        Mha m = readMha(mha);
        assertThat(v.geometry().size()).containsExactly(nx, ny, nz);
        GeometryAssert.assertGeometryEquals(m.geometry(), v.geometry(), 1e-9);
        assertThat(m.data()).isEqualTo(littleEndian(v));
        double[] r = v.voxels().range();
        assertThat(r[1]).isGreaterThan(r[0]);
    }

    /** {@code plastimatch header FILE} prints the same geometry, to its 4 decimals. */
    private void assertHeaderAgrees(Path f, ImageGeometry g) throws Exception {
        String out = ExternalTool.runOk(dir, TIMEOUT, "plastimatch", "header", f.toString());
        Map<String, double[]> h = new HashMap<>();
        for (String line : out.split("\n")) {
            String[] kv = line.split("=", 2);
            if (kv.length == 2 && kv[1].trim().matches("[-0-9. e+]+")) {
                h.put(kv[0].trim(), Arrays.stream(kv[1].trim().split("\\s+")).mapToDouble(Double::parseDouble)
                        .toArray());
            }
        }
        assertThat(h.get("Size")).as(out).containsExactly(Arrays.stream(g.size()).asDoubleStream().toArray());
        assertThat(h.get("Spacing")).as(out).containsExactly(g.spacing(), within(5.1e-5));
        assertThat(h.get("Origin")).as(out).containsExactly(g.origin(), within(5.1e-5));
        assertThat(h.get("Direction")).as(out).containsExactly(g.direction(), within(5.1e-5));
    }

    private static Mha readMha(Path f) throws Exception {
        byte[] all = Files.readAllBytes(f);
        Map<String, String> fields = new HashMap<>();
        int pos = 0;
        while (true) {
            int nl = indexOf(all, (byte) '\n', pos);
            String line = new String(all, pos, nl - pos, StandardCharsets.ISO_8859_1).trim();
            pos = nl + 1;
            String[] kv = line.split("=", 2);
            fields.put(kv[0].trim(), kv[1].trim());
            if (kv[0].trim().equals("ElementDataFile")) {
                break;
            }
        }
        assertThat(fields.get("ElementDataFile")).isEqualTo("LOCAL");
        assertThat(fields.get("CompressedData")).isEqualTo("False");
        assertThat(fields.get("BinaryDataByteOrderMSB")).isEqualTo("False");
        int[] size = Arrays.stream(fields.get("DimSize").split("\\s+")).mapToInt(Integer::parseInt).toArray();
        double[] spacing = numbers(fields.get("ElementSpacing"));
        double[] origin = numbers(fields.get("Offset"));
        double[] tm = numbers(fields.get("TransformMatrix"));
        // MetaIO lists the direction column by column
        double[] d = new double[9];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                d[3 * r + c] = tm[3 * c + r];
            }
        }
        return new Mha(fields, ImageGeometry.of(size, spacing, origin, d), Arrays.copyOfRange(all, pos, all.length));
    }

    private static Path writeMha(Path f, Volume v, String metType) throws Exception {
        ImageGeometry g = v.geometry();
        double[] d = g.direction();
        StringBuilder tm = new StringBuilder();
        for (int c = 0; c < 3; c++) {
            for (int r = 0; r < 3; r++) {
                tm.append(r + c > 0 ? " " : "").append(d[3 * r + c]);
            }
        }
        String header = "ObjectType = Image\nNDims = 3\nBinaryData = True\nBinaryDataByteOrderMSB = False\n"
                + "CompressedData = False\nTransformMatrix = " + tm + "\nOffset = " + join(g.origin())
                + "\nCenterOfRotation = 0 0 0\nAnatomicalOrientation = RAI\nElementSpacing = " + join(g.spacing())
                + "\nDimSize = " + g.size(0) + " " + g.size(1) + " " + g.size(2) + "\nElementType = " + metType
                + "\nElementDataFile = LOCAL\n";
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        b.writeBytes(littleEndian(v));
        Files.write(f, b.toByteArray());
        return f;
    }

    private static byte[] littleEndian(Volume v) {
        VoxelData d = v.voxels();
        ByteBuffer b = ByteBuffer.allocate(d.length() * v.type().bytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < d.length(); i++) {
            switch (v.type()) {
                case UINT8, INT8 -> b.put(((byte[]) d.array())[i]);
                case UINT16, INT16 -> b.putShort(((short[]) d.array())[i]);
                case UINT32, INT32 -> b.putInt(((int[]) d.array())[i]);
                case FLOAT32 -> b.putFloat(((float[]) d.array())[i]);
                case FLOAT64 -> b.putDouble(((double[]) d.array())[i]);
            }
        }
        return b.array();
    }

    private static String metType(VoxelType t) {
        return switch (t) {
            case UINT8 -> "MET_UCHAR";
            case INT8 -> "MET_CHAR";
            case INT16 -> "MET_SHORT";
            case UINT16 -> "MET_USHORT";
            case INT32 -> "MET_INT";
            case UINT32 -> "MET_UINT";
            case FLOAT32 -> "MET_FLOAT";
            case FLOAT64 -> "MET_DOUBLE";
        };
    }

    private static double[] numbers(String s) {
        return Arrays.stream(s.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    }

    private static String join(double[] v) {
        return v[0] + " " + v[1] + " " + v[2];
    }

    private static int indexOf(byte[] a, byte b, int from) {
        for (int i = from; i < a.length; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        throw new AssertionError("no end of line in the MetaImage header");
    }
}
