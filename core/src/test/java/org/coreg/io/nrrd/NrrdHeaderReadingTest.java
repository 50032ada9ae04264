package org.coreg.io.nrrd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.coreg.io.nrrd.NrrdTestFiles.attached;
import static org.coreg.io.nrrd.NrrdTestFiles.concat;
import static org.coreg.io.nrrd.NrrdTestFiles.gzip;
import static org.coreg.io.nrrd.NrrdTestFiles.ramp16;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.coreg.image.ImageGeometry;
import org.coreg.image.RasLps;
import org.coreg.image.Volume;
import org.coreg.image.VoxelType;
import org.coreg.testing.GeometryAssert;
import org.coreg.testing.TestVolumes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Headers as other programs write them: every type spelling, spaces, skips, detached data, CRLF lines. */
class NrrdHeaderReadingTest {
    @TempDir
    Path dir;

    private static final String LPS_3x2x2 = """
            NRRD0004
            type: short
            dimension: 3
            space: left-posterior-superior
            sizes: 3 2 2
            space directions: (0.5,0,0) (0,0.75,0) (0,0,2)
            space origin: (1,2,3)
            endian: little
            """;

    @Test
    void everyTypeSpellingReadsAsItsType() throws Exception {
        Map<String, VoxelType> spellings = Map.ofEntries(Map.entry("signed char", VoxelType.INT8),
                Map.entry("int8", VoxelType.INT8), Map.entry("int8_t", VoxelType.INT8),
                Map.entry("uchar", VoxelType.UINT8), Map.entry("unsigned char", VoxelType.UINT8),
                Map.entry("uint8", VoxelType.UINT8), Map.entry("uint8_t", VoxelType.UINT8),
                Map.entry("short", VoxelType.INT16), Map.entry("short int", VoxelType.INT16),
                Map.entry("signed short", VoxelType.INT16), Map.entry("signed short int", VoxelType.INT16),
                Map.entry("int16", VoxelType.INT16), Map.entry("int16_t", VoxelType.INT16),
                Map.entry("ushort", VoxelType.UINT16), Map.entry("unsigned short", VoxelType.UINT16),
                Map.entry("unsigned short int", VoxelType.UINT16), Map.entry("uint16", VoxelType.UINT16),
                Map.entry("uint16_t", VoxelType.UINT16), Map.entry("int", VoxelType.INT32),
                Map.entry("signed int", VoxelType.INT32), Map.entry("int32", VoxelType.INT32),
                Map.entry("int32_t", VoxelType.INT32), Map.entry("uint", VoxelType.UINT32),
                Map.entry("unsigned int", VoxelType.UINT32), Map.entry("uint32", VoxelType.UINT32),
                Map.entry("uint32_t", VoxelType.UINT32), Map.entry("float", VoxelType.FLOAT32),
                Map.entry("double", VoxelType.FLOAT64));
        assertThat(spellings).hasSize(28);
        for (var e : spellings.entrySet()) {
            VoxelType t = e.getValue();
            // big-endian values 1, 2, ..., 12 of the type
            ByteBuffer b = ByteBuffer.allocate(12 * t.bytes()).order(ByteOrder.BIG_ENDIAN);
            for (int i = 1; i <= 12; i++) {
                switch (t) {
                    case UINT8, INT8 -> b.put((byte) i);
                    case UINT16, INT16 -> b.putShort((short) i);
                    case UINT32, INT32 -> b.putInt(i);
                    case FLOAT32 -> b.putFloat(i);
                    case FLOAT64 -> b.putDouble(i);
                }
            }
            Path f = attached(dir.resolve("t.nrrd"), LPS_3x2x2.replace("type: short", "type: " + e.getKey())
                    .replace("endian: little", "endian: big") + "encoding: raw", b.array());
            Volume v = new NrrdReader().read(f);
            assertThat(v.type()).as(e.getKey()).isEqualTo(t);
            for (int i = 0; i < 12; i++) {
                assertThat(v.voxels().get(i)).as(e.getKey() + " voxel " + i).isEqualTo(i + 1);
            }
        }
    }

    @Test
    void lpsHeaderGivesSpacingDirectionAndOrigin() throws Exception {
        Path f = attached(dir.resolve("lps.nrrd"), LPS_3x2x2 + "encoding: raw", ramp16(12));
        Volume v = new NrrdReader().read(f);
        GeometryAssert.assertGeometryEquals(ImageGeometry.axisAligned(new int[] {3, 2, 2},
                new double[] {0.5, 0.75, 2}, new double[] {1, 2, 3}), v.geometry(), 0);
        assertThat(v.voxels().get(11)).isEqualTo(11 * 7 - 100);
        assertThat(v.metadata().name()).isEqualTo("lps");
    }

