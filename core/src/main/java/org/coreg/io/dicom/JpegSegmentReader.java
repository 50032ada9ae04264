package org.coreg.io.dicom;

import java.nio.file.Path;
import org.coreg.io.ImageIOException;

/**
 * Walks the marker segments of one JPEG code stream (ITU T.81 B.1, shared by JPEG-LS, T.87 C.1): the start-of-image
 * check, the next marker, big-endian 16-bit fields and segment lengths, each bounded by the end of the frame's bytes.
 * The JPEG lossless and JPEG-LS decoders extend it and say in {@link #corrupt} how their bad data is reported.
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
