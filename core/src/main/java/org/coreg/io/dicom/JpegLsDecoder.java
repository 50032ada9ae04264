package org.coreg.io.dicom;

import java.nio.file.Path;
import java.util.Locale;
import org.coreg.io.ImageIOException;
import org.coreg.io.ImageIOException.Problem;

/**
 * Decodes one grey-scale frame of JPEG-LS (ITU-T T.87 | ISO/IEC 14495-1), lossless and near-lossless: regular mode
 * with the median edge detector and context bias correction, run mode with run interruption, LSE preset coding
 * parameters. These are DICOM transfer syntaxes 1.2.840.10008.1.2.4.80 and .81. Refused as UNSUPPORTED, with the
 * reason: colour (more than one component), restart markers, LSE mapping tables and point transforms, none of which
 * DICOM encoders of grey-scale images write in practice.
 */
final class JpegLsDecoder extends JpegSegmentReader {
    private int precision;
    private int width;
    private int height;
    private int presetMaxVal;
    private int presetT1;
    private int presetT2;
    private int presetT3;
    private int presetReset;

    private JpegLsDecoder(Path file, byte[] d, int off, int len) {
        super(file, d, off, len);
    }

    /**
     * Decodes a frame into {@code out} (sample values row by row, as coded: unsigned patterns of the frame's
     * precision; {@link PixelFormat#normalize} applies Pixel Representation).
     *
     * @throws ImageIOException UNSUPPORTED for the features above, CORRUPT_COMPRESSION for bad data, BAD_FIELD when
     *                          the frame size disagrees with Rows/Columns
     */
    static void decode(Path file, byte[] data, int off, int len, PixelFormat pf, int[] out) throws ImageIOException {
        new JpegLsDecoder(file, data, off, len).run(pf, out);
    }

    private void run(PixelFormat pf, int[] out) throws ImageIOException {
        skipStartOfImage();
        boolean frameSeen = false;
        while (true) {
            int marker = nextMarker();
            switch (marker) {
                case 0xD9 -> throw corrupt("image ends (EOI) before any scan");
                case 0xF7 -> {
                    readFrameHeader(pf);
                    frameSeen = true;
                }
                case 0xF8 -> readPresetParameters();
                case 0xDD -> {
                    int l = segmentLength();
                    if (l >= 4 && u16(p + 2) != 0) {
                        throw unsupported("restart markers (DRI interval " + u16(p + 2) + ")");
                    }
                    p += l;
                }
                case 0xDA -> {
                    if (!frameSeen) {
                        throw corrupt("scan (SOS) before the frame header (SOF55)");
                    }
                    decodeScan(out);
                    return;
                }
                case 0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF ->
                        throw new ImageIOException(file, Problem.UNSUPPORTED, "field (7FE0,0010) PixelData: expected"
                                + " JPEG-LS (SOF55), found SOF marker FF" + Integer.toHexString(marker)
                                .toUpperCase(Locale.ROOT) + " (not supported)");
                default -> p += segmentLength();
            }
        }
    }

    private void readFrameHeader(PixelFormat pf) throws ImageIOException {
        Frame f = frameHeader(pf, "SOF55", "(7FE0,0010) PixelData JPEG-LS frame size");
        precision = f.precision();
        width = f.width();
        height = f.height();
    }

    @Override
    ImageIOException componentsRefused(int comps) {
        return unsupported(comps + " components (colour); one grey-scale component is");
    }

    private void readPresetParameters() throws ImageIOException {
        int l = segmentLength();
        int id = l >= 3 ? d[p + 2] & 0xFF : -1;
        if (id != 1) {
            throw unsupported("LSE marker segment of type " + id + " (mapping tables or oversize images)");
        }
        if (l < 13) {
            throw corrupt("LSE segment length " + l);
        }
        presetMaxVal = u16(p + 3);
        presetT1 = u16(p + 5);
        presetT2 = u16(p + 7);
        presetT3 = u16(p + 9);
        presetReset = u16(p + 11);
        p += l;
    }

    private void decodeScan(int[] out) throws ImageIOException {
        int l = segmentLength();
        if (l < 6 || (d[p + 2] & 0xFF) != 1 || l < 6 + 2) {
            throw unsupported("a scan of " + (d[p + 2] & 0xFF) + " components; one is");
        }
        int near = d[p + 5] & 0xFF;
        int pointTransform = d[p + 7] & 0x0F;
        if (pointTransform != 0) {
            throw unsupported("point transform " + pointTransform);
        }
        if ((d[p + 4] & 0xFF) != 0) {
            throw unsupported("mapping table " + (d[p + 4] & 0xFF));
        }
        p += l;
        JpegLsParameters prm = JpegLsParameters.of(precision, near, presetMaxVal, presetT1, presetT2, presetT3,
                presetReset);
        if (prm.maxVal() >= 1 << precision || near > Math.min(255, prm.maxVal() / 2)) {
            throw corrupt("MAXVAL " + prm.maxVal() + " or NEAR " + near + " outside what precision " + precision
                    + " allows");
        }
        new Scan(prm, new JpegLsBitReader(d, p, end, this::corrupt)).decode(out);
    }

