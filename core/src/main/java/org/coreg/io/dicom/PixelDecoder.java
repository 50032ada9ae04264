package org.coreg.io.dicom;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.coreg.image.VoxelData;
import org.coreg.io.ImageIOException;
import org.coreg.io.ImageIOException.Problem;

/**
 * Turns the pixel data of a parsed DICOM file into stored values: native (any byte order), RLE Lossless, JPEG
 * lossless process 14 (own decoders), 8-bit JPEG baseline/extended (through javax.imageio) and JPEG 2000 lossless
 * and lossy ({@link Jpeg2000Decoder}, jai-imageio's JJ2000), JPEG-LS lossless and near-lossless
 * ({@link JpegLsDecoder}, own). Other transfer
 * syntaxes are refused with UNSUPPORTED naming the file and the transfer syntax UID.
 */
public final class PixelDecoder {
    private PixelDecoder() {
    }

    /** True when this reader can decode pixel data in {@code ts} (JPEG baseline only for 8-bit samples). */
    public static boolean canDecode(TransferSyntax ts) {
        return switch (ts.codec()) {
            case NATIVE, RLE, JPEG_LOSSLESS, JPEG_BASELINE, JPEG_EXTENDED, JPEG_2000, JPEG_LS -> true;
            default -> false;
        };
    }

    /** The UNSUPPORTED error for pixel data in a transfer syntax this reader cannot decode. */
    public static ImageIOException unsupportedSyntax(Path file, TransferSyntax ts) {
        return ImageIOException.unsupported(file, DicomTags.describe(DicomTags.TRANSFER_SYNTAX_UID),
                "uncompressed, deflated, RLE Lossless, JPEG Lossless (process 14), 8-bit JPEG baseline, JPEG 2000 or"
                        + " JPEG-LS",
                ts.uid() + " (" + ts.name() + ")");
    }

    /**
     * Decodes frame {@code frame} of {@code f} into {@code dst} starting at flat index {@code dstOffset}, as stored
     * values (bits above Bits Stored dropped, sign-extended when signed).
     */
    public static void decodeFrame(DicomFile f, PixelFormat pf, int frame, VoxelData dst, int dstOffset)
            throws ImageIOException {
        Path file = f.file();
        DicomElement px = f.dataset().element(DicomTags.PIXEL_DATA);
        if (px == null) {
            throw ImageIOException.badField(file, DicomTags.describe(DicomTags.PIXEL_DATA), "pixel data",
                    "no such element (missing tag)");
        }
        TransferSyntax ts = f.syntax();
        if (!canDecode(ts)) {
            throw unsupportedSyntax(file, ts);
        }
        if (!ts.encapsulated()) {
            if (px.isEncapsulated()) {
                throw ImageIOException.badField(file, DicomTags.describe(DicomTags.PIXEL_DATA),
                        "native pixel data for " + ts.name(), "encapsulated fragments");
            }
            decodeNative(file, px, pf, frame, dst, dstOffset, ts.bigEndian());
            return;
        }
        if (!px.isEncapsulated()) {
            throw ImageIOException.badField(file, DicomTags.describe(DicomTags.PIXEL_DATA),
                    "encapsulated fragments for " + ts.name(), "native pixel data of " + px.length() + " bytes");
        }
        byte[] data = frameBytes(file, px, pf.frames(), frame);
        int[] samples = new int[pf.pixelsPerFrame()];
        try {
            switch (ts.codec()) {
                case RLE -> RleDecoder.decode(file, data, 0, data.length, samples.length, pf.bitsAllocated() / 8,
                        samples);
                case JPEG_LOSSLESS -> JpegLosslessDecoder.decode(file, data, 0, data.length, pf, samples);
                case JPEG_BASELINE, JPEG_EXTENDED -> decodeWithImageIo(file, ts, data, pf, samples);
                case JPEG_2000 -> Jpeg2000Decoder.decode(file, ts, data, pf, samples);
                case JPEG_LS -> JpegLsDecoder.decode(file, data, 0, data.length, pf, samples);
                default -> throw unsupportedSyntax(file, ts);
            }
        } catch (IndexOutOfBoundsException e) {
            // The decoders check lengths; this is the last line of defence against a malformed stream.
            throw new ImageIOException(file, Problem.CORRUPT_COMPRESSION, "field (7FE0,0010) PixelData: "
                    + ts.name() + " data is corrupt (" + e.getMessage() + ")", e);
        }
        store(samples, pf, dst, dstOffset);
    }

