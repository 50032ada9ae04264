package org.coreg.io.nrrd;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Hand-made NRRD files for tests: a header as text, data as bytes. */
final class NrrdTestFiles {
    private NrrdTestFiles() {
    }

    /** Writes {@code header} (lines separated by \n, no trailing blank line) and {@code data} after a blank line. */
    static Path attached(Path file, String header, byte[] data) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes((header.endsWith("\n") ? header : header + "\n").getBytes(StandardCharsets.UTF_8));
        b.write('\n');
        b.writeBytes(data);
        Files.write(file, b.toByteArray());
        return file;
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(b)) {
            g.write(data);
        }
        return b.toByteArray();
    }

    static byte[] shorts(ByteOrder order, short... v) {
        ByteBuffer b = ByteBuffer.allocate(2 * v.length).order(order);
        for (short s : v) {
            b.putShort(s);
        }
        return b.array();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }

    /** Values 0, 1, ... n-1 as little-endian int16. */
    static byte[] ramp16(int n) {
        short[] s = new short[n];
        for (int i = 0; i < n; i++) {
            s[i] = (short) (i * 7 - 100);
        }
        return shorts(ByteOrder.LITTLE_ENDIAN, s);
    }
}
