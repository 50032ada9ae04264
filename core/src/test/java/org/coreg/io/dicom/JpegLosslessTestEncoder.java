package org.coreg.io.dicom;

import java.io.ByteArrayOutputStream;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * A small JPEG lossless (process 14) encoder for tests and benchmarks: one component, any predictor 1..7, point
 * transform, optional restart interval, and a Huffman table whose code lengths follow the observed category
 * frequencies. Written from ITU T.81 (Annex H), independent of the decoder under test except for the standard.
 */
public final class JpegLosslessTestEncoder {
    private JpegLosslessTestEncoder() {
    }

    public static byte[] encode(int[] samples, int width, int height, int precision, int predictor, int restart,
                                int pt) {
        int n = width * height;
        int[] x = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = samples[i] >> pt;
        }
        int[] cat = new int[n];
        int[] diff = new int[n];
        int initial = 1 << (precision - pt - 1);
        int intervalStart = 0;
        int intervalRow = 0;
        for (int i = 0; i < n; i++) {
            if (restart > 0 && i > 0 && i % restart == 0) {
                intervalStart = i;
                intervalRow = i / width;
            }
            int col = i % width;
            int row = i / width;
            int pred;
            if (i == intervalStart) {
                pred = initial;
            } else if (row == intervalRow) {
                pred = x[i - 1];
            } else if (col == 0) {
                pred = x[i - width];
            } else {
                int ra = x[i - 1];
                int rb = x[i - width];
                int rc = x[i - width - 1];
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
            int d = (x[i] - pred) & 0xFFFF;
            if (d >= 32768) {
                d -= 65536;
            }
            diff[i] = d;
            cat[i] = d == 0 ? 0 : d == -32768 ? 16 : 32 - Integer.numberOfLeadingZeros(Math.abs(d));
        }
        // Symbols by falling frequency get lengths 2,2,3,3,...,9,9,10 (Kraft sum < 1, so no all-ones code).
        long[] freq = new long[17];
        for (int c : cat) {
            freq[c]++;
        }
        Integer[] order = IntStream.range(0, 17).boxed().sorted(Comparator.comparingLong((Integer s) -> -freq[s])
                .thenComparingInt(s -> s)).toArray(Integer[]::new);
        int[] counts = new int[17];
        int[] lengthOf = new int[17];
        for (int r = 0; r < 17; r++) {
            int len = r == 16 ? 10 : 2 + r / 2;
            counts[len]++;
            lengthOf[order[r]] = len;
        }
        int[] codeOf = new int[17];
        int code = 0;
        int r = 0;
        for (int len = 1; len <= 16; len++) {
            for (int k = 0; k < counts[len]; k++) {
                codeOf[order[r++]] = code++;
            }
            code <<= 1;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(n);
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8});
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xC3, 0, 11, (byte) precision, (byte) (height >> 8),
            (byte) height, (byte) (width >> 8), (byte) width, 1, 1, 0x11, 0});
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xC4, 0, (byte) (2 + 1 + 16 + 17), 0});
        for (int len = 1; len <= 16; len++) {
            out.write(counts[len]);
        }
        for (Integer s : order) {
            out.write(s);
        }
        if (restart > 0) {
            out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xDD, 0, 4, (byte) (restart >> 8), (byte) restart});
        }
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xDA, 0, 8, 1, 1, 0, (byte) predictor, 0, (byte) pt});
        BitWriter bw = new BitWriter(out);
        int marker = 0;
        for (int i = 0; i < n; i++) {
            if (restart > 0 && i > 0 && i % restart == 0) {
                bw.flush();
                out.writeBytes(new byte[] {(byte) 0xFF, (byte) (0xD0 + (marker++ & 7))});
            }
            int c = cat[i];
            bw.put(codeOf[c], lengthOf[c]);
            if (c > 0 && c < 16) {
                int d = diff[i];
                bw.put((d > 0 ? d : d - 1) & ((1 << c) - 1), c);
            }
        }
        bw.flush();
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD9});
        return out.toByteArray();
    }

    private static final class BitWriter {
        private final ByteArrayOutputStream out;
        private long acc;
        private int bits;

        BitWriter(ByteArrayOutputStream out) {
            this.out = out;
        }

        void put(int value, int len) {
            acc = (acc << len) | (value & ((1L << len) - 1));
            bits += len;
            while (bits >= 8) {
                emit((int) (acc >>> (bits - 8)) & 0xFF);
                bits -= 8;
            }
        }

        void flush() {
            if (bits > 0) {
                put((1 << (8 - bits)) - 1, 8 - bits);
            }
            acc = 0;
        }

        private void emit(int b) {
            out.write(b);
            if (b == 0xFF) {
                out.write(0);
            }
        }
    }
}