    @Test
    void rasSpaceIsConvertedToLps() throws Exception {
        ImageGeometry lps = TestVolumes.obliqueGeometry(3, 2, 2);
        double[] d = lps.direction();
        StringBuilder dirs = new StringBuilder();
        for (int c = 0; c < 3; c++) {
            double[] col = {d[c] * lps.spacing(c), d[3 + c] * lps.spacing(c), d[6 + c] * lps.spacing(c)};
            double[] ras = RasLps.lpsToRas(col);
            dirs.append(" (").append(ras[0]).append(',').append(ras[1]).append(',').append(ras[2]).append(')');
        }
        double[] o = RasLps.lpsToRas(lps.origin());
        for (String space : new String[] {"right-anterior-superior", "RAS"}) {
            Path f = attached(dir.resolve("ras.nrrd"), """
                    NRRD0005
                    type: short
                    dimension: 3
                    space: %s
                    sizes: 3 2 2
                    space directions:%s
                    space origin: (%s,%s,%s)
                    kinds: domain domain domain
                    endian: little
                    encoding: raw""".formatted(space, dirs, o[0], o[1], o[2]), ramp16(12));
            Volume v = new NrrdReader().read(f);
            GeometryAssert.assertGeometryEquals(lps, v.geometry(), 1e-12);
        }
    }

    @Test
    void lasFlipsTheAnteriorAxisAndScannerXyzIsTakenAsItStands() throws Exception {
        String h = """
                NRRD0004
                type: short
                dimension: 3
                space: %s
                sizes: 3 2 2
                space directions: (0,1,0) (-1,0,0) (0,0,2)
                space origin: (10,20,30)
                endian: little
                encoding: raw""";
        Volume las = new NrrdReader().read(attached(dir.resolve("las.nrrd"), h.formatted("LAS"), ramp16(12)));
        assertThat(las.geometry().origin()).containsExactly(new double[] {10, -20, 30}, within(0.0));
        assertThat(las.geometry().direction()).containsExactly(new double[] {0, -1, 0, -1, 0, 0, 0, 0, 1},
                within(0.0));
        for (String space : new String[] {"scanner-xyz", "3D-right-handed"}) {
            Volume v = new NrrdReader().read(attached(dir.resolve("s.nrrd"), h.formatted(space), ramp16(12)));
            assertThat(v.geometry().origin()).containsExactly(10, 20, 30);
            assertThat(v.geometry().direction()).containsExactly(new double[] {0, -1, 0, 1, 0, 0, 0, 0, 1},
                    within(0.0));
            assertThat(v.geometry().spacing()).containsExactly(1, 1, 2);
        }
    }

    @Test
    void lineSkipAndByteSkipInRawAndGzip() throws Exception {
        byte[] data = ramp16(12);
        Volume ref = new NrrdReader().read(attached(dir.resolve("ref.nrrd"), LPS_3x2x2 + "encoding: raw", data));
        byte[] junk = "first line\nsecond line\n".getBytes(StandardCharsets.US_ASCII);
        Volume v = new NrrdReader().read(attached(dir.resolve("a.nrrd"),
                LPS_3x2x2 + "encoding: raw\nline skip: 2\nbyte skip: 5", concat(junk, new byte[5], data)));
        GeometryAssert.assertVoxelsIdentical(ref, v);
        v = new NrrdReader().read(attached(dir.resolve("b.nrrd"),
                LPS_3x2x2 + "encoding: raw\nbyte skip: -1", concat(new byte[77], data)));
        GeometryAssert.assertVoxelsIdentical(ref, v);
        // gzip: lines skipped in the file as stored, bytes after decompression
        v = new NrrdReader().read(attached(dir.resolve("c.nrrd"),
                LPS_3x2x2 + "encoding: gz\nlineskip: 2\nbyteskip: 3", concat(junk, gzip(concat(new byte[3], data)))));
        GeometryAssert.assertVoxelsIdentical(ref, v);
    }

