package org.coreg.io.dicom;

import java.nio.file.Path;
import org.coreg.io.ImageIOException;
import org.coreg.io.ImageIOException.Problem;

/**
 * Decodes one grey-scale frame of JPEG lossless (ITU T.81 process 14, Huffman coded, predictors 1 to 7, point
 * transform and restart intervals), the encoding of DICOM transfer syntaxes 1.2.840.10008.1.2.4.57 and .70.
 */
final class JpegLosslessDecoder extends JpegSegmentReader {
    private static final int LOOKUP_BITS = JpegHuffmanTable.LOOKUP_BITS;
    private static final int FAST_BITS = JpegHuffmanTable.FAST_BITS;

    private final JpegHuffmanTable[] tables = new JpegHuffmanTable[4];
    private int restartInterval;
    private int precision;
    private int width;
    private int height;

    // Bit reader state.
    private long acc;
    private int nbits;
    private long realBits;
    private long usedBits;

    private JpegLosslessDecoder(Path file, byte[] d, int off, int len) {
        super(file, d, off, len);
    }

    /**
     * Decodes a frame into {@code out} (raw sample patterns, row by row).
     *
     * @throws ImageIOException UNSUPPORTED for other JPEG processes or colour, CORRUPT_COMPRESSION for bad data,
     *                          BAD_FIELD when the frame size disagrees with Rows/Columns
     */
    static void decode(Path file, byte[] data, int off, int len, PixelFormat pf, int[] out) throws ImageIOException {
        new JpegLosslessDecoder(file, data, off, len).run(pf, out);
    }

    private void run(PixelFormat pf, int[] out) throws ImageIOException {
        skipStartOfImage();
        boolean frameSeen = false;
        while (true) {
            int marker = nextMarker();
            switch (marker) {
                case 0xD9 -> throw corrupt("image ends (EOI) before any scan");
                case 0xC3 -> {
                    readFrameHeader(pf);
                    frameSeen = true;
                }
                case 0xC4 -> readHuffmanTables();
                case 0xDD -> {
                    int l = segmentLength();
                    if (l < 4) {
                        throw corrupt("DRI segment length " + l);
                    }
                    restartInterval = u16(p + 2);
                    p += l;
                }
                case 0xDA -> {
                    if (!frameSeen) {
                        throw corrupt("scan (SOS) before the frame header (SOF3)");
                    }
                    decodeScan(out);
                    return;
                }
                case 0xC0, 0xC1, 0xC2, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF ->
                        throw new ImageIOException(file, Problem.UNSUPPORTED, "field (7FE0,0010) PixelData: expected"
                                + " JPEG lossless process 14 (SOF3), found SOF marker FF" + Integer.toHexString(marker)
                                .toUpperCase(java.util.Locale.ROOT) + " (not supported)");
                default -> p += segmentLength();
            }
        }
    }

    private void readFrameHeader(PixelFormat pf) throws ImageIOException {
        Frame f = frameHeader(pf, "SOF3", "(7FE0,0010) PixelData JPEG frame size");
        precision = f.precision();
        width = f.width();
        height = f.height();
    }

    @Override
    ImageIOException componentsRefused(int comps) {
        return new ImageIOException(file, Problem.UNSUPPORTED, "field (7FE0,0010) PixelData: expected one JPEG"
                + " component (grey-scale), found " + comps + " (not supported)");
    }

    private void readHuffmanTables() throws ImageIOException {
        int l = segmentLength();
        int q = p + 2;
        int segEnd = p + l;
        while (q < segEnd) {
            int tcth = d[q++] & 0xFF;
            int th = tcth & 0x0F;
            if (th > 3 || q + 16 > segEnd) {
                throw corrupt("Huffman table header");
            }
            int[] counts = new int[17];
            int total = 0;
            for (int i = 1; i <= 16; i++) {
                counts[i] = d[q++] & 0xFF;
                total += counts[i];
            }
            if (q + total > segEnd || total > 256) {
                throw corrupt("Huffman table of " + total + " symbols overruns its segment");
            }
            int[] symbols = new int[total];
            for (int i = 0; i < total; i++) {
                symbols[i] = d[q++] & 0xFF;
            }
            tables[th] = new JpegHuffmanTable(counts, symbols);
        }
        p = segEnd;
    }

    private void decodeScan(int[] out) throws ImageIOException {
        int l = segmentLength();
        if (l < 8) {
            throw corrupt("SOS segment length " + l);
        }
        int ns = d[p + 2] & 0xFF;
        if (ns != 1) {
            throw corrupt("scan with " + ns + " components");
        }
        int td = (d[p + 4] & 0xFF) >> 4;
        int predictor = d[p + 5 + 0] & 0xFF;
        int pt = d[p + 7] & 0x0F;
        if (predictor < 1 || predictor > 7) {
            throw corrupt("predictor (Ss) " + predictor + " outside 1..7");
        }
        if (pt >= precision) {
            throw corrupt("point transform " + pt + " not below precision " + precision);
        }
        JpegHuffmanTable t = tables[td];
        if (t == null) {
            throw corrupt("scan uses Huffman table " + td + ", which is not defined");
        }
        p += l;
        int initial = 1 << (precision - pt - 1);
        int total = width * height;
        if (restartInterval == 0) {
            decodeWithoutRestarts(t, predictor, initial, out);
        } else {
            decodeWithRestarts(t, predictor, initial, out);
        }
        if (usedBits > realBits) {
            throw corrupt("entropy-coded data ends " + ((usedBits - realBits + 7) / 8) + " byte(s) early");
        }
        if (pt > 0) {
            for (int i = 0; i < total; i++) {
                out[i] <<= pt;
            }
        }
    }

