package org.coreg.io.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.coreg.image.Volume;
import org.coreg.io.ImageIOException;
import org.coreg.testing.GeometryAssert;
import org.coreg.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * JPEG-LS (T.87) lossless gives exactly the coded pixels, near-lossless stays within NEAR of them; the decoder is
 * proven on pydicom's sample, then on images made by the test encoder with flat areas (run mode, interruptions,
 * runs to the end of a line), noise and edges (regular mode), every precision, and preset parameters.
 */
class DicomJpegLsTest {
    static final String LOSSLESS = "1.2.840.10008.1.2.4.80";
    static final String NEAR_LOSSLESS = "1.2.840.10008.1.2.4.81";

    @TempDir
    Path tmp;

    private static Volume read(Path file) throws ImageIOException {
        return new DicomReader(DicomReadOptions.STRICT).read(file);
    }

    /** Flat blocks (runs), a ramp, noise and sharp edges within {@code precision} bits. */
    static int[] image(int w, int h, int precision, long seed) {
        Random rnd = new Random(seed);
        int max = (1 << precision) - 1;
        int[] s = new int[w * h];
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                int v;
                if (j < h / 4) {
                    v = (i / 7 + j / 5) % 2 == 0 ? max / 3 : max / 3 + 1;          // flat with small steps: runs
                } else if (j < h / 2) {
                    v = (int) ((long) max * (i + j) / (w + h));                    // ramp: regular mode
                } else if (j < 3 * h / 4) {
                    v = rnd.nextInt(max + 1);                                      // noise: long code words
                } else {
                    v = i < w / 2 ? 0 : max;                                       // edge and extremes
                }
                s[j * w + i] = v;
            }
        }
        return s;
    }

    private static int[] decode(byte[] jls, int w, int h) throws ImageIOException {
        int[] out = new int[w * h];
        JpegLsDecoder.decode(Path.of("test.jls"), jls, 0, jls.length, new PixelFormat(h, w, 1, 16, 16, false,
                "MONOCHROME2"), out);
        return out;
    }

    @Test
    void pydicomSampleGivesExactlyThePixelsOfTheUncompressedOne() throws Exception {
        Volume reference = read(SharedData.require("dicom-codecs/MR_small.dcm"));
        Volume v = read(SharedData.require("dicom-codecs/MR_small_jpeg_ls_lossless.dcm"));
        GeometryAssert.assertVoxelsIdentical(reference, v);
        GeometryAssert.assertGeometryEquals(reference.geometry(), v.geometry(), 0);
    }

    @ParameterizedTest
    @CsvSource({"64, 48, 8, 0", "37, 29, 12, 0", "50, 40, 16, 0", "1, 30, 12, 0", "30, 1, 12, 0", "33, 17, 2, 0",
        "64, 48, 12, 4000", "41, 23, 16, 60000"})
    void losslessRoundTripsEveryPrecisionShapeAndPreset(int w, int h, int precision, int maxVal) throws Exception {
        int[] s = image(w, h, precision, w * 31L + h);
        if (maxVal > 0) {
            for (int i = 0; i < s.length; i++) {
                s[i] = Math.min(s[i], maxVal);
            }
        }
        byte[] jls = JpegLsTestEncoder.encode(s, w, h, precision, 0, maxVal);
        assertThat(decode(jls, w, h)).containsExactly(s);
    }

    @ParameterizedTest
    @CsvSource({"1, 12", "2, 12", "3, 8", "7, 16", "20, 16"})
    void nearLosslessStaysWithinNear(int near, int precision) throws Exception {
        int w = 57;
        int h = 44;
        int[] s = image(w, h, precision, near);
        byte[] jls = JpegLsTestEncoder.encode(s, w, h, precision, near, 0);
        int[] out = decode(jls, w, h);
        int worst = 0;
        int changed = 0;
        for (int i = 0; i < s.length; i++) {
            worst = Math.max(worst, Math.abs(out[i] - s[i]));
            changed += out[i] != s[i] ? 1 : 0;
        }
        assertThat(worst).as("largest error").isLessThanOrEqualTo(near);
        assertThat(changed).as("near-lossless coding changed samples").isGreaterThan(0);
        assertThat(jls.length).isLessThan(JpegLsTestEncoder.encode(s, w, h, precision, 0, 0).length);
    }

    @ParameterizedTest
    @CsvSource({LOSSLESS + ", 0", NEAR_LOSSLESS + ", 3"})
    void signedSeriesReadsAsTheNativeOne(String uid, int near) throws Exception {
        int rows = 40;
        int cols = 36;
        double[][] pos = SyntheticSeries.line(new double[] {-10, -20, 5}, new double[] {0, 0, 1.5}, 4);
        double[] iop = {1, 0, 0, 0, 1, 0};
        SyntheticSeries.PixelFunction f = (i, j, k) -> j < 10 ? -1000 : (i * 131 + j * 17 + k * 1000) % 4000 - 1500;
        SyntheticSeries.write(tmp.resolve("native"), TransferSyntax.EXPLICIT_LE, "1.2.3.1", pos, iop,
                new double[] {0.7, 0.7}, rows, cols, f);
        SyntheticSeries.write(tmp.resolve("jls"), TransferSyntax.forUid(uid), "1.2.3.1", pos, iop,
                new double[] {0.7, 0.7}, rows, cols, f);
        Volume reference = read(tmp.resolve("native"));
        Volume v = read(tmp.resolve("jls"));
        GeometryAssert.assertGeometryEquals(reference.geometry(), v.geometry(), 1e-12);
        double worst = 0;
        for (int i = 0; i < reference.voxels().length(); i++) {
            worst = Math.max(worst, Math.abs(reference.voxels().get(i) - v.voxels().get(i)));
        }
        assertThat(worst).isLessThanOrEqualTo(near);
        assertThat(v.voxels().range()[0]).isLessThan(0);
    }

    @ParameterizedTest
    @CsvSource({"true, 0", "false, 0", "false, 2"})
    void multiFrameObjectsSplitAtTheOffsetTableOrTheStartOfImage(boolean offsetTable, int near) throws Exception {
        int rows = 21;
        int cols = 26;
        int[][] frames = new int[3][];
        List<byte[]> fragments = new java.util.ArrayList<>();
        for (int k = 0; k < frames.length; k++) {
            frames[k] = image(cols, rows, 12, 40 + k);
            fragments.add(JpegLsTestEncoder.encode(frames[k], cols, rows, 12, near, 0));
        }
        DicomTestWriter w = DicomJpeg2000Test.multiFrameHeader(rows, cols, frames.length, 12, false);
        w.encapsulatedFragments(fragments, offsetTable ? List.of(0, 1, 2) : null);
        Path file = tmp.resolve("multi.dcm");
        Files.write(file, w.toFile(near == 0 ? LOSSLESS : NEAR_LOSSLESS, true, false));
        Volume v = read(file);
        assertThat(v.geometry().size()).containsExactly(cols, rows, frames.length);
        int n = rows * cols;
        double worst = 0;
        for (int k = 0; k < frames.length; k++) {
            for (int i = 0; i < n; i++) {
                worst = Math.max(worst, Math.abs(v.voxels().get(k * n + i) - frames[k][i]));
            }
        }
        assertThat(worst).isLessThanOrEqualTo(near);
    }

    @Test
    void damagedAndUnsupportedStreamsAreRefusedPlainly() throws Exception {
        int[] s = image(20, 20, 12, 5);
        byte[] jls = JpegLsTestEncoder.encode(s, 20, 20, 12, 0, 0);
        Path file = tmp.resolve("x.dcm");
        PixelFormat pf = new PixelFormat(20, 20, 1, 16, 12, false, "MONOCHROME2");
        byte[] cut = Arrays.copyOf(jls, 30);
        assertThatThrownBy(() -> JpegLsDecoder.decode(file, cut, 0, cut.length, pf, new int[400]))
                .isInstanceOf(ImageIOException.class).hasMessageContaining(file.toString())
                .hasMessageContaining("JPEG-LS");
        byte[] colour = jls.clone();
        colour[2 + 2 + 2 + 5] = 3;   // SOF55 component count
        assertThatThrownBy(() -> JpegLsDecoder.decode(file, colour, 0, colour.length, pf, new int[400]))
                .isInstanceOf(ImageIOException.class).hasMessageContaining("3 components (colour)")
                .satisfies(e -> assertThat(((ImageIOException) e).problem())
                        .isEqualTo(ImageIOException.Problem.UNSUPPORTED));
        PixelFormat other = new PixelFormat(21, 20, 1, 16, 12, false, "MONOCHROME2");
        assertThatThrownBy(() -> JpegLsDecoder.decode(file, jls, 0, jls.length, other, new int[420]))
                .isInstanceOf(ImageIOException.class).hasMessageContaining("frame size");
        DicomTestWriter w = DicomJpeg2000Test.header(20, 20, 1, 12, false, 0);
        w.encapsulated(List.of(Arrays.copyOf(jls, jls.length / 2)), false);
        Files.write(file, w.toFile(LOSSLESS, true, false));
        assertThatThrownBy(() -> read(file)).isInstanceOf(ImageIOException.class)
                .hasMessageContaining(file.toString());
    }
}
