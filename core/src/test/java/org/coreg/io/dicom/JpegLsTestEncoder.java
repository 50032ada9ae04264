package org.coreg.io.dicom;

import java.io.ByteArrayOutputStream;

/**
 * A minimal JPEG-LS encoder (ITU-T T.87 A.2 to A.7: regular mode, run mode with run interruption) for tests: one
 * grey-scale component, lossless or near-lossless, optionally with an LSE preset parameters segment. It shares the
 * T.87 parameter and context rules with the decoder ({@link JpegLsParameters}, {@link JpegLsContexts}); the decoder's
 * exactness is proven independently on pydicom's JPEG-LS sample.
 */
public final class JpegLsTestEncoder {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int bits;
    private int nbits;
    private boolean afterFf;

    private JpegLsTestEncoder() {
    }

    /**
     * A JPEG-LS image of {@code samples} (row by row, 0..2^precision-1). {@code maxVal} 0 keeps the default; a
     * positive one is written in an LSE segment with default thresholds.
     */
    public static byte[] encode(int[] samples, int width, int height, int precision, int near, int maxVal) {
        JpegLsTestEncoder e = new JpegLsTestEncoder();
        e.marker(0xD8);
        e.marker(0xF7);
        e.u16(11);
        e.out.write(precision);
        e.u16(height);
        e.u16(width);
        e.out.write(1);
        e.out.write(1);
        e.out.write(0x11);
        e.out.write(0);
        if (maxVal > 0) {
            e.marker(0xF8);
            e.u16(13);
            e.out.write(1);
            for (int v : new int[] {maxVal, 0, 0, 0, 0}) {
                e.u16(v);
            }
        }
        e.marker(0xDA);
        e.u16(8);
        e.out.write(1);
        e.out.write(1);
        e.out.write(0);
        e.out.write(near);
        e.out.write(0);
        e.out.write(0);
        e.scan(samples, width, height, JpegLsParameters.of(precision, near, maxVal, 0, 0, 0, 0));
        e.flush();
        e.marker(0xD9);
        return e.out.toByteArray();
    }

