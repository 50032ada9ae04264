package org.coreg.io.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.coreg.io.ImageIOException;
import org.coreg.io.ImageIOException.Problem;
import org.coreg.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Truncated, mislabelled and incomplete files give typed errors naming the file and the tag. */
class DicomBadInputTest {
    @TempDir
    Path tmp;

    private static final double[] AXIAL = {1, 0, 0, 0, 1, 0};

    private Path goodSlice() throws Exception {
        return SyntheticSeries.write(tmp.resolve("good"), TransferSyntax.EXPLICIT_LE, "1.2.5", new double[][] {{0, 0,
            0}}, AXIAL, new double[] {1, 1}, 16, 16, (i, j, k) -> i + j).getFirst();
    }

    private static ImageIOException readError(Path file) {
        try {
            new DicomReader(DicomReadOptions.STRICT).read(file);
        } catch (ImageIOException e) {
            return e;
        }
        throw new AssertionError("expected an ImageIOException for " + file);
    }

    @Test
    void truncatedPixelDataNamesFileAndTag() throws Exception {
        byte[] all = Files.readAllBytes(goodSlice());
        Path cut = tmp.resolve("cut.dcm");
        Files.write(cut, Arrays.copyOf(all, all.length - 100));
        ImageIOException e = readError(cut);
        assertThat(e.problem()).isEqualTo(Problem.TRUNCATED);
        assertThat(e.getMessage()).contains(cut.toString()).contains("(7FE0,0010)");
    }

    @Test
    void truncatedSliceInAFolderIsSkippedWithANoteAndTheRestLoads() throws Exception {
        Path dir = tmp.resolve("partial");
        java.util.List<Path> files = SyntheticSeries.write(dir, TransferSyntax.EXPLICIT_LE, "1.2.15",
                SyntheticSeries.line(new double[] {0, 0, 0}, new double[] {0, 0, 2}, 5), AXIAL, new double[] {1, 1},
                8, 8, (i, j, k) -> k);
        Path last = files.getLast();
        byte[] all = Files.readAllBytes(last);
        Files.write(last, Arrays.copyOf(all, all.length - 10));
        SeriesScanner.Result scan = SeriesScanner.scan(dir);
        assertThat(scan.notes()).singleElement().asString().contains(last.toString()).contains("truncated")
                .contains("(7FE0,0010) PixelData");
        assertThat(new DicomReader(DicomReadOptions.STRICT).read(dir).geometry().size(2)).isEqualTo(4);
        // A truncated slice in the middle leaves a gap, which is refused by name.
        Path middle = files.get(2);
        byte[] m = Files.readAllBytes(middle);
        Files.write(middle, Arrays.copyOf(m, m.length - 10));
        assertThatThrownBy(() -> new DicomReader(DicomReadOptions.STRICT).read(dir))
                .hasMessageContaining("a gap of 4.0000 mm");
    }

    @Test
    void truncatedHeaderIsTruncated() throws Exception {
        byte[] all = Files.readAllBytes(goodSlice());
        Path cut = tmp.resolve("head.dcm");
        Files.write(cut, Arrays.copyOf(all, 300));
        ImageIOException e = readError(cut);
        assertThat(e.problem()).isEqualTo(Problem.TRUNCATED);
        assertThat(e.getMessage()).startsWith(cut.toString());
    }

