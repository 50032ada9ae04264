package org.coreg.io.dicom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.coreg.io.ImageIOException;
import org.coreg.io.ImageIOException.Problem;

/**
 * Parses DICOM Part 10 files (with or without the 128-byte preamble and DICM prefix, with or without file meta
 * information) in implicit VR little endian, explicit VR little and big endian and deflated explicit VR little
 * endian, including nested sequences of defined and undefined length and encapsulated pixel data. Every length is
 * checked against the bytes present, so bad input ends in an {@link ImageIOException} naming the file and tag.
 */
public final class DicomParser {
    /** Bytes read first when only the header is wanted; the whole file is read if the header is longer. */
    static final int HEADER_CHUNK = 1 << 15;
    private static final int MAX_DEPTH = 32;
    private static final long MAX_INFLATED = 1L << 30;

    private DicomParser() {
    }

    /** Reads and parses the whole file, pixel data included. */
    public static DicomFile read(Path file) throws ImageIOException {
        byte[] all = readBytes(file, Integer.MAX_VALUE);
        return parse(file, all, false);
    }

    /** Parses the header (everything before the top-level pixel data), reading as little of the file as it can. */
    public static DicomFile readHeader(Path file) throws ImageIOException {
        byte[] head = readBytes(file, HEADER_CHUNK);
        if (head.length < HEADER_CHUNK) {
            return parse(file, head, true);
        }
        try {
            return parse(file, head, true);
        } catch (ImageIOException e) {
            if (e.problem() != Problem.TRUNCATED) {
                throw e;
            }
            return parse(file, readBytes(file, Integer.MAX_VALUE), true);
        }
    }