    private static void store(int[] samples, PixelFormat pf, VoxelData dst, int off) {
        switch (dst.array()) {
            case short[] a -> {
                for (int i = 0; i < samples.length; i++) {
                    a[off + i] = (short) pf.normalize(samples[i]);
                }
            }
            case byte[] a -> {
                for (int i = 0; i < samples.length; i++) {
                    a[off + i] = (byte) pf.normalize(samples[i]);
                }
            }
            case int[] a -> {
                for (int i = 0; i < samples.length; i++) {
                    a[off + i] = pf.normalize(samples[i]);
                }
            }
            default -> throw new IllegalStateException("unexpected array " + dst.array());
        }
    }

    private static void decodeNative(Path file, DicomElement px, PixelFormat pf, int frame, VoxelData dst,
                                     int dstOffset, boolean bigEndian) throws ImageIOException {
        long frameBytes = pf.frameBytes();
        long need = frameBytes * pf.frames();
        if (px.length() < need) {
            throw new ImageIOException(file, Problem.TRUNCATED, "field " + DicomTags.describe(DicomTags.PIXEL_DATA)
                    + ": expected " + need + " bytes (" + pf.frames() + " frame(s) of " + pf.columns() + " x "
                    + pf.rows() + " x " + pf.bitsAllocated() + " bits), found " + px.length());
        }
        int n = pf.pixelsPerFrame();
        ByteBuffer b = ByteBuffer.wrap(px.buffer(), px.offset() + (int) (frameBytes * frame), (int) frameBytes)
                .order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        switch (pf.bitsAllocated()) {
            case 8 -> b.get((byte[]) dst.array(), dstOffset, n);
            case 16 -> b.asShortBuffer().get((short[]) dst.array(), dstOffset, n);
            default -> b.asIntBuffer().get((int[]) dst.array(), dstOffset, n);
        }
        if (pf.bitsStored() < pf.bitsAllocated()) {
            normalizeInPlace(pf, dst, dstOffset, n);
        }
    }

    private static void normalizeInPlace(PixelFormat pf, VoxelData dst, int from, int n) {
        switch (dst.array()) {
            case short[] a -> {
                for (int i = from; i < from + n; i++) {
                    a[i] = (short) pf.normalize(a[i] & 0xFFFF);
                }
            }
            case byte[] a -> {
                for (int i = from; i < from + n; i++) {
                    a[i] = (byte) pf.normalize(a[i] & 0xFF);
                }
            }
            case int[] a -> {
                for (int i = from; i < from + n; i++) {
                    a[i] = pf.normalize(a[i]);
                }
            }
            default -> throw new IllegalStateException("unexpected array " + dst.array());
        }
    }

