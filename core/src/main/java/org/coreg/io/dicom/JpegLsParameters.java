package org.coreg.io.dicom;

/**
 * The coding parameters of a JPEG-LS scan (ITU-T T.87 | ISO/IEC 14495-1), with the defaults of T.87 C.2.4.1.1 for
 * the thresholds and A.2.1 for the derived quantities.
 *
 * @param maxVal largest sample value (MAXVAL)
 * @param t1     first gradient threshold (T1)
 * @param t2     second gradient threshold (T2)
 * @param t3     third gradient threshold (T3)
 * @param reset  context counter halving threshold (RESET)
 * @param near   largest reconstruction error allowed, 0 for lossless (NEAR)
 */
record JpegLsParameters(int maxVal, int t1, int t2, int t3, int reset, int near) {
    private static final int BASIC_T1 = 3;
    private static final int BASIC_T2 = 7;
    private static final int BASIC_T3 = 21;

    /**
     * Parameters for sample precision {@code precision} and {@code near}; zero values of the preset ones (from an
     * LSE marker segment, or absent) take their defaults.
     */
    static JpegLsParameters of(int precision, int near, int maxVal, int t1, int t2, int t3, int reset) {
        int mv = maxVal > 0 ? maxVal : (1 << precision) - 1;
        int d1;
        int d2;
        int d3;
        if (mv >= 128) {
            int factor = (Math.min(mv, 4095) + 128) >> 8;
            d1 = clamp(factor * (BASIC_T1 - 2) + 2 + 3 * near, near + 1, mv);
            d2 = clamp(factor * (BASIC_T2 - 3) + 3 + 5 * near, d1, mv);
            d3 = clamp(factor * (BASIC_T3 - 4) + 4 + 7 * near, d2, mv);
        } else {
            int factor = 256 / (mv + 1);
            d1 = clamp(Math.max(2, BASIC_T1 / factor + 3 * near), near + 1, mv);
            d2 = clamp(Math.max(3, BASIC_T2 / factor + 5 * near), d1, mv);
            d3 = clamp(Math.max(4, BASIC_T3 / factor + 7 * near), d2, mv);
        }
        return new JpegLsParameters(mv, t1 > 0 ? t1 : d1, t2 > 0 ? t2 : d2, t3 > 0 ? t3 : d3,
                reset > 0 ? reset : 64, near);
    }

    private static int clamp(int i, int j, int maxVal) {
        return i > maxVal || i < j ? j : i;
    }

    /** Number of distinct quantised prediction errors (RANGE). */
    int range() {
        return (maxVal + 2 * near) / (2 * near + 1) + 1;
    }

    /** Bits of a quantised error (qbpp). */
    int qbpp() {
        return ceilLog2(range());
    }

    /** Longest Golomb code word in bits (LIMIT). */
    int limit() {
        int bpp = Math.max(2, ceilLog2(maxVal + 1));
        return 2 * (bpp + Math.max(8, bpp));
    }

    /** The gradient quantised to -4..4 (T.87 A.3.3). */
    int quantize(int d) {
        if (d <= -t3) {
            return -4;
        }
        if (d <= -t2) {
            return -3;
        }
        if (d <= -t1) {
            return -2;
        }
        if (d < -near) {
            return -1;
        }
        if (d <= near) {
            return 0;
        }
        if (d < t1) {
            return 1;
        }
        if (d < t2) {
            return 2;
        }
        return d < t3 ? 3 : 4;
    }

    private static int ceilLog2(int v) {
        int n = 0;
        while ((1 << n) < v) {
            n++;
        }
        return n;
    }
}
