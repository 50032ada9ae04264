package org.coreg.io.dicom;

/** Unsigned integer reads from byte arrays in either order. */
final class ByteOrderUtil {
    private ByteOrderUtil() {
    }

    /** Reads {@code n} (1..8) bytes at {@code pos} as an unsigned value. */
    static long read(byte[] b, int pos, int n, boolean bigEndian) {
        long v = 0;
        if (bigEndian) {
            for (int i = 0; i < n; i++) {
                v = (v << 8) | (b[pos + i] & 0xFF);
            }
        } else {
            for (int i = n - 1; i >= 0; i--) {
                v = (v << 8) | (b[pos + i] & 0xFF);
            }
        }
        return v;
    }
}