    private void scan(int[] s, int width, int height, JpegLsParameters prm) {
        JpegLsContexts ctx = new JpegLsContexts(prm);
        int near = prm.near();
        int[] prev = new int[width + 2];
        int[] cur = new int[width + 2];
        for (int row = 0; row < height; row++) {
            cur[0] = prev[1];
            prev[width + 1] = prev[width];
            int x = 1;
            while (x <= width) {
                int ra = cur[x - 1];
                int rb = prev[x];
                int rc = prev[x - 1];
                int rd = prev[x + 1];
                int d1 = rd - rb;
                int d2 = rb - rc;
                int d3 = rc - ra;
                if (Math.abs(d1) <= near && Math.abs(d2) <= near && Math.abs(d3) <= near) {
                    x = run(s, row * width - 1, x, width, cur, prev, ctx, prm);
                } else {
                    cur[x] = regular(s[row * width + x - 1], ra, rb, rc, d1, d2, d3, ctx, prm);
                    x++;
                }
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
    }

    private int regular(int ix, int ra, int rb, int rc, int d1, int d2, int d3, JpegLsContexts ctx,
                        JpegLsParameters prm) {
        int q1 = prm.quantize(d1);
        int q2 = prm.quantize(d2);
        int q3 = prm.quantize(d3);
        int sign = 1;
        if (q1 < 0 || q1 == 0 && (q2 < 0 || q2 == 0 && q3 < 0)) {
            q1 = -q1;
            q2 = -q2;
            q3 = -q3;
            sign = -1;
        }
        int q = (q1 * 9 + q2) * 9 + q3;
        int px = Math.clamp(JpegLsContexts.predict(ra, rb, rc) + sign * ctx.c[q], 0, prm.maxVal());
        int err = quantizeError(sign * (ix - px), prm.near());
        int rx = Math.clamp(px + sign * err * (2 * prm.near() + 1), 0, prm.maxVal());
        err = reduce(err, prm.range());
        int k = ctx.k(q);
        int m;
        if (prm.near() == 0 && k == 0 && 2 * ctx.b[q] <= -ctx.n[q]) {
            m = err >= 0 ? 2 * err + 1 : -2 * (err + 1);
        } else {
            m = err >= 0 ? 2 * err : -2 * err - 1;
        }
        golomb(m, k, prm.limit(), prm.qbpp());
        ctx.update(q, err);
        return rx;
    }

    private int run(int[] s, int base, int x, int width, int[] cur, int[] prev, JpegLsContexts ctx,
                    JpegLsParameters prm) {
        int near = prm.near();
        int ra = cur[x - 1];
        int count = 0;
        while (x + count <= width && Math.abs(s[base + x + count] - ra) <= near) {
            count++;
        }
        java.util.Arrays.fill(cur, x, x + count, ra);
        boolean endOfLine = x + count > width;
        int left = count;
        while (left >= 1 << JpegLsContexts.J[ctx.runIndex]) {
            bit(1);
            left -= 1 << JpegLsContexts.J[ctx.runIndex];
            if (ctx.runIndex < 31) {
                ctx.runIndex++;
            }
        }
        if (endOfLine) {
            if (left > 0) {
                bit(1);
            }
            return x + count;
        }
        bit(0);
        write(left, JpegLsContexts.J[ctx.runIndex]);
        int xi = x + count;
        int ix = s[base + xi];
        int rb = prev[xi];
        int riType = Math.abs(ra - rb) <= near ? 1 : 0;
        int px = riType == 1 ? ra : rb;
        int sign = riType == 0 && ra > rb ? -1 : 1;
        int err = quantizeError(sign * (ix - px), near);
        cur[xi] = Math.clamp(px + sign * err * (2 * near + 1), 0, prm.maxVal());
        err = reduce(err, prm.range());
        int q = 365 + riType;
        int k = ctx.kRun(q, riType);
        int map;
        if (k == 0 && err > 0 && 2 * ctx.nn[q] < ctx.n[q]) {
            map = 1;
        } else if (err < 0 && 2 * ctx.nn[q] >= ctx.n[q]) {
            map = 1;
        } else if (err < 0 && k != 0) {
            map = 1;
        } else {
            map = 0;
        }
        int em = 2 * Math.abs(err) - riType - map;
        golomb(em, k, prm.limit() - JpegLsContexts.J[ctx.runIndex] - 1, prm.qbpp());
        ctx.updateRun(q, err, em, riType);
        if (ctx.runIndex > 0) {
            ctx.runIndex--;
        }
        return xi + 1;
    }

    private static int quantizeError(int err, int near) {
        if (near == 0) {
            return err;
        }
        return err > 0 ? (err + near) / (2 * near + 1) : -(near - err) / (2 * near + 1);
    }

    private static int reduce(int err, int range) {
        if (err < 0) {
            err += range;
        }
        if (err >= (range + 1) / 2) {
            err -= range;
        }
        return err;
    }

    private void golomb(int m, int k, int limit, int qbpp) {
        int high = m >> k;
        if (high < limit - qbpp - 1) {
            write(0, high);
            bit(1);
            write(m & ((1 << k) - 1), k);
        } else {
            write(0, limit - qbpp - 1);
            bit(1);
            write(m - 1, qbpp);
        }
    }

    private void write(int value, int n) {
        for (int i = n - 1; i >= 0; i--) {
            bit((value >>> i) & 1);
        }
    }

    private void bit(int b) {
        bits = (bits << 1) | b;
        nbits++;
        if (nbits == (afterFf ? 7 : 8)) {
            out.write(bits);
            afterFf = bits == 0xFF;
            bits = 0;
            nbits = 0;
        }
    }

    private void flush() {
        while (nbits != 0) {
            bit(0);
        }
        if (afterFf) {
            out.write(0);
        }
    }

    private void marker(int m) {
        out.write(0xFF);
        out.write(m);
    }

    private void u16(int v) {
        out.write(v >> 8);
        out.write(v & 0xFF);
    }
}