    /**
     * The compressed bytes of one frame: by the basic offset table when present, one fragment per frame when the
     * counts agree, else fragments grouped where a compressed image starts; a single frame is all fragments.
     */
    static byte[] frameBytes(Path file, DicomElement px, int frames, int frame) throws ImageIOException {
        List<DicomElement.Fragment> frags = px.fragments();
        if (frags.isEmpty()) {
            throw ImageIOException.badField(file, DicomTags.describe(DicomTags.PIXEL_DATA),
                    "at least one fragment", "none");
        }
        List<DicomElement.Fragment> mine = new ArrayList<>();
        if (frames == 1) {
            mine.addAll(frags);
        } else if (px.offsetTable() != null && px.offsetTable().length() >= 4 * frames) {
            DicomElement.Fragment t = px.offsetTable();
            long start = ByteOrderUtil.read(t.buffer(), t.offset() + 4 * frame, 4, false);
            long stop = frame + 1 < frames ? ByteOrderUtil.read(t.buffer(), t.offset() + 4 * frame + 4, 4, false)
                    : Long.MAX_VALUE;
            long at = 0;
            for (DicomElement.Fragment g : frags) {
                if (at >= start && at < stop) {
                    mine.add(g);
                }
                at += 8 + g.length();
            }
        } else if (frags.size() == frames) {
            mine.add(frags.get(frame));
        } else {
            int index = -1;
            for (DicomElement.Fragment g : frags) {
                if (startsImage(g)) {
                    index++;
                }
                if (index == frame) {
                    mine.add(g);
                }
            }
        }
        if (mine.isEmpty()) {
            throw ImageIOException.badField(file, DicomTags.describe(DicomTags.PIXEL_DATA),
                    "fragments for frame " + (frame + 1) + " of " + frames, frags.size() + " fragment(s) in total");
        }
        if (mine.size() == 1) {
            DicomElement.Fragment g = mine.getFirst();
            return java.util.Arrays.copyOfRange(g.buffer(), g.offset(), g.offset() + g.length());
        }
        int total = mine.stream().mapToInt(DicomElement.Fragment::length).sum();
        byte[] out = new byte[total];
        int at = 0;
        for (DicomElement.Fragment g : mine) {
            System.arraycopy(g.buffer(), g.offset(), out, at, g.length());
            at += g.length();
        }
        return out;
    }

    /**
     * True when a fragment begins a compressed image: the JPEG and JPEG-LS start-of-image marker FFD8, the JPEG 2000
     * start-of-codestream marker FF4F, or a JP2 file's signature box.
     */
    private static boolean startsImage(DicomElement.Fragment g) {
        byte[] b = g.buffer();
        int o = g.offset();
        if (g.length() < 2 || (b[o] & 0xFF) != 0xFF && g.length() < 8) {
            return false;
        }
        int second = b[o + 1] & 0xFF;
        if ((b[o] & 0xFF) == 0xFF) {
            return second == 0xD8 || second == 0x4F;
        }
        return b[o] == 0 && b[o + 1] == 0 && b[o + 2] == 0 && b[o + 3] == 0x0C && b[o + 4] == 'j' && b[o + 5] == 'P'
                && b[o + 6] == ' ' && b[o + 7] == ' ';
    }

    private static void decodeWithImageIo(Path file, TransferSyntax ts, byte[] data, PixelFormat pf, int[] out)
            throws ImageIOException {
        BufferedImage img;
        try {
            img = ImageIO.read(new ByteArrayInputStream(data));
        } catch (IOException | RuntimeException e) {
            throw new ImageIOException(file, Problem.UNSUPPORTED, "field "
                    + DicomTags.describe(DicomTags.TRANSFER_SYNTAX_UID) + ": javax.imageio cannot decode this "
                    + ts.name() + " (" + ts.uid() + ") frame of " + pf.bitsStored() + "-bit samples ("
                    + e.getMessage() + "); only 8-bit JPEG is supported (not supported)", e);
        }
        if (img == null) {
            throw new ImageIOException(file, Problem.CORRUPT_COMPRESSION, "field (7FE0,0010) PixelData: no JPEG"
                    + " image in " + ts.name() + " (" + ts.uid() + ") fragment");
        }
        if (img.getWidth() != pf.columns() || img.getHeight() != pf.rows()) {
            throw ImageIOException.badField(file, "(7FE0,0010) PixelData JPEG frame size",
                    pf.columns() + " x " + pf.rows() + " (Columns x Rows)", img.getWidth() + " x " + img.getHeight());
        }
        Raster r = img.getRaster();
        r.getSamples(0, 0, pf.columns(), pf.rows(), 0, out);
    }
}
