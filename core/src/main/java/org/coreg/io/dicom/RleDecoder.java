package org.coreg.io.dicom;

import java.nio.file.Path;
import org.coreg.io.ImageIOException;
import org.coreg.io.ImageIOException.Problem;

/**
 * Decodes one frame of DICOM RLE Lossless (PS3.5 Annex G): a 64-byte header with up to 15 segment offsets, one
 * PackBits segment per byte of the sample, most significant byte first.
 */
final class RleDecoder {
    private RleDecoder() {
    }

    /**
     * @param data  the frame's bytes (header and segments)
     * @param out   receives {@code pixels} raw bit patterns
     * @param bytesPerSample 1, 2 or 4
     */
    static void decode(Path file, byte[] data, int off, int len, int pixels, int bytesPerSample, int[] out)
            throws ImageIOException {
        if (len < 64) {
            throw corrupt(file, "RLE header: expected 64 bytes, found " + len);
        }
        int segments = (int) ByteOrderUtil.read(data, off, 4, false);
        if (segments != bytesPerSample) {
            throw corrupt(file, "RLE header: expected " + bytesPerSample + " segment(s) for one sample of "
                    + (8 * bytesPerSample) + " bits, found " + segments);
        }
        java.util.Arrays.fill(out, 0, pixels, 0);
        for (int s = 0; s < segments; s++) {
            long start = ByteOrderUtil.read(data, off + 4 + 4 * s, 4, false);
            long stop = s + 1 < segments ? ByteOrderUtil.read(data, off + 8 + 4 * s, 4, false) : len;
            if (start < 64 || stop > len || start > stop) {
                throw corrupt(file, "RLE segment " + s + ": offsets " + start + ".." + stop + " outside 64.." + len);
            }
            int shift = 8 * (segments - 1 - s);
            decodeSegment(file, data, off + (int) start, off + (int) stop, pixels, shift, out);
        }
    }

    private static void decodeSegment(Path file, byte[] d, int p, int end, int pixels, int shift, int[] out)
            throws ImageIOException {
        int i = 0;
        while (i < pixels) {
            if (p >= end) {
                throw corrupt(file, "RLE segment ends after " + i + " of " + pixels + " bytes");
            }
            int n = d[p++];
            if (n >= 0) {
                int count = n + 1;
                if (p + count > end || i + count > pixels) {
                    throw corrupt(file, "RLE literal run of " + count + " bytes overruns the segment or frame");
                }
                for (int k = 0; k < count; k++) {
                    out[i++] |= (d[p++] & 0xFF) << shift;
                }
            } else if (n != -128) {
                int count = 1 - n;
                if (p >= end || i + count > pixels) {
                    throw corrupt(file, "RLE replicate run of " + count + " bytes overruns the segment or frame");
                }
                int v = (d[p++] & 0xFF) << shift;
                for (int k = 0; k < count; k++) {
                    out[i++] |= v;
                }
            }
        }
    }

    private static ImageIOException corrupt(Path file, String msg) {
        return new ImageIOException(file, Problem.CORRUPT_COMPRESSION, "field (7FE0,0010) PixelData: " + msg);
    }
}
