package org.coreg.io.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
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
import org.junit.jupiter.params.provider.ValueSource;

/** Every transfer syntax decodes to the pixels of the uncompressed reference; unsupported ones are refused. */
class DicomCodecsTest {
    @TempDir
    Path tmp;

    private static Volume read(Path file) throws ImageIOException {
        return new DicomReader(DicomReadOptions.STRICT).read(file);
    }

    @ParameterizedTest
    @ValueSource(strings = {"MR_small_implicit.dcm", "MR_small_bigendian.dcm", "MR_small_RLE.dcm",
        "MR_small_jpeg_ls_lossless.dcm", "MR_small_jp2klossless.dcm"})
    void pydicomVariantsDecodeToTheExplicitLittleEndianPixels(String name) throws Exception {
        Volume reference = read(SharedData.require("dicom-codecs/MR_small.dcm"));
        Volume v = read(SharedData.require("dicom-codecs/" + name));
        GeometryAssert.assertVoxelsIdentical(reference, v);
        GeometryAssert.assertGeometryEquals(reference.geometry(), v.geometry(), 0);
        assertThat(reference.voxels().range()[1]).isGreaterThan(reference.voxels().range()[0]);
    }

    @Test
    void ctSmallReadsWithItsRescale() throws Exception {
        Volume v = read(SharedData.require("dicom-codecs/CT_small.dcm"));
        assertThat(v.geometry().size()).containsExactly(128, 128, 1);
        assertThat(v.metadata().modality()).isEqualTo(org.coreg.image.Modality.CT);
        assertThat(v.type()).isEqualTo(org.coreg.image.VoxelType.INT16);
    }

    @ParameterizedTest
    @CsvSource({"JPEG-lossy.dcm, 1.2.840.10008.1.2.4.51"})
    void unsupportedSyntaxesAreRefusedNamingFileAndUid(String name, String uid) {
        Path file = SharedData.require("dicom-codecs/" + name);
        assertThatThrownBy(() -> read(file)).isInstanceOf(ImageIOException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining(uid)
                .satisfies(e -> assertThat(((ImageIOException) e).problem())
                        .isEqualTo(ImageIOException.Problem.UNSUPPORTED));
    }

    @ParameterizedTest
    @CsvSource({"1, 0, 0, 16", "2, 0, 0, 16", "3, 0, 0, 12", "4, 0, 0, 16", "5, 0, 0, 12", "6, 0, 0, 16",
        "7, 0, 0, 16", "1, 37, 0, 16", "4, 50, 0, 12", "1, 0, 2, 12", "7, 64, 3, 16"})
    void jpegLosslessRoundTripsEveryPredictorRestartAndPointTransform(int predictor, int restart, int pt,
                                                                       int precision) throws Exception {
        int w = 50;
        int h = 31;
        Random rnd = new Random(predictor * 100 + restart + pt);
        int[] s = new int[w * h];
        for (int i = 0; i < s.length; i++) {
            int smooth = (i % w) * 40 + (i / w) * 25;
            int v = (smooth + rnd.nextInt(200)) & ((1 << precision) - 1);
            s[i] = i % 97 == 0 ? (1 << precision) - 1 : v;   // include extreme values and big jumps
            s[i] = (s[i] >> pt) << pt;
        }
        byte[] jpeg = JpegLosslessTestEncoder.encode(s, w, h, precision, predictor, restart, pt);
        PixelFormat pf = new PixelFormat(h, w, 1, 16, 16, false, "MONOCHROME2");
        int[] out = new int[w * h];
        JpegLosslessDecoder.decode(tmp, jpeg, 0, jpeg.length, pf, out);
        assertThat(out).containsExactly(s);
    }

    @Test
    void jpegLosslessAndRleAndDeflatedSeriesEqualTheNativeOne() throws Exception {
        double[][] pos = SyntheticSeries.line(new double[] {-10, -20, 5}, new double[] {0, 0, 1.25}, 5);
        double[] iop = {1, 0, 0, 0, 1, 0};
        SyntheticSeries.PixelFunction f = (i, j, k) -> (i * 131 + j * 17 + k * 1000) % 4000 - 1500;
        SyntheticSeries.write(tmp.resolve("native"), TransferSyntax.EXPLICIT_LE, "1.2.3.1", pos, iop,
                new double[] {0.7, 0.7}, 40, 33, f);
        Volume reference = read(tmp.resolve("native"));
        for (String uid : List.of("1.2.840.10008.1.2.4.70", "1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.1.99",
                "1.2.840.10008.1.2", "1.2.840.10008.1.2.2")) {
            Path dir = tmp.resolve("ts-" + uid);
            SyntheticSeries.write(dir, TransferSyntax.forUid(uid), "1.2.3.1", pos, iop, new double[] {0.7, 0.7}, 40,
                    33, f);
            Volume v = read(dir);
            GeometryAssert.assertVoxelsIdentical(reference, v);
            GeometryAssert.assertGeometryEquals(reference.geometry(), v.geometry(), 1e-12);
        }
    }

    @Test
    void eightBitJpegBaselineDecodesThroughImageIo() throws Exception {
        int w = 64;
        int h = 48;
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(w, h,
                java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                img.getRaster().setSample(i, j, 0, 2 * i + j);
            }
        }
        java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "jpeg", jpeg);
        DicomTestWriter wr = DicomTestWriter.forSyntax(TransferSyntax.EXPLICIT_LE);
        wr.str(DicomTags.SERIES_INSTANCE_UID, "UI", "1.2.3.9");
        wr.decimals(DicomTags.IMAGE_POSITION_PATIENT, 0, 0, 0);
        wr.decimals(DicomTags.IMAGE_ORIENTATION_PATIENT, 1, 0, 0, 0, 1, 0);
        wr.us(DicomTags.ROWS, h).us(DicomTags.COLUMNS, w);
        wr.decimals(DicomTags.PIXEL_SPACING, 1, 1);
        wr.us(DicomTags.BITS_ALLOCATED, 8).us(DicomTags.BITS_STORED, 8).us(DicomTags.PIXEL_REPRESENTATION, 0);
        wr.encapsulated(List.of(jpeg.toByteArray()), false);
        Path file = tmp.resolve("baseline.dcm");
        Files.write(file, wr.toFile("1.2.840.10008.1.2.4.50", true, false));
        Volume v = read(file);
        double worst = 0;
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                worst = Math.max(worst, Math.abs(v.realValue(i, j, 0) - (2 * i + j)));
            }
        }
        assertThat(worst).as("lossy JPEG error on a smooth ramp").isLessThan(8);
    }
}
