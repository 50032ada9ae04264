package org.coreg.io.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.coreg.io.ImageIOException;
import org.coreg.io.ImageIOException.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Header fields that size arrays are checked against the bytes present before anything is sized by them: Number of
 * Frames (native, encapsulated, deflated) and Rows x Columns. Each case must fail typed, naming the file and the tag,
 * having allocated next to nothing.
 */
class DicomHostileTest {
    private static final double[] AXIAL = {1, 0, 0, 0, 1, 0};
    private static final String RLE = "1.2.840.10008.1.2.5";
    private static final String DEFLATED = "1.2.840.10008.1.2.1.99";

    @TempDir
    Path tmp;

    private static DicomTestWriter slice(int rows, int columns, String frames) {
        DicomTestWriter w = DicomTestWriter.forSyntax(TransferSyntax.EXPLICIT_LE);
        w.str(DicomTags.SERIES_INSTANCE_UID, "UI", "1.2.15");
        w.decimals(DicomTags.IMAGE_POSITION_PATIENT, 0, 0, 0).decimals(DicomTags.IMAGE_ORIENTATION_PATIENT, AXIAL);
        w.str(DicomTags.NUMBER_OF_FRAMES, "IS", frames);
        w.us(DicomTags.ROWS, rows).us(DicomTags.COLUMNS, columns).us(DicomTags.BITS_ALLOCATED, 16);
        w.decimals(DicomTags.PIXEL_SPACING, 1, 1);
        return w;
    }