    @Test
    void detachedDataFileRelativeToTheHeaderRawAndGzip() throws Exception {
        byte[] data = ramp16(12);
        Volume ref = new NrrdReader().read(attached(dir.resolve("ref.nrrd"), LPS_3x2x2 + "encoding: raw", data));
        Files.createDirectories(dir.resolve("data"));
        Files.write(dir.resolve("data/vol.raw"), data);
        Files.write(dir.resolve("data/vol.raw.gz"), gzip(data));
        Path h1 = dir.resolve("vol.nhdr");
        Files.writeString(h1, LPS_3x2x2 + "encoding: raw\ndata file: data/vol.raw\n");
        GeometryAssert.assertVoxelsIdentical(ref, new NrrdReader().read(h1));
        // CRLF line ends, the alias "datafile", gzip
        Path h2 = dir.resolve("data/gz.nhdr");
        Files.writeString(h2, (LPS_3x2x2 + "encoding: gzip\ndatafile: ./vol.raw.gz\n").replace("\n", "\r\n"));
        Volume v = new NrrdReader().read(h2);
        GeometryAssert.assertVoxelsIdentical(ref, v);
        GeometryAssert.assertGeometryEquals(ref.geometry(), v.geometry(), 0);
        // names that only look like the multi-file forms
        Files.write(dir.resolve("LISTING 100%.raw"), data);
        Path h4 = dir.resolve("odd.nhdr");
        Files.writeString(h4, LPS_3x2x2 + "encoding: raw\ndata file: LISTING 100%.raw\n");
        GeometryAssert.assertVoxelsIdentical(ref, new NrrdReader().read(h4));
        // an absolute path
        Path h3 = dir.resolve("abs.nhdr");
        Files.writeString(h3, LPS_3x2x2 + "encoding: raw\ndata file: " + dir.resolve("data/vol.raw").toAbsolutePath() + "\n");
        GeometryAssert.assertVoxelsIdentical(ref, new NrrdReader().read(h3));
    }

    @Test
    void headerWithoutSpaceUsesSpacingsAndCellCentredAxisMins() throws Exception {
        Path f = attached(dir.resolve("plain.nrrd"), """
                NRRD0001
                # a comment
                type: uchar
                dimension: 4
                sizes: 1 3 2 2
                kinds: scalar domain domain domain
                spacings: nan 0.5 -2 3
                axis mins: nan 10 20 30
                centers: ??? cell node cell
                encoding: raw""", new byte[12]);
        Volume v = new NrrdReader().read(f);
        assertThat(v.geometry().size()).containsExactly(3, 2, 2);
        assertThat(v.geometry().spacing()).containsExactly(0.5, 2, 3);
        assertThat(v.geometry().direction()).containsExactly(1, 0, 0, 0, -1, 0, 0, 0, 1);
        assertThat(v.geometry().origin()).containsExactly(10.25, 20, 31.5);
    }

    @Test
    void twoDimensionalImageInThreeDimensionalSpaceAndSizeOneListAxis() throws Exception {
        Path f = attached(dir.resolve("slice.nrrd"), """
                NRRD0004
                type: float
                dimension: 3
                space: left-posterior-superior
                sizes: 1 4 3
                space directions: none (0,0.8,0) (0,0,-1.5)
                kinds: list domain domain
                space origin: (5,6,7)
                space units: "mm" "mm" "mm"
                endian: little
                encoding: raw
                DICOM_modality:=MR
                odd:key:=value with: colon""", new byte[48]);
        Volume v = new NrrdReader().read(f);
        assertThat(v.geometry().size()).containsExactly(4, 3, 1);
        assertThat(v.geometry().spacing()).containsExactly(0.8, 1.5, 1);
        // columns: +P, -S and their cross product, which keeps the frame right-handed
        assertThat(v.geometry().direction()).containsExactly(new double[] {0, 0, -1, 1, 0, 0, 0, -1, 0},
                within(0.0));
        assertThat(v.geometry().indexToWorld().determinant()).isPositive();
    }

    @Test
    void spaceDimensionTwoIsEmbeddedInThreeDimensions() throws Exception {
        Path f = attached(dir.resolve("2d.nrrd"), """
                NRRD0004
                type: uint8
                dimension: 2
                space dimension: 2
                sizes: 4 3
                space directions: (0.6,0.8) (-1.6,1.2)
                space origin: (1,2)
                encoding: raw""", new byte[12]);
        Volume v = new NrrdReader().read(f);
        assertThat(v.geometry().size()).containsExactly(4, 3, 1);
        assertThat(v.geometry().spacing()).containsExactly(new double[] {1, 2, 1}, within(1e-15));
        assertThat(v.geometry().origin()).containsExactly(1, 2, 0);
        assertThat(v.geometry().direction()).containsExactly(new double[] {0.6, -0.8, 0, 0.8, 0.6, 0, 0, 0, 1},
                within(1e-15));
    }
}