    @Test
    void hugeClaimedSizeIsRefusedBeforeAllocating() throws Exception {
        DicomTestWriter w = DicomTestWriter.forSyntax(TransferSyntax.EXPLICIT_LE);
        w.str(DicomTags.SERIES_INSTANCE_UID, "UI", "1.2.14");
        w.decimals(DicomTags.IMAGE_POSITION_PATIENT, 0, 0, 0).decimals(DicomTags.IMAGE_ORIENTATION_PATIENT, AXIAL);
        w.us(DicomTags.ROWS, 40000).us(DicomTags.COLUMNS, 40000).us(DicomTags.BITS_ALLOCATED, 16);
        w.decimals(DicomTags.PIXEL_SPACING, 1, 1);
        w.pixels16(new short[64]);
        Path file = tmp.resolve("huge.dcm");
        Files.write(file, w.toFile(TransferSyntax.EXPLICIT_LE.uid(), true, false));
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long a0 = threads.getThreadAllocatedBytes(Thread.currentThread().threadId());
        ImageIOException e = readError(file);
        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().threadId()) - a0;
        assertThat(e.problem()).isEqualTo(Problem.TRUNCATED);
        assertThat(e.getMessage()).contains(file.toString()).contains("(7FE0,0010) PixelData")
                .contains("3200000000 bytes");
        assertThat(allocated).as("bytes allocated").isLessThan(16L << 20);
    }

    @Test
    void wrongPreambleIsWrongFormat() throws Exception {
        byte[] all = Files.readAllBytes(goodSlice());
        all[130] = 'X';
        Arrays.fill(all, 0, 8, (byte) 0x55);
        Path bad = tmp.resolve("bad.dcm");
        Files.write(bad, all);
        ImageIOException e = readError(bad);
        assertThat(e.problem()).isEqualTo(Problem.WRONG_FORMAT);
        assertThat(e.getMessage()).contains(bad.toString()).contains("preamble").contains("DIXM");
    }

    @Test
    void missingRequiredTagsAreNamed() throws Exception {
        DicomTestWriter w = DicomTestWriter.forSyntax(TransferSyntax.EXPLICIT_LE);
        w.str(DicomTags.SERIES_INSTANCE_UID, "UI", "1.2.6");
        w.decimals(DicomTags.IMAGE_ORIENTATION_PATIENT, AXIAL);
        w.us(DicomTags.ROWS, 4).us(DicomTags.COLUMNS, 4).us(DicomTags.BITS_ALLOCATED, 16);
        w.decimals(DicomTags.PIXEL_SPACING, 1, 1);
        w.pixels16(new short[16]);
        Path noIpp = tmp.resolve("noipp.dcm");
        Files.write(noIpp, w.toFile(TransferSyntax.EXPLICIT_LE.uid(), true, false));
        ImageIOException e = readError(noIpp);
        assertThat(e.problem()).isEqualTo(Problem.BAD_FIELD);
        assertThat(e.getMessage()).contains(noIpp.toString()).contains("(0020,0032) ImagePositionPatient")
                .contains("missing tag");

        DicomTestWriter r = DicomTestWriter.forSyntax(TransferSyntax.EXPLICIT_LE);
        r.str(DicomTags.SERIES_INSTANCE_UID, "UI", "1.2.6");
        r.us(DicomTags.COLUMNS, 4).us(DicomTags.BITS_ALLOCATED, 16);
        r.pixels16(new short[16]);
        Path noRows = tmp.resolve("norows.dcm");
        Files.write(noRows, r.toFile(TransferSyntax.EXPLICIT_LE.uid(), true, false));
        assertThat(readError(noRows).getMessage()).contains(noRows.toString()).contains("(0028,0010) Rows");
    }

    @Test
    void mixedFolderListsSeriesAndNotesNonImages() throws Exception {
        Path dir = tmp.resolve("mixed");
        SyntheticSeries.write(dir.resolve("a"), TransferSyntax.EXPLICIT_LE, "1.2.7.1",
                SyntheticSeries.line(new double[] {0, 0, 0}, new double[] {0, 0, 2}, 3), AXIAL, new double[] {1, 1}, 8,
                8, (i, j, k) -> k);
        SyntheticSeries.write(dir.resolve("b"), TransferSyntax.EXPLICIT_LE, "1.2.7.2",
                SyntheticSeries.line(new double[] {0, 0, 0}, new double[] {0, 0, 3}, 2), AXIAL, new double[] {1, 1}, 8,
                8, (i, j, k) -> k);
        Files.writeString(dir.resolve("notes.txt"), "not dicom at all");
        DicomTestWriter sr = DicomTestWriter.forSyntax(TransferSyntax.EXPLICIT_LE);
        sr.str(DicomTags.SOP_CLASS_UID, "UI", "1.2.840.10008.5.1.4.1.1.88.11");
        sr.str(DicomTags.SERIES_INSTANCE_UID, "UI", "1.2.7.3");
        Files.write(dir.resolve("report.dcm"), sr.toFile(TransferSyntax.EXPLICIT_LE.uid(), true, false));

        SeriesScanner.Result scan = SeriesScanner.scan(dir);
        assertThat(scan.series()).extracting(DicomSeries::uid).containsExactly("1.2.7.1", "1.2.7.2");
        assertThat(scan.notes()).anyMatch(n -> n.contains("notes.txt") && n.contains("not a DICOM file"));
        assertThat(scan.notes()).anyMatch(n -> n.contains("report.dcm") && n.contains("not an image"));
        assertThatThrownBy(() -> new DicomReader(DicomReadOptions.STRICT).read(dir))
                .isInstanceOf(ImageIOException.class).hasMessageContaining("found 2")
                .hasMessageContaining("1.2.7.1").hasMessageContaining("1.2.7.2");
        // One series' folder loads; the text file beside it is only a note.
        Files.writeString(dir.resolve("a").resolve("readme.txt"), "x");
        assertThat(new DicomReader(DicomReadOptions.STRICT).read(dir.resolve("a")).geometry().size(2)).isEqualTo(3);
    }

    @Test
    void inconsistentSizeWithinASeriesIsSplitAndNamed() throws Exception {
        Path dir = tmp.resolve("sizes");
        SyntheticSeries.write(dir, TransferSyntax.EXPLICIT_LE, "1.2.8",
                SyntheticSeries.line(new double[] {0, 0, 0}, new double[] {0, 0, 2}, 3), AXIAL, new double[] {1, 1}, 8,
                8, (i, j, k) -> k);
        Files.write(dir.resolve("odd.dcm"), SyntheticSeries.slice(TransferSyntax.EXPLICIT_LE, "1.2.8", 9,
                new double[] {0, 0, 6}, AXIAL, new double[] {1, 1}, 9, 9, new short[81], true, 1, 0));
        assertThatThrownBy(() -> new DicomReader(DicomReadOptions.STRICT).read(dir))
                .isInstanceOf(ImageIOException.class).hasMessageContaining("9 x 9")
                .hasMessageContaining("odd.dcm");
    }

    @Test
    void duplicatePositionsAreNamed() throws Exception {
        Path dir = tmp.resolve("dup");
        SyntheticSeries.write(dir, TransferSyntax.EXPLICIT_LE, "1.2.9",
                new double[][] {{0, 0, 0}, {0, 0, 2}, {0, 0, 2}}, AXIAL, new double[] {1, 1}, 8, 8, (i, j, k) -> k);
        assertThatThrownBy(() -> new DicomReader(DicomReadOptions.STRICT).read(dir))
                .isInstanceOf(ImageIOException.class).hasMessageContaining("(0020,0032) ImagePositionPatient")
                .hasMessageContaining("the same position");
    }

    /**
     * Seeded fuzz: mutated copies of real and synthetic files (byte flips, truncation, length-field damage) either
     * read or throw ImageIOException; nothing else escapes, and each case finishes quickly.
     */
    @Test
    void mutatedFilesReadOrThrowTheTypedException() throws Exception {
        java.util.List<byte[]> seeds = new java.util.ArrayList<>();
        seeds.add(Files.readAllBytes(goodSlice()));
        for (String name : new String[] {"MR_small.dcm", "MR_small_RLE.dcm", "MR_small_implicit.dcm",
            "MR_small_bigendian.dcm", "CT_small.dcm"}) {
            Path p = SharedData.root() == null ? null : SharedData.root().resolve("dicom-codecs/" + name);
            if (p != null && Files.exists(p)) {
                seeds.add(Files.readAllBytes(p));
            }
        }
        int[] w = new int[64 * 64];
        for (int i = 0; i < w.length; i++) {
            w[i] = (i * 37) & 0xFFF;
        }
        DicomTestWriter jl = DicomTestWriter.forSyntax(TransferSyntax.EXPLICIT_LE);
        jl.str(DicomTags.SERIES_INSTANCE_UID, "UI", "1.2.10");
        jl.decimals(DicomTags.IMAGE_POSITION_PATIENT, 0, 0, 0).decimals(DicomTags.IMAGE_ORIENTATION_PATIENT, AXIAL);
        jl.us(DicomTags.ROWS, 64).us(DicomTags.COLUMNS, 64).us(DicomTags.BITS_ALLOCATED, 16)
                .decimals(DicomTags.PIXEL_SPACING, 1, 1);
        jl.encapsulated(java.util.List.of(JpegLosslessTestEncoder.encode(w, 64, 64, 12, 1, 64, 0)), true);
        seeds.add(jl.toFile("1.2.840.10008.1.2.4.70", true, false));

        Random rnd = new Random(20261201L);
        Path f = tmp.resolve("fuzz.dcm");
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long me = Thread.currentThread().threadId();
        int read = 0;
        int refused = 0;
        for (int c = 0; c < 1500; c++) {
            byte[] data = seeds.get(c % seeds.size()).clone();
            switch (rnd.nextInt(4)) {
                case 0 -> {
                    for (int k = 1 + rnd.nextInt(8); k > 0; k--) {
                        data[rnd.nextInt(data.length)] = (byte) rnd.nextInt(256);
                    }
                }
                case 1 -> data = Arrays.copyOf(data, rnd.nextInt(data.length));
                case 2 -> {
                    int at = 132 + rnd.nextInt(Math.max(1, Math.min(data.length, 2000) - 136));
                    data[at] = (byte) 0xFF;
                    data[at + 1] = (byte) 0xFF;
                }
                default -> {
                    int at = rnd.nextInt(data.length);
                    data[at] ^= (byte) (1 << rnd.nextInt(8));
                }
            }
            Files.write(f, data);
            long t0 = System.nanoTime();
            long a0 = threads.getThreadAllocatedBytes(me);
            try {
                new DicomReader(DicomReadOptions.STRICT).read(f);
                read++;
            } catch (ImageIOException e) {
                assertThat(e.getMessage()).startsWith(f.toString());
                refused++;
            } catch (RuntimeException | Error e) {
                throw new AssertionError("case " + c + " escaped with " + e, e);
            }
            assertThat((System.nanoTime() - t0) / 1e9).as("seconds for case %d", c).isLessThan(5);
            // Single files decode on this thread; the seeds are under 200 KB, so a case may allocate a few MB.
            assertThat(threads.getThreadAllocatedBytes(me) - a0).as("bytes allocated by case %d", c)
                    .isLessThan(64L << 20);
        }
        assertThat(read).isPositive();
        assertThat(refused).isPositive();
    }
}
