package org.coreg.io.nifti;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Decompresses a gzip file (RFC 1952, one or more members) with an {@link Inflater} that writes straight into the
 * caller's array, reading the compressed file in 1 MiB blocks. Checks each member's CRC-32 and length. Corrupt data
 * ends in a {@link ZipException}, data that stops early in an {@link EOFException}.
 */
final class GzipInput extends InputStream {
    private static final int BLOCK = 1 << 20;

    private final FileChannel channel;
    private final byte[] in = new byte[BLOCK];
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private int inStart;
    private int inEnd;
    private long memberBytes;
    private boolean eof;

    GzipInput(Path file) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            readMemberHeader();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!eof) {
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw new ZipException("expected a valid deflate stream, found invalid data near compressed byte "
                        + (channel.position() - inflater.getRemaining()) + " (" + e.getMessage() + ")");
            }
            if (n > 0) {
                crc.update(b, off, n);
                memberBytes += n;
                return n;
            }
            if (inflater.finished()) {
                endMember();
            } else if (inflater.needsDictionary()) {
                throw new ZipException("expected a deflate stream without preset dictionary, found one that needs it");
            } else if (inflater.needsInput()) {
                if (!fill()) {
                    throw new EOFException("expected more compressed data, found the end of the file after "
                            + channel.position() + " bytes");
                }
                inflater.setInput(in, inStart, inEnd - inStart);
                inStart = inEnd;
            }
        }
        return -1;
    }

    /** Refills the input block from the file; false at the end of the file. */
    private boolean fill() throws IOException {
        int n = channel.read(ByteBuffer.wrap(in));
        if (n <= 0) {
            return false;
        }
        inStart = 0;
        inEnd = n;
        return true;
    }

    private int nextByte() throws IOException {
        if (inStart >= inEnd && !fill()) {
            throw new EOFException("expected a complete gzip header or trailer, found the end of the file");
        }
        return in[inStart++] & 0xff;
    }

    private void readMemberHeader() throws IOException {
        int id1 = nextByte();
        int id2 = nextByte();
        if (id1 != 0x1f || id2 != 0x8b) {
            throw new ZipException(String.format("not gzip data: expected magic 1f 8b, found %02x %02x", id1, id2));
        }
        int method = nextByte();
        if (method != 8) {
            throw new ZipException("unsupported gzip compression method " + method + " (expected 8, deflate)");
        }
        int flags = nextByte();
        for (int i = 0; i < 6; i++) { // mtime, extra flags, operating system
            nextByte();
        }
        if ((flags & 4) != 0) {
            int xlen = nextByte() | nextByte() << 8;
            for (int i = 0; i < xlen; i++) {
                nextByte();
            }
        }
        for (int bit : new int[] {8, 16}) { // file name, comment: NUL-terminated
            if ((flags & bit) != 0) {
                while (nextByte() != 0) {
                    // skip
                }
            }
        }
        if ((flags & 2) != 0) {
            nextByte();
            nextByte();
        }
        inflater.reset();
        crc.reset();
        memberBytes = 0;
        inflater.setInput(in, inStart, inEnd - inStart);
        inStart = inEnd;
    }

    /** Checks the member trailer; starts the next member if one follows, else marks the end. */
    private void endMember() throws IOException {
        int remaining = inflater.getRemaining();
        inStart = inEnd - remaining;
        long storedCrc = readLittleEndianInt();
        long storedSize = readLittleEndianInt();
        if (storedCrc != crc.getValue()) {
            throw new ZipException(String.format("gzip CRC-32: expected %08x (trailer), found %08x (data)", storedCrc,
                    crc.getValue()));
        }
        if (storedSize != (memberBytes & 0xffffffffL)) {
            throw new ZipException("gzip length: expected " + storedSize + " bytes (trailer, mod 2^32), found "
                    + memberBytes);
        }
        if (inStart >= inEnd && !fill()) {
            eof = true;
            return;
        }
        if ((in[inStart] & 0xff) != 0x1f) {
            eof = true; // trailing bytes that are not another member are ignored, as gzip -dc does with zeros
            return;
        }
        readMemberHeader();
    }

    private long readLittleEndianInt() throws IOException {
        long v = 0;
        for (int i = 0; i < 4; i++) {
            v |= (long) nextByte() << (8 * i);
        }
        return v;
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        channel.close();
    }
}