    private static byte[] readBytes(Path file, int max) throws ImageIOException {
        if (max == Integer.MAX_VALUE) {
            try {
                return Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                throw new ImageIOException(file, Problem.MISSING_FILE, "file does not exist", e);
            } catch (OutOfMemoryError e) {
                throw new ImageIOException(file, Problem.TOO_LARGE, "file does not fit in memory");
            } catch (IOException e) {
                throw new ImageIOException(file, Problem.IO_FAILURE, "cannot read (" + e.getMessage() + ")", e);
            }
        }
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(max);
        } catch (NoSuchFileException e) {
            throw new ImageIOException(file, Problem.MISSING_FILE, "file does not exist", e);
        } catch (OutOfMemoryError e) {
            throw new ImageIOException(file, Problem.TOO_LARGE, "file does not fit in memory");
        } catch (IOException e) {
            throw new ImageIOException(file, Problem.IO_FAILURE, "cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** True when {@code head} starts like a DICOM file (preamble + DICM, or a bare group 0002/0008 data set). */
    public static boolean looksLikeDicom(byte[] head) {
        if (head.length >= 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M') {
            return true;
        }
        return head.length >= 8 && (head[1] == 0) && (head[0] == 0x02 || head[0] == 0x08) && head[3] == 0
                && (head[2] & 0xFF) <= 0x20;
    }

    /**
     * Parses {@code data} as a DICOM file.
     *
     * @param stopAtPixelData stop before the top-level pixel data element (header only)
     */
    public static DicomFile parse(Path file, byte[] data, boolean stopAtPixelData) throws ImageIOException {
        Cursor c = new Cursor(file, data, 0, data.length);
        DicomDataset meta = new DicomDataset(file);
        if (data.length >= 132 && data[128] == 'D' && data[129] == 'I' && data[130] == 'C' && data[131] == 'M') {
            c.pos = 132;
        } else if (!looksLikeDicom(data)) {
            String found = data.length < 132 ? "a file of " + data.length + " bytes" : "'"
                    + new String(data, 128, 4, java.nio.charset.StandardCharsets.ISO_8859_1).replaceAll("[^ -~]", "?")
                    + "' at byte 128";
            throw new ImageIOException(file, Problem.WRONG_FORMAT,
                    "field preamble: expected 'DICM' at byte 128 or a bare DICOM data set, found " + found);
        }
        c.explicit = true;
        c.bigEndian = false;
        while (c.remaining() >= 4 && c.peekGroup() == 0x0002) {
            c.readElement(meta, 0, false);
        }
        TransferSyntax ts;
        String uid = meta.string(DicomTags.TRANSFER_SYNTAX_UID);
        if (uid != null && !uid.isEmpty()) {
            ts = TransferSyntax.forUid(uid);
        } else {
            ts = c.remaining() >= 6 && isVrLetters(data[c.pos + 4], data[c.pos + 5])
                    ? TransferSyntax.EXPLICIT_LE : TransferSyntax.IMPLICIT_LE;
        }
        if (ts.deflated()) {
            byte[] inflated = inflate(file, data, c.pos);
            c = new Cursor(file, inflated, 0, inflated.length);
        }
        c.explicit = ts.explicitVr();
        c.bigEndian = ts.bigEndian();
        DicomDataset ds = new DicomDataset(file);
        boolean stopped = c.readDataset(ds, c.end, 0, stopAtPixelData);
        boolean hasPixels = stopped || ds.contains(DicomTags.PIXEL_DATA);
        long pixelEnd = stopped && !ts.deflated() ? c.peekValueEnd() : -1;
        return new DicomFile(file, ts, meta, ds, hasPixels, !stopped, pixelEnd);
    }

    static boolean isVrLetters(byte a, byte b) {
        return a >= 'A' && a <= 'Z' && b >= 'A' && b <= 'Z';
    }

    private static byte[] inflate(Path file, byte[] data, int from) throws ImageIOException {
        Inflater inf = new Inflater(true);
        inf.setInput(data, from, data.length - from);
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, 4 * (data.length - from)));
        byte[] buf = new byte[1 << 16];
        try {
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    break;
                }
                out.write(buf, 0, n);
                if (out.size() > MAX_INFLATED) {
                    throw new ImageIOException(file, Problem.TOO_LARGE, "deflated data set inflates beyond 1 GiB");
                }
            }
        } catch (DataFormatException e) {
            throw new ImageIOException(file, Problem.CORRUPT_COMPRESSION,
                    "deflated data set is corrupt (" + e.getMessage() + ")", e);
        } finally {
            inf.end();
        }
        return out.toByteArray();
    }

    /** A read position in a buffer with the current encoding. */
    private static final class Cursor {
        final Path file;
        final byte[] b;
        final int end;
        int pos;
        boolean explicit;
        boolean bigEndian;

        Cursor(Path file, byte[] b, int pos, int end) {
            this.file = file;
            this.b = b;
            this.pos = pos;
            this.end = end;
        }

        int remaining() {
            return end - pos;
        }

        /** Where the value of the element at {@code pos} ends, from its header; -1 if undefined or unreadable. */
        long peekValueEnd() {
            if (remaining() < 12) {
                return -1;
            }
            int at = pos + 4;
            long len;
            if (explicit) {
                String vr = new String(new char[] {(char) b[at], (char) b[at + 1]});
                if (longLengthVr(vr)) {
                    len = ByteOrderUtil.read(b, at + 4, 4, bigEndian);
                    at += 8;
                } else {
                    len = ByteOrderUtil.read(b, at + 2, 2, bigEndian);
                    at += 4;
                }
            } else {
                len = ByteOrderUtil.read(b, at, 4, bigEndian);
                at += 4;
            }
            return len == 0xFFFFFFFFL ? -1 : at + len;
        }

        int peekGroup() {
            return (int) ByteOrderUtil.read(b, pos, 2, bigEndian);
        }

        int u16() {
            int v = (int) ByteOrderUtil.read(b, pos, 2, bigEndian);
            pos += 2;
            return v;
        }

        long u32() {
            long v = ByteOrderUtil.read(b, pos, 4, bigEndian);
            pos += 4;
            return v;
        }

        int tag() {
            int g = u16();
            int e = u16();
            return (g << 16) | e;
        }

        ImageIOException truncated(String what) {
            return new ImageIOException(file, Problem.TRUNCATED,
                    what + ": expected more bytes at offset " + pos + ", found end of data at " + end);
        }

        /**
         * Reads elements into {@code ds} until {@code limit}, an item delimiter, or (top level, when asked) the
         * pixel data. Returns true when it stopped before the pixel data.
         */
        boolean readDataset(DicomDataset ds, int limit, int depth, boolean stopAtPixelData) throws ImageIOException {
            while (pos < limit) {
                if (limit - pos < 8) {
                    throw truncated("element header");
                }
                if (stopAtPixelData && depth == 0) {
                    int save = pos;
                    int tag = tag();
                    pos = save;
                    if (tag == DicomTags.PIXEL_DATA || tag == DicomTags.FLOAT_PIXEL_DATA
                            || tag == DicomTags.DOUBLE_PIXEL_DATA) {
                        return true;
                    }
                }
                if (!readElement(ds, depth, true)) {
                    return false;
                }
            }
            return false;
        }

        /** Reads one element; false when it was an item delimiter (end of an undefined-length item). */
        boolean readElement(DicomDataset ds, int depth, boolean inDataset) throws ImageIOException {
            if (remaining() < 8) {
                throw truncated("element header");
            }
            int tag = tag();
            if (tag == DicomTags.ITEM_DELIMITATION) {
                pos += 4;
                return false;
            }
            if ((tag >>> 16) == 0xFFFE) {
                throw ImageIOException.badField(file, DicomTags.describe(tag) + " at offset " + (pos - 4),
                        "a data element", "a stray item or delimiter tag");
            }
            String vr;
            long len;
            if (explicit) {
                byte v0 = b[pos];
                byte v1 = b[pos + 1];
                if (!isVrLetters(v0, v1)) {
                    throw ImageIOException.badField(file, "VR of " + DicomTags.describe(tag) + " at offset " + pos,
                            "two upper-case letters", String.format("bytes %02X %02X", v0 & 0xFF, v1 & 0xFF));
                }
                vr = new String(new char[] {(char) v0, (char) v1});
                pos += 2;
                if (longLengthVr(vr)) {
                    if (remaining() < 6) {
                        throw truncated("length of " + DicomTags.describe(tag));
                    }
                    pos += 2;
                    len = u32();
                } else {
                    len = u16();
                }
            } else {
                len = u32();
                vr = DicomTags.KNOWN_SEQUENCES.contains(tag) ? "SQ" : tag == DicomTags.PIXEL_DATA ? "OW" : "UN";
            }
            boolean undefined = len == 0xFFFFFFFFL;
            if (undefined) {
                if (tag == DicomTags.PIXEL_DATA) {
                    ds.put(readEncapsulated(tag, vr));
                    return true;
                }
                if (!"SQ".equals(vr) && !"UN".equals(vr)) {
                    throw ImageIOException.badField(file, DicomTags.describe(tag), "a defined length for VR " + vr,
                            "undefined length (FFFFFFFF)");
                }
                boolean saveExplicit = explicit;
                boolean saveBig = bigEndian;
                if ("UN".equals(vr)) {
                    // An undefined-length UN is a sequence encoded in implicit VR little endian (PS3.5 6.2.2).
                    explicit = false;
                    bigEndian = false;
                }
                List<DicomDataset> items = readItems(tag, -1, depth);
                explicit = saveExplicit;
                bigEndian = saveBig;
                ds.put(new DicomElement(tag, "SQ", b, pos, 0, bigEndian, items, List.of(), null));
                return true;
            }
            if (len > remaining()) {
                throw new ImageIOException(file, Problem.TRUNCATED, "element " + DicomTags.describe(tag)
                        + ": expected " + len + " value bytes at offset " + pos + ", found " + remaining());
            }
            int n = (int) len;
            if ("SQ".equals(vr)) {
                int start = pos;
                List<DicomDataset> items = readItems(tag, start + n, depth);
                pos = start + n;
                ds.put(new DicomElement(tag, vr, b, start, n, bigEndian, items, List.of(), null));
                return true;
            }
            ds.put(new DicomElement(tag, vr, b, pos, n, bigEndian, List.of(), List.of(), null));
            pos += n;
            return true;
        }

        private List<DicomDataset> readItems(int seqTag, int limit, int depth) throws ImageIOException {
            if (depth >= MAX_DEPTH) {
                throw ImageIOException.badField(file, DicomTags.describe(seqTag), "sequences nested at most "
                        + MAX_DEPTH + " deep", "deeper nesting");
            }
            List<DicomDataset> items = new ArrayList<>();
            int seqEnd = limit < 0 ? end : limit;
            while (limit < 0 || pos < limit) {
                if (seqEnd - pos < 8) {
                    throw truncated("item of sequence " + DicomTags.describe(seqTag));
                }
                int tag = tag();
                long len = u32();
                if (tag == DicomTags.SEQUENCE_DELIMITATION) {
                    break;
                }
                if (tag != DicomTags.ITEM) {
                    throw ImageIOException.badField(file, "sequence " + DicomTags.describe(seqTag),
                            "item tag (FFFE,E000)", DicomTags.describe(tag) + " at offset " + (pos - 8));
                }
                DicomDataset item = new DicomDataset(file);
                if (len == 0xFFFFFFFFL) {
                    int before = pos;
                    boolean delimited = false;
                    while (pos < seqEnd) {
                        if (!readElement(item, depth + 1, true)) {
                            delimited = true;
                            break;
                        }
                    }
                    if (!delimited) {
                        pos = Math.max(pos, before);
                        throw truncated("item of sequence " + DicomTags.describe(seqTag) + " (no item delimiter)");
                    }
                } else {
                    if (len > seqEnd - pos) {
                        throw new ImageIOException(file, Problem.TRUNCATED, "item of sequence "
                                + DicomTags.describe(seqTag) + ": expected " + len + " bytes at offset " + pos
                                + ", found " + (seqEnd - pos));
                    }
                    int itemEnd = pos + (int) len;
                    readDataset(item, itemEnd, depth + 1, false);
                    pos = itemEnd;
                }
                items.add(item);
            }
            return items;
        }

        private DicomElement readEncapsulated(int tag, String vr) throws ImageIOException {
            List<DicomElement.Fragment> fragments = new ArrayList<>();
            DicomElement.Fragment table = null;
            boolean first = true;
            while (true) {
                if (remaining() < 8) {
                    throw truncated("encapsulated pixel data (no sequence delimiter)");
                }
                int itemTag = tag();
                long len = u32();
                if (itemTag == DicomTags.SEQUENCE_DELIMITATION) {
                    break;
                }
                if (itemTag != DicomTags.ITEM) {
                    throw ImageIOException.badField(file, DicomTags.describe(tag) + " fragment",
                            "item tag (FFFE,E000)", DicomTags.describe(itemTag) + " at offset " + (pos - 8));
                }
                if (len > remaining()) {
                    throw new ImageIOException(file, Problem.TRUNCATED, "pixel data fragment: expected " + len
                            + " bytes at offset " + pos + ", found " + remaining());
                }
                DicomElement.Fragment f = new DicomElement.Fragment(b, pos, (int) len);
                if (first) {
                    table = f;
                    first = false;
                } else {
                    fragments.add(f);
                }
                pos += (int) len;
            }
            return new DicomElement(tag, vr, b, pos, -1, bigEndian, List.of(), List.copyOf(fragments), table);
        }
    }

    private static boolean longLengthVr(String vr) {
        return switch (vr) {
            case "OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV" -> true;
            default -> false;
        };
    }
}
