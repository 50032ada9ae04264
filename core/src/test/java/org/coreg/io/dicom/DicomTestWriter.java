package org.coreg.io.dicom;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.zip.Deflater;

/**
 * A minimal DICOM writer for tests and benchmarks: elements appended in the caller's order, in implicit or
 * explicit VR, either byte order, optionally deflated; file meta with the transfer syntax. Not a general writer.
 */
public final class DicomTestWriter {
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final boolean explicit;
    private final boolean bigEndian;

    public DicomTestWriter(boolean explicit, boolean bigEndian) {
        this.explicit = explicit;
        this.bigEndian = bigEndian;
    }

    /** A data set for {@code syntax} (its VR and byte order). */
    public static DicomTestWriter forSyntax(TransferSyntax syntax) {
        return new DicomTestWriter(syntax.explicitVr(), syntax.bigEndian());
    }

    public DicomTestWriter str(int tag, String vr, String value) {
        byte[] v = value.getBytes(StandardCharsets.ISO_8859_1);
        if (v.length % 2 == 1) {
            byte[] p = new byte[v.length + 1];
            System.arraycopy(v, 0, p, 0, v.length);
            p[v.length] = (byte) ("UI".equals(vr) ? 0 : ' ');
            v = p;
        }
        return raw(tag, vr, v);
    }

    public DicomTestWriter decimals(int tag, double... values) {
        StringBuilder b = new StringBuilder();
        for (double d : values) {
            if (!b.isEmpty()) {
                b.append('\\');
            }
            String s = String.format(Locale.ROOT, "%.10g", d);
            if (s.length() > 16) {
                s = String.format(Locale.ROOT, "%.9g", d).replaceAll("0+$", "").replaceAll("\\.$", "");
            }
            b.append(s.length() > 16 ? Double.toString(d).substring(0, 16) : s.trim());
        }
        return str(tag, "DS", b.toString());
    }

    public DicomTestWriter us(int tag, int value) {
        ByteBuffer b = ByteBuffer.allocate(2).order(order());
        b.putShort((short) value);
        return raw(tag, "US", b.array());
    }

    /** An element with its value bytes as given (even length expected). */
    public DicomTestWriter raw(int tag, String vr, byte[] value) {
        header(tag, vr, value.length);
        body.writeBytes(value);
        return this;
    }

    /** 16-bit native pixel data in this writer's byte order. */
    public DicomTestWriter pixels16(short[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 2).order(order());
        b.asShortBuffer().put(values);
        return raw(DicomTags.PIXEL_DATA, "OW", b.array());
    }

    /** A sequence of items, each a writer's body; undefined lengths when asked. */
    public DicomTestWriter sequence(int tag, List<DicomTestWriter> items, boolean undefined) {
        ByteArrayOutputStream seq = new ByteArrayOutputStream();
        for (DicomTestWriter item : items) {
            byte[] content = item.body.toByteArray();
            seq.writeBytes(itemHeader(0xFFFEE000, undefined ? 0xFFFFFFFFL : content.length));
            seq.writeBytes(content);
            if (undefined) {
                seq.writeBytes(itemHeader(0xFFFEE00D, 0));
            }
        }
        if (undefined) {
            seq.writeBytes(itemHeader(0xFFFEE0DD, 0));
        }
        byte[] s = seq.toByteArray();
        header(tag, "SQ", undefined ? 0xFFFFFFFFL : s.length);
        body.writeBytes(s);
        return this;
    }

    /** Encapsulated pixel data: an empty or filled basic offset table, then one fragment per frame. */
    public DicomTestWriter encapsulated(List<byte[]> frames, boolean offsetTable) {
        header(DicomTags.PIXEL_DATA, "OB", 0xFFFFFFFFL);
        ByteBuffer table = ByteBuffer.allocate(offsetTable ? 4 * frames.size() : 0).order(ByteOrder.LITTLE_ENDIAN);
        long at = 0;
        for (byte[] f : frames) {
            if (offsetTable) {
                table.putInt((int) at);
            }
            at += 8 + f.length + (f.length % 2);
        }
        body.writeBytes(itemHeader(0xFFFEE000, table.capacity()));
        body.writeBytes(table.array());
        for (byte[] f : frames) {
            int len = f.length + (f.length % 2);
            body.writeBytes(itemHeader(0xFFFEE000, len));
            body.writeBytes(f);
            if (f.length % 2 == 1) {
                body.write(0);
            }
        }
        body.writeBytes(itemHeader(0xFFFEE0DD, 0));
        return this;
    }

