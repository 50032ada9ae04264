package org.coreg.io.nifti;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.coreg.io.ImageIOException;

/**
 * Converts between header bytes and {@link NiftiHeader}, at the byte offsets of the NIfTI-1 (348-byte) and
 * NIfTI-2 (540-byte) layouts. Decoding checks only what identifies the layout (sizeof_hdr and magic); the
 * values are checked by {@link NiftiHeaderCheck}.
 */
final class NiftiHeaderCodec {
    private NiftiHeaderCodec() {
    }

    /** Layout and byte order named by the first four bytes (sizeof_hdr), or null if they name neither. */
    static Layout detect(byte[] head) {
        if (head.length < 4) {
            return null;
        }
        for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            int size = ByteBuffer.wrap(head, 0, 4).order(order).getInt();
            for (NiftiVersion v : NiftiVersion.values()) {
                if (size == v.headerSize()) {
                    return new Layout(v, order);
                }
            }
        }
        return null;
    }

    /** A header layout and the byte order it is stored in. */
    record Layout(NiftiVersion version, ByteOrder order) {
    }

    /** True when {@code head} starts with a NIfTI-1 or NIfTI-2 header (sizeof_hdr and magic agree). */
    static boolean looksLikeNifti(byte[] head) {
        Layout l = detect(head);
        if (l == null || head.length < l.version().headerSize()) {
            return false;
        }
        String m = magicAt(head, l.version());
        return m.equals(l.version().singleFileMagic()) || m.equals(l.version().pairMagic());
    }

    private static String magicAt(byte[] h, NiftiVersion v) {
        int at = v == NiftiVersion.NIFTI1 ? 344 : 4;
        return cString(h, at, 4);
    }

    /**
     * Decodes a whole header.
     *
     * @param h at least {@code layout.version().headerSize()} bytes
     * @throws ImageIOException WRONG_FORMAT if the magic does not match the layout
     */
    static NiftiHeader decode(byte[] h, Layout layout, Path file) throws ImageIOException {
        NiftiVersion v = layout.version();
        String magic = magicAt(h, v);
        boolean single = magic.equals(v.singleFileMagic());
        if (!single && !magic.equals(v.pairMagic())) {
            throw new ImageIOException(file, ImageIOException.Problem.WRONG_FORMAT, "field magic: expected \""
                    + v.singleFileMagic() + "\" or \"" + v.pairMagic() + "\" (" + v + "), found \""
                    + printable(magic) + "\"");
        }
        ByteBuffer b = ByteBuffer.wrap(h).order(layout.order());
        return v == NiftiVersion.NIFTI1 ? decode1(b, layout.order(), single) : decode2(b, layout.order(), single);
    }

    private static NiftiHeader decode1(ByteBuffer b, ByteOrder order, boolean single) {
        long[] dim = new long[8];
        double[] pixdim = new double[8];
        for (int i = 0; i < 8; i++) {
            dim[i] = b.getShort(40 + 2 * i);
            pixdim[i] = b.getFloat(76 + 4 * i);
        }
        double[] srow = new double[12];
        for (int i = 0; i < 12; i++) {
            srow[i] = b.getFloat(280 + 4 * i);
        }
        return new NiftiHeader(NiftiVersion.NIFTI1, order, single, dim, b.getShort(70), b.getShort(72), pixdim,
                (long) Math.floor(finiteOr(b.getFloat(108), -1)), b.getFloat(112), b.getFloat(116),
                b.get(123) & 0xff, b.getShort(252), b.getShort(254),
                new double[] {b.getFloat(256), b.getFloat(260), b.getFloat(264)},
                new double[] {b.getFloat(268), b.getFloat(272), b.getFloat(276)}, srow,
                cString(b.array(), 148, 80));
    }

    private static NiftiHeader decode2(ByteBuffer b, ByteOrder order, boolean single) {
        long[] dim = new long[8];
        double[] pixdim = new double[8];
        for (int i = 0; i < 8; i++) {
            dim[i] = b.getLong(16 + 8 * i);
            pixdim[i] = b.getDouble(104 + 8 * i);
        }
        double[] srow = new double[12];
        for (int i = 0; i < 12; i++) {
            srow[i] = b.getDouble(400 + 8 * i);
        }
        return new NiftiHeader(NiftiVersion.NIFTI2, order, single, dim, b.getShort(12), b.getShort(14), pixdim,
                b.getLong(168), b.getDouble(176), b.getDouble(184), b.getInt(500), b.getInt(344), b.getInt(348),
                new double[] {b.getDouble(352), b.getDouble(360), b.getDouble(368)},
                new double[] {b.getDouble(376), b.getDouble(384), b.getDouble(392)}, srow,
                cString(b.array(), 240, 80));
    }

    /** NIfTI intent_code (NIfTI-1 short at byte 68, NIfTI-2 int at byte 504); not part of {@link NiftiHeader}. */
    static int intentCode(byte[] h, Layout layout) {
        ByteBuffer b = ByteBuffer.wrap(h).order(layout.order());
        return layout.version() == NiftiVersion.NIFTI1 ? b.getShort(68) : b.getInt(504);
    }

    /** Sets intent_code and intent_name in encoded header bytes ({@link #encode}'s output). */
    static void putIntent(byte[] h, NiftiVersion v, ByteOrder order, int code, String name) {
        ByteBuffer b = ByteBuffer.wrap(h).order(order);
        if (v == NiftiVersion.NIFTI1) {
            b.putShort(68, (short) code);
            putString(b, 328, 16, name);
        } else {
            b.putInt(504, code);
            putString(b, 508, 16, name);
        }
    }

    /** Encodes a header: exactly {@code headerSize()} bytes (no extension flags). */
    static byte[] encode(NiftiHeader hd) {
        NiftiVersion v = hd.version();
        ByteBuffer b = ByteBuffer.allocate(v.headerSize()).order(hd.order());
        b.putInt(0, v.headerSize());
        if (v == NiftiVersion.NIFTI1) {
            b.put(38, (byte) 'r'); // "regular", expected by some Analyze-era readers
            for (int i = 0; i < 8; i++) {
                b.putShort(40 + 2 * i, (short) hd.dim()[i]);
                b.putFloat(76 + 4 * i, (float) hd.pixdim()[i]);
            }
            b.putShort(70, (short) hd.datatype()).putShort(72, (short) hd.bitpix());
            b.putFloat(108, hd.voxOffset()).putFloat(112, (float) hd.sclSlope()).putFloat(116, (float) hd.sclInter());
            b.put(123, (byte) hd.xyztUnits());
            putString(b, 148, 80, hd.descrip());
            b.putShort(252, (short) hd.qformCode()).putShort(254, (short) hd.sformCode());
            for (int i = 0; i < 3; i++) {
                b.putFloat(256 + 4 * i, (float) hd.quatern()[i]);
                b.putFloat(268 + 4 * i, (float) hd.qoffset()[i]);
            }
            for (int i = 0; i < 12; i++) {
                b.putFloat(280 + 4 * i, (float) hd.srow()[i]);
            }
            putString(b, 344, 4, hd.magic());
        } else {
            putString(b, 4, 8, hd.magic() + "\0\r\n\u001a\n");
            b.putShort(12, (short) hd.datatype()).putShort(14, (short) hd.bitpix());
            for (int i = 0; i < 8; i++) {
                b.putLong(16 + 8 * i, hd.dim()[i]);
                b.putDouble(104 + 8 * i, hd.pixdim()[i]);
            }
            b.putLong(168, hd.voxOffset()).putDouble(176, hd.sclSlope()).putDouble(184, hd.sclInter());
            putString(b, 240, 80, hd.descrip());
            b.putInt(344, hd.qformCode()).putInt(348, hd.sformCode());
            for (int i = 0; i < 3; i++) {
                b.putDouble(352 + 8 * i, hd.quatern()[i]);
                b.putDouble(376 + 8 * i, hd.qoffset()[i]);
            }
            for (int i = 0; i < 12; i++) {
                b.putDouble(400 + 8 * i, hd.srow()[i]);
            }
            b.putInt(500, hd.xyztUnits());
        }
        return b.array();
    }

    private static double finiteOr(float v, double fallback) {
        return Float.isFinite(v) ? v : fallback;
    }

    /** Characters up to the first NUL (ISO-8859-1), at most {@code max}. */
    private static String cString(byte[] a, int at, int max) {
        int n = 0;
        while (n < max && at + n < a.length && a[at + n] != 0) {
            n++;
        }
        return new String(a, at, n, StandardCharsets.ISO_8859_1);
    }

    private static void putString(ByteBuffer b, int at, int max, String s) {
        byte[] bytes = (s == null ? "" : s).getBytes(StandardCharsets.ISO_8859_1);
        int n = Math.min(bytes.length, max - (max == 80 ? 1 : 0));
        for (int i = 0; i < n; i++) {
            b.put(at + i, bytes[i]);
        }
    }

    /** The magic as printable text, non-printing bytes escaped. */
    static String printable(String s) {
        StringBuilder r = new StringBuilder();
        for (char c : s.toCharArray()) {
            r.append(c >= 32 && c < 127 ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return r.toString();
    }
}