    /** One scan's decoding state (T.87 A.2 to A.7) over two line buffers with a border sample at each end. */
    private final class Scan {
        private final JpegLsParameters prm;
        private final JpegLsContexts ctx;
        private final int near;
        private final int step;
        private final int maxVal;
        private final int range;
        private final int limit;
        private final int qbpp;
        private final JpegLsBitReader in;

        Scan(JpegLsParameters prm, JpegLsBitReader in) {
            this.prm = prm;
            this.in = in;
            this.ctx = new JpegLsContexts(prm);
            this.near = prm.near();
            this.step = 2 * near + 1;
            this.maxVal = prm.maxVal();
            this.range = prm.range();
            this.limit = prm.limit();
            this.qbpp = prm.qbpp();
        }

        void decode(int[] out) throws ImageIOException {
            int[] prev = new int[width + 2];
            int[] cur = new int[width + 2];
            for (int row = 0; row < height; row++) {
                // Edges (A.2.1): Ra of the first sample is Rb; Rc is the previous line's Ra; Rd of the last is Rb.
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
                        x = runMode(x, cur, prev);
                    } else {
                        cur[x] = regular(ra, rb, rc, d1, d2, d3);
                        x++;
                    }
                }
                System.arraycopy(cur, 1, out, row * width, width);
                int[] t = prev;
                prev = cur;
                cur = t;
            }
        }

        private int regular(int ra, int rb, int rc, int d1, int d2, int d3) throws ImageIOException {
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
            int px = JpegLsContexts.predict(ra, rb, rc) + sign * ctx.c[q];
            px = Math.clamp(px, 0, maxVal);
            int k = ctx.k(q);
            int m = in.golomb(k, limit, qbpp);
            int err;
            if (near == 0 && k == 0 && 2 * ctx.b[q] <= -ctx.n[q]) {
                err = (m & 1) != 0 ? (m - 1) >> 1 : -(m >> 1) - 1;
            } else {
                err = (m & 1) == 0 ? m >> 1 : -((m + 1) >> 1);
            }
            ctx.update(q, err);
            return reconstruct(px, sign * err);
        }

        private int runMode(int x, int[] cur, int[] prev) throws ImageIOException {
            int ra = cur[x - 1];
            int remaining = width - x + 1;
            int count = 0;
            boolean interrupted = false;
            while (true) {
                if (in.readBits(1) == 1) {
                    int segment = 1 << JpegLsContexts.J[ctx.runIndex];
                    int n = Math.min(segment, remaining - count);
                    count += n;
                    if (n == segment && ctx.runIndex < 31) {
                        ctx.runIndex++;
                    }
                    if (count == remaining) {
                        break;
                    }
                } else {
                    int j = JpegLsContexts.J[ctx.runIndex];
                    count += j > 0 ? in.readBits(j) : 0;
                    if (count >= remaining) {
                        throw corrupt("run of " + count + " samples past the end of a line of " + width);
                    }
                    interrupted = true;
                    break;
                }
            }
            java.util.Arrays.fill(cur, x, x + count, ra);
            int xi = x + count;
            if (!interrupted) {
                return xi;
            }
            int rb = prev[xi];
            int riType = Math.abs(ra - rb) <= near ? 1 : 0;
            int q = 365 + riType;
            int k = ctx.kRun(q, riType);
            int em = in.golomb(k, limit - JpegLsContexts.J[ctx.runIndex] - 1, qbpp);
            int tmp = em + riType;
            int map = tmp & 1;
            int abs = (tmp + map) >> 1;
            boolean negative = (k != 0 || 2 * ctx.nn[q] >= ctx.n[q]) == (map == 1);
            int err = negative ? -abs : abs;
            ctx.updateRun(q, err, em, riType);
            int px = riType == 1 ? ra : rb;
            int sign = riType == 0 && ra > rb ? -1 : 1;
            cur[xi] = reconstruct(px, sign * err);
            if (ctx.runIndex > 0) {
                ctx.runIndex--;
            }
            return xi + 1;
        }

        /** Px plus the dequantised error, reduced modulo RANGE and clamped (A.4.4, A.5.2 inverted). */
        private int reconstruct(int px, int signedErr) {
            int rx = px + signedErr * step;
            if (rx < -near) {
                rx += range * step;
            } else if (rx > maxVal + near) {
                rx -= range * step;
            }
            return Math.clamp(rx, 0, maxVal);
        }
    }

    @Override
    ImageIOException corrupt(String what) {
        return new ImageIOException(file, Problem.CORRUPT_COMPRESSION, "field (7FE0,0010) PixelData: JPEG-LS data is "
                + "corrupt: " + what);
    }

    private ImageIOException unsupported(String what) {
        return new ImageIOException(file, Problem.UNSUPPORTED, "field (7FE0,0010) PixelData: JPEG-LS with " + what
                + " (not supported; grey-scale JPEG-LS lossless and near-lossless without them is)");
    }
}