    /**
     * Encapsulated pixel data of fragments as given (even lengths expected, the last may be odd); a basic offset
     * table pointing at the fragments numbered in {@code frameStarts}, or an empty one when that is null.
     */
    public DicomTestWriter encapsulatedFragments(List<byte[]> fragments, List<Integer> frameStarts) {
        header(DicomTags.PIXEL_DATA, "OB", 0xFFFFFFFFL);
        long[] offsets = new long[fragments.size()];
        long at = 0;
        for (int i = 0; i < fragments.size(); i++) {
            offsets[i] = at;
            at += 8 + fragments.get(i).length + (fragments.get(i).length % 2);
        }
        int entries = frameStarts == null ? 0 : frameStarts.size();
        ByteBuffer table = ByteBuffer.allocate(4 * entries).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < entries; i++) {
            table.putInt((int) offsets[frameStarts.get(i)]);
        }
        body.writeBytes(itemHeader(0xFFFEE000, table.capacity()));
        body.writeBytes(table.array());
        for (byte[] f : fragments) {
            body.writeBytes(itemHeader(0xFFFEE000, f.length + (f.length % 2)));
            body.writeBytes(f);
            if (f.length % 2 == 1) {
                body.write(0);
            }
        }
        body.writeBytes(itemHeader(0xFFFEE0DD, 0));
        return this;
    }

    /** The data set bytes (for items). */
    public byte[] bodyBytes() {
        return body.toByteArray();
    }

    /** A Part 10 file: optional preamble + DICM, file meta (explicit VR LE) with {@code syntaxUid}, then the body. */
    public byte[] toFile(String syntaxUid, boolean preamble, boolean deflate) {
        DicomTestWriter meta = new DicomTestWriter(true, false);
        meta.raw(0x00020001, "OB", new byte[] {0, 1});
        meta.str(0x00020002, "UI", "1.2.840.10008.5.1.4.1.1.2");
        meta.str(0x00020003, "UI", "1.2.3.4.5");
        meta.str(DicomTags.TRANSFER_SYNTAX_UID, "UI", syntaxUid);
        byte[] m = meta.bodyBytes();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (preamble) {
            out.writeBytes(new byte[128]);
            out.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        }
        DicomTestWriter group = new DicomTestWriter(true, false);
        group.raw(0x00020000, "UL", ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(m.length).array());
        out.writeBytes(group.bodyBytes());
        out.writeBytes(m);
        byte[] b = body.toByteArray();
        if (deflate) {
            Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
            d.setInput(b);
            d.finish();
            byte[] buf = new byte[b.length + 1024];
            int n = d.deflate(buf);
            d.end();
            out.write(buf, 0, n);
        } else {
            out.writeBytes(b);
        }
        return out.toByteArray();
    }

    private ByteOrder order() {
        return bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }

    private byte[] itemHeader(int tag, long len) {
        ByteBuffer b = ByteBuffer.allocate(8).order(order());
        b.putShort((short) (tag >>> 16)).putShort((short) tag).putInt((int) len);
        return b.array();
    }

    private void header(int tag, String vr, long len) {
        ByteBuffer b = ByteBuffer.allocate(12).order(order());
        b.putShort((short) (tag >>> 16)).putShort((short) tag);
        if (!explicit) {
            b.putInt((int) len);
        } else {
            b.put((byte) vr.charAt(0)).put((byte) vr.charAt(1));
            if (List.of("OB", "OD", "OF", "OL", "OW", "SQ", "UN", "UT", "UC", "UR").contains(vr)) {
                b.putShort((short) 0).putInt((int) len);
            } else {
                b.putShort((short) len);
            }
        }
        body.write(b.array(), 0, b.position());
    }
}
