package org.coreg.io.dicom;

import java.nio.file.Path;
import org.coreg.io.ImageIOException;

/**
 * Walks the marker segments of one JPEG code stream (ITU T.81 B.1, shared by JPEG-LS, T.87 C.1): the start-of-image
 * check, the next marker, big-endian 16-bit fields and segment lengths, each bounded by the end of the frame's bytes,
 * and the one-component frame header. The JPEG lossless and JPEG-LS decoders extend it and say in {@link #corrupt}
 * and {@link #componentsRefused} how their errors read.
 */
abstract class JpegSegmentReader {
    /** The file the frame came from, named in every error. */
    final Path file;
    /** The bytes holding the frame. */
    final byte[] d;
    /** One past the frame's last byte in {@link #d}. */
    final int end;
    /** The read position in {@link #d}. */
    int p;

    JpegSegmentReader(Path file, byte[] d, int off, int len) {
        this.file = file;
        this.d = d;
        this.p = off;
        this.end = off + len;
    }

    /** The error for bad data, {@code what} saying what is wrong (the decoder names the codec). */
    abstract ImageIOException corrupt(String what);

    /** The refusal of a frame of {@code components} components (colour): the decoders read grey-scale only. */
    abstract ImageIOException componentsRefused(int components);

    /** What a frame header says: sample precision (bits) and the frame's size in samples. */
    record Frame(int precision, int width, int height) {
    }

    /**
     * Reads the frame header segment at the position (T.81 B.2.2; JPEG-LS, T.87 C.2.2, lays it out the same) and
     * steps past it.
     *
     * @param sof       the marker's name in errors ("SOF3")
     * @param sizeField the DICOM field named when the frame's size disagrees with Rows/Columns of {@code pf}
     * @throws ImageIOException {@link #componentsRefused} for more than one component, {@link #corrupt} for a short
     *                          segment or a precision outside 2..16, BAD_FIELD for a size other than Rows x Columns
     */
    final Frame frameHeader(PixelFormat pf, String sof, String sizeField) throws ImageIOException {
        int l = segmentLength();
        if (l < 11) {
            throw corrupt(sof + " segment length " + l);
        }
        int precision = d[p + 2] & 0xFF;
        int height = u16(p + 3);
        int width = u16(p + 5);
        int comps = d[p + 7] & 0xFF;
        if (comps != 1) {
            throw componentsRefused(comps);
        }
        if (precision < 2 || precision > 16) {
            throw corrupt("sample precision " + precision + " outside 2..16");
        }
        if (width != pf.columns() || height != pf.rows()) {
            throw ImageIOException.badField(file, sizeField, pf.columns() + " x " + pf.rows() + " (Columns x Rows)",
                    width + " x " + height);
        }
        p += l;
        return new Frame(precision, width, height);
    }

    /** Steps over the start-of-image marker FFD8, which must come first. */
    final void skipStartOfImage() throws ImageIOException {
        if (end - p < 2 || (d[p] & 0xFF) != 0xFF || (d[p + 1] & 0xFF) != 0xD8) {
            throw corrupt("expected the JPEG start-of-image marker FFD8");
        }
        p += 2;
    }

    /** The code of the next marker (the byte after its FF fill bytes); the position is left just past it. */
    final int nextMarker() throws ImageIOException {
        while (p < end && (d[p] & 0xFF) != 0xFF) {
            p++;
        }
        while (p < end && (d[p] & 0xFF) == 0xFF) {
            p++;
        }
        if (p >= end) {
            throw corrupt("data ends before the scan");
        }
        return d[p++] & 0xFF;
    }

    /** The big-endian unsigned 16-bit value at {@code at}. */
    final int u16(int at) throws ImageIOException {
        if (at + 2 > end) {
            throw corrupt("marker segment runs past the end of the data");
        }
        return ((d[at] & 0xFF) << 8) | (d[at + 1] & 0xFF);
    }

    /** The length of the segment at the position (its length field included), checked to end within the data. */
    final int segmentLength() throws ImageIOException {
        int l = u16(p);
        if (l < 2 || p + l > end) {
            throw corrupt("marker segment length " + l + " at offset " + p + " runs past the end of the data");
        }
        return l;
    }
}
