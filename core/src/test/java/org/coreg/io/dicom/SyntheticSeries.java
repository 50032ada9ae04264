package org.coreg.io.dicom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes synthetic single-frame series for tests and benchmarks: a given orientation, pixel spacing and slice
 * positions, 16-bit pixels, in a chosen transfer syntax (native, JPEG lossless SV1 via the test encoder, or JPEG 2000
 * via jai-imageio's encoder: lossless for .90, 2 bits per pixel for .91; JPEG-LS via the test encoder: lossless for
 * .80, NEAR 3 for .81).
 */
public final class SyntheticSeries {
    private SyntheticSeries() {
    }

    /** The header and pixels of one slice; {@code pixels} is row by row. */
    public static byte[] slice(TransferSyntax ts, String seriesUid, int instance, double[] ipp, double[] iop,
                               double[] pixelSpacing, int rows, int cols, short[] pixels, boolean signed,
                               double slope, double intercept) {
        DicomTestWriter w = DicomTestWriter.forSyntax(ts.deflated() ? TransferSyntax.EXPLICIT_LE : ts);
        w.str(DicomTags.SOP_CLASS_UID, "UI", "1.2.840.10008.5.1.4.1.1.2");
        w.str(DicomTags.MODALITY, "CS", "CT");
        w.str(DicomTags.PATIENT_NAME, "PN", "Synthetic^Phantom");
        w.str(DicomTags.SERIES_INSTANCE_UID, "UI", seriesUid);
        w.str(DicomTags.INSTANCE_NUMBER, "IS", Integer.toString(instance));
        w.decimals(DicomTags.IMAGE_POSITION_PATIENT, ipp);
        w.decimals(DicomTags.IMAGE_ORIENTATION_PATIENT, iop);
        w.us(DicomTags.SAMPLES_PER_PIXEL, 1);
        w.str(DicomTags.PHOTOMETRIC_INTERPRETATION, "CS", "MONOCHROME2");
        w.us(DicomTags.ROWS, rows);
        w.us(DicomTags.COLUMNS, cols);
        w.decimals(DicomTags.PIXEL_SPACING, pixelSpacing);
        w.us(DicomTags.BITS_ALLOCATED, 16);
        w.us(DicomTags.BITS_STORED, 16);
        w.us(DicomTags.HIGH_BIT, 15);
        w.us(DicomTags.PIXEL_REPRESENTATION, signed ? 1 : 0);
        w.decimals(DicomTags.RESCALE_INTERCEPT, intercept);
        w.decimals(DicomTags.RESCALE_SLOPE, slope);
        if (ts.codec() == TransferSyntax.Codec.JPEG_LOSSLESS) {
            int[] s = new int[pixels.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = pixels[i] & 0xFFFF;
            }
            w.encapsulated(List.of(JpegLosslessTestEncoder.encode(s, cols, rows, 16, 1, 0, 0)), false);
        } else if (ts.codec() == TransferSyntax.Codec.JPEG_LS) {
            int[] s = new int[pixels.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = pixels[i] & 0xFFFF;   // JPEG-LS codes the 16-bit patterns; Pixel Representation signs them
            }
            int near = ts.uid().equals("1.2.840.10008.1.2.4.81") ? 3 : 0;
            w.encapsulated(List.of(JpegLsTestEncoder.encode(s, cols, rows, 16, near, 0)), false);
        } else if (ts.codec() == TransferSyntax.Codec.JPEG_2000) {
            int[] s = new int[pixels.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = signed ? pixels[i] : pixels[i] & 0xFFFF;
            }
            double rate = ts.uid().equals("1.2.840.10008.1.2.4.91") ? 2 : 0;   // lossy at 2 bits per pixel
            w.encapsulated(List.of(Jpeg2000TestEncoder.encode(s, cols, rows, 16, signed, rate)), false);
        } else {
            w.pixels16(pixels);
        }
        return w.toFile(ts.uid(), true, ts.deflated());
    }

    /**
     * Writes {@code positions.length} slices into {@code dir} (files 0001.dcm ...), pixel value
     * {@code f(i, j, k)} at column i, row j, slice k.
     */
    public static List<Path> write(Path dir, TransferSyntax ts, String uid, double[][] positions, double[] iop,
                                   double[] pixelSpacing, int rows, int cols, PixelFunction f) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        for (int k = 0; k < positions.length; k++) {
            short[] px = new short[rows * cols];
            for (int j = 0; j < rows; j++) {
                for (int i = 0; i < cols; i++) {
                    px[j * cols + i] = (short) f.value(i, j, k);
                }
            }
            Path p = dir.resolve(String.format("%04d.dcm", k + 1));
            Files.write(p, slice(ts, uid, k + 1, positions[k], iop, pixelSpacing, rows, cols, px, true, 1, -1024));
            out.add(p);
        }
        return out;
    }

    /** Positions {@code origin + k * step} for k = 0..n-1. */
    public static double[][] line(double[] origin, double[] step, int n) {
        double[][] p = new double[n][];
        for (int k = 0; k < n; k++) {
            p[k] = new double[] {origin[0] + k * step[0], origin[1] + k * step[1], origin[2] + k * step[2]};
        }
        return p;
    }

    /** A stored pixel value at column i, row j, slice k. */
    @FunctionalInterface
    public interface PixelFunction {
        int value(int i, int j, int k);
    }
}