    /** The common case: rows as loops, with the first-order predictor (SV1) specialised. */
    private void decodeWithoutRestarts(JpegHuffmanTable t, int predictor, int initial, int[] out)
            throws ImageIOException {
        out[0] = (initial + decodeDiff(t)) & 0xFFFF;
        for (int x = 1; x < width; x++) {
            out[x] = (out[x - 1] + decodeDiff(t)) & 0xFFFF;
        }
        for (int y = 1; y < height; y++) {
            int i = y * width;
            out[i] = (out[i - width] + decodeDiff(t)) & 0xFFFF;
            int rowEnd = i + width;
            if (predictor == 1) {
                for (i++; i < rowEnd; i++) {
                    out[i] = (out[i - 1] + decodeDiff(t)) & 0xFFFF;
                }
                continue;
            }
            for (i++; i < rowEnd; i++) {
                int ra = out[i - 1];
                int rb = out[i - width];
                int rc = out[i - width - 1];
                int pred = switch (predictor) {
                    case 2 -> rb;
                    case 3 -> rc;
                    case 4 -> ra + rb - rc;
                    case 5 -> ra + ((rb - rc) >> 1);
                    case 6 -> rb + ((ra - rc) >> 1);
                    default -> (ra + rb) >> 1;
                };
                out[i] = (pred + decodeDiff(t)) & 0xFFFF;
            }
        }
    }

    private void decodeWithRestarts(JpegHuffmanTable t, int predictor, int initial, int[] out) throws ImageIOException {
        int total = width * height;
        int sinceRestart = 0;
        int intervalStart = 0;
        int intervalRow = 0;
        for (int i = 0; i < total; i++) {
            if (restartInterval > 0 && sinceRestart == restartInterval) {
                restart();
                sinceRestart = 0;
                intervalStart = i;
                intervalRow = i / width;
            }
            int x = i % width;
            int y = i / width;
            int pred;
            if (i == intervalStart) {
                pred = initial;
            } else if (y == intervalRow) {
                pred = out[i - 1];
            } else if (x == 0) {
                pred = out[i - width];
            } else {
                int ra = out[i - 1];
                int rb = out[i - width];
                int rc = out[i - width - 1];
                pred = switch (predictor) {
                    case 1 -> ra;
                    case 2 -> rb;
                    case 3 -> rc;
                    case 4 -> ra + rb - rc;
                    case 5 -> ra + ((rb - rc) >> 1);
                    case 6 -> rb + ((ra - rc) >> 1);
                    default -> (ra + rb) >> 1;
                };
            }
            out[i] = (pred + decodeDiff(t)) & 0xFFFF;
            sinceRestart++;
        }
    }

    private void restart() throws ImageIOException {
        // Discard the remaining bits of the interval, then expect RSTn.
        acc = 0;
        nbits = 0;
        usedBits = realBits;
        while (p + 1 < end && !((d[p] & 0xFF) == 0xFF && (d[p + 1] & 0xFF) >= 0xD0 && (d[p + 1] & 0xFF) <= 0xD7)) {
            p++;
        }
        if (p + 1 >= end) {
            throw corrupt("restart marker missing");
        }
        p += 2;
    }

    private int decodeDiff(JpegHuffmanTable t) throws ImageIOException {
        if (nbits < 32) {
            fill();
        }
        int fast = t.fast[(int) (acc >>> (nbits - FAST_BITS)) & ((1 << FAST_BITS) - 1)];
        if (fast != 0) {
            int len = fast >>> 16;
            nbits -= len;
            usedBits += len;
            return (short) fast;
        }
        int peek = (int) (acc >>> (nbits - LOOKUP_BITS)) & ((1 << LOOKUP_BITS) - 1);
        int entry = t.lookup[peek];
        int s;
        if (entry != 0) {
            int len = entry >>> 8;
            s = entry & 0xFF;
            nbits -= len;
            usedBits += len;
        } else {
            s = slowDecode(t);
        }
        if (s == 0) {
            return 0;
        }
        if (s == 16) {
            return 32768;
        }
        if (s > 16) {
            throw corrupt("difference category " + s + " above 16");
        }
        int bits = (int) (acc >>> (nbits - s)) & ((1 << s) - 1);
        nbits -= s;
        usedBits += s;
        return bits < (1 << (s - 1)) ? bits - (1 << s) + 1 : bits;
    }

    private int slowDecode(JpegHuffmanTable t) throws ImageIOException {
        int code = 0;
        for (int len = 1; len <= 16; len++) {
            code = (code << 1) | (int) ((acc >>> (nbits - len)) & 1);
            if (t.maxCode[len] >= 0 && code <= t.maxCode[len] && code >= t.minCode[len]) {
                nbits -= len;
                usedBits += len;
                return t.symbols[t.valPtr[len] + code - t.minCode[len]];
            }
        }
        throw corrupt("invalid Huffman code");
    }

    private void fill() {
        while (nbits <= 56) {
            int b = 0;
            if (p < end) {
                int v = d[p] & 0xFF;
                if (v != 0xFF) {
                    b = v;
                    p++;
                    realBits += 8;
                } else if (p + 1 < end && d[p + 1] == 0) {
                    b = 0xFF;
                    p += 2;
                    realBits += 8;
                }
                // Otherwise a marker: feed zeros and leave it for restart() or the end.
            }
            acc = (acc << 8) | b;
            nbits += 8;
        }
    }

    @Override
    ImageIOException corrupt(String msg) {
        return new ImageIOException(file, Problem.CORRUPT_COMPRESSION, "field (7FE0,0010) PixelData: JPEG lossless: "
                + msg);
    }
}