    private ImageIOException refused(String name, byte[] bytes) throws Exception {
        Path file = tmp.resolve(name);
        Files.write(file, bytes);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long a0 = threads.getThreadAllocatedBytes(Thread.currentThread().threadId());
        ImageIOException error = null;
        try {
            new DicomReader(DicomReadOptions.STRICT).read(file);
        } catch (ImageIOException e) {
            error = e;
        }
        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().threadId()) - a0;
        assertThat(error).as("typed error for %s", name).isNotNull();
        assertThat(error.getMessage()).contains(file.toString());
        assertThat(allocated).as("bytes allocated reading %s", name).isLessThan(16L << 20);
        return error;
    }

    @Test
    void nativeNumberOfFramesBeyondThePixelDataIsRefusedBeforeSizingAnything() throws Exception {
        DicomTestWriter w = slice(4, 4, "2147483647");
        w.pixels16(new short[16 * 3]);
        ImageIOException e = refused("frames.dcm", w.toFile(TransferSyntax.EXPLICIT_LE.uid(), true, false));
        assertThat(e.problem()).isEqualTo(Problem.BAD_FIELD);
        assertThat(e.getMessage()).contains("(0028,0008) NumberOfFrames: expected at most")
                .contains("2147483647");
    }

    @Test
    void encapsulatedNumberOfFramesBeyondTheFileIsRefused() throws Exception {
        DicomTestWriter w = slice(4, 4, "2147483647");
        w.encapsulated(List.of(new byte[64], new byte[64]), false);
        ImageIOException e = refused("frames-rle.dcm", w.toFile(RLE, true, false));
        assertThat(e.getMessage()).contains("NumberOfFrames").contains("2147483647");
    }

    @Test
    void deflatedNumberOfFramesBeyondWhatTheFileCanInflateToIsRefused() throws Exception {
        DicomTestWriter w = slice(64, 64, "2000000000");
        w.pixels16(new short[64 * 64]);
        ImageIOException e = refused("frames-deflated.dcm", w.toFile(DEFLATED, true, true));
        assertThat(e.getMessage()).contains("NumberOfFrames").contains("2000000000");
    }

    @Test
    void rowsTimesColumnsBeyondOneArrayIsRefused() throws Exception {
        DicomTestWriter w = slice(65535, 65535, "1");
        w.pixels16(new short[16]);
        ImageIOException e = refused("rows.dcm", w.toFile(TransferSyntax.EXPLICIT_LE.uid(), true, false));
        assertThat(e.problem()).isIn(Problem.TOO_LARGE, Problem.TRUNCATED);
        assertThat(e.getMessage()).contains("65535");
    }

    /**
     * Seeded fuzz of the fields that size arrays: Rows, Columns, Bits Allocated and Number of Frames set to hostile
     * values over native, RLE and deflated pixel data of random lengths, and sequences nested deeper than the parser
     * goes. Every case reads or fails typed, naming the file, having allocated less than 64 MiB.
     */
    @Test
    void sizingFieldsFuzzedReadOrFailTyped() throws Exception {
        long[] hostile = {0, 1, 2, 3, 7, 8, 16, 32, 255, 256, 4096, 32767, 65535};
        String[] frames = {"1", "2", "3", "0", "-1", "65536", "2147483647", "4294967296", "1e9", "NaN", "", "x"};
        java.util.Random rnd = new java.util.Random(20261207L);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long me = Thread.currentThread().threadId();
        int read = 0;
        int refused = 0;
        int cases = Integer.getInteger("coreg.fuzz.cases", 3000) / 3;
        for (int c = 0; c < cases; c++) {
            int rows = (int) hostile[rnd.nextInt(hostile.length)];
            int cols = (int) hostile[rnd.nextInt(hostile.length)];
            int bits = rnd.nextInt(4) == 0 ? (int) hostile[rnd.nextInt(hostile.length)] : 16;
            DicomTestWriter w = DicomTestWriter.forSyntax(TransferSyntax.EXPLICIT_LE);
            w.str(DicomTags.SERIES_INSTANCE_UID, "UI", "1.2.18");
            w.decimals(DicomTags.IMAGE_POSITION_PATIENT, 0, 0, 0).decimals(DicomTags.IMAGE_ORIENTATION_PATIENT, AXIAL);
            w.str(DicomTags.NUMBER_OF_FRAMES, "IS", frames[rnd.nextInt(frames.length)]);
            w.us(DicomTags.ROWS, rows).us(DicomTags.COLUMNS, cols).us(DicomTags.BITS_ALLOCATED, bits);
            w.decimals(DicomTags.PIXEL_SPACING, 1, 1);
            if (rnd.nextInt(5) == 0) { // a sequence nested far deeper than the parser goes
                DicomTestWriter inner = new DicomTestWriter(true, false).str(DicomTags.PATIENT_ID, "LO", "x");
                for (int d = 0, depth = 10 + rnd.nextInt(200); d < depth; d++) {
                    inner = new DicomTestWriter(true, false).sequence(0x00081115, List.of(inner), rnd.nextBoolean());
                }
                w.sequence(0x00081115, List.of(inner), true);
            }
            int kind = rnd.nextInt(3);
            String syntax = kind == 1 ? RLE : kind == 2 ? DEFLATED : TransferSyntax.EXPLICIT_LE.uid();
            if (kind == 1) {
                w.encapsulated(List.of(new byte[rnd.nextInt(200)], new byte[rnd.nextInt(200)]), rnd.nextBoolean());
            } else {
                w.pixels16(new short[rnd.nextInt(600)]);
            }
            Path f = tmp.resolve("fuzz-" + (c % 7) + ".dcm");
            Files.write(f, w.toFile(syntax, true, kind == 2));
            long a0 = threads.getThreadAllocatedBytes(me);
            try {
                new DicomReader(DicomReadOptions.STRICT).read(f);
                read++;
            } catch (ImageIOException e) {
                assertThat(e.getMessage()).as("case %d", c).contains(f.getFileName().toString());
                refused++;
            } catch (Throwable t) {
                throw new AssertionError("case " + c + " (rows " + rows + ", columns " + cols + ", bits " + bits
                        + ", syntax " + syntax + ") threw " + t, t);
            }
            assertThat(threads.getThreadAllocatedBytes(me) - a0).as("bytes allocated, case %d", c)
                    .isLessThan(64L << 20);
        }
        assertThat(refused).isPositive();
        System.out.printf("DICOM sizing-field fuzz: %d cases, %d read, %d refused typed%n", cases, read, refused);
    }

    @Test
    void aFolderDoesNotFollowSymbolicLinksOutOfIt() throws Exception {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        List<Path> outside = SyntheticSeries.write(elsewhere, TransferSyntax.EXPLICIT_LE, "1.2.17",
                new double[][] {{0, 0, 5}}, AXIAL, new double[] {1, 1}, 8, 8, (i, j, k) -> 1);
        Path dir = Files.createDirectories(tmp.resolve("linked"));
        SyntheticSeries.write(dir, TransferSyntax.EXPLICIT_LE, "1.2.17", new double[][] {{0, 0, 0}, {0, 0, 1},
            {0, 0, 2}}, AXIAL, new double[] {1, 1}, 8, 8, (i, j, k) -> i + j + k);
        Files.createSymbolicLink(dir.resolve("zz-link.dcm"), outside.getFirst());
        var scan = SeriesScanner.scan(dir);
        assertThat(scan.series()).singleElement().satisfies(s -> assertThat(s.images()).hasSize(3));
    }

    @Test
    void aFolderWithAFrameBombSkipsItOrNamesIt() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("series"));
        SyntheticSeries.write(dir, TransferSyntax.EXPLICIT_LE, "1.2.16", new double[][] {{0, 0, 0}, {0, 0, 1},
            {0, 0, 2}}, AXIAL, new double[] {1, 1}, 8, 8, (i, j, k) -> i + j + k);
        DicomTestWriter w = slice(4, 4, "2147483647");
        w.pixels16(new short[16]);
        Files.write(dir.resolve("zz-bomb.dcm"), w.toFile(TransferSyntax.EXPLICIT_LE.uid(), true, false));
        try {
            var v = new DicomReader(DicomReadOptions.STRICT).read(dir);
            assertThat(v.geometry().size()).containsExactly(8, 8, 3);
        } catch (ImageIOException e) {
            // Two series (or the bomb named): a plain, typed error is as good as skipping it.
            assertThat(e.getMessage()).contains(dir.toString());
        }
    }
}
