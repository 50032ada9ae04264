package org.coreg.io.dicom;

/**
 * The adaptive state of a JPEG-LS scan (T.87 A.2.2 and A.6 to A.7): 365 regular contexts (A, B, C, N), the two
 * run-interruption contexts (365 and 366, with Nn) and the run index. Shared by the decoder and the test encoder.
 */
final class JpegLsContexts {
    /** Run lengths in powers of two, indexed by the run index (T.87 A.7.1.1). */
    static final int[] J = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 9, 10, 11, 12,
        13, 14, 15};
    private static final int MIN_C = -128;
    private static final int MAX_C = 127;

    final int[] a = new int[367];
    final int[] b = new int[367];
    final int[] c = new int[367];
    final int[] n = new int[367];
    final int[] nn = new int[367];
    int runIndex;
    private final JpegLsParameters p;

    JpegLsContexts(JpegLsParameters p) {
        this.p = p;
        java.util.Arrays.fill(a, Math.max(2, (p.range() + 32) / 64));
        java.util.Arrays.fill(n, 1);
    }

    /** Golomb parameter k of regular context q (A.5.1). */
    int k(int q) {
        int k = 0;
        while ((n[q] << k) < a[q]) {
            k++;
        }
        return k;
    }

    /** Golomb parameter k of run-interruption context q (365 or 366) for its type (A.7.2.1). */
    int kRun(int q, int riType) {
        int temp = a[q] + (riType == 1 ? n[q] >> 1 : 0);
        int k = 0;
        while ((n[q] << k) < temp) {
            k++;
        }
        return k;
    }

    /** Updates regular context q after quantised error {@code err} (A.6.1 and the bias correction of A.6.2). */
    void update(int q, int err) {
        b[q] += err * (2 * p.near() + 1);
        a[q] += Math.abs(err);
        if (n[q] == p.reset()) {
            a[q] >>= 1;
            b[q] >>= 1;
            n[q] >>= 1;
        }
        n[q]++;
        if (b[q] <= -n[q]) {
            b[q] += n[q];
            if (c[q] > MIN_C) {
                c[q]--;
            }
            if (b[q] <= -n[q]) {
                b[q] = -n[q] + 1;
            }
        } else if (b[q] > 0) {
            b[q] -= n[q];
            if (c[q] < MAX_C) {
                c[q]++;
            }
            if (b[q] > 0) {
                b[q] = 0;
            }
        }
    }

    /** Updates run-interruption context q after error {@code err} coded as {@code emErr} (A.7.2.2). */
    void updateRun(int q, int err, int emErr, int riType) {
        if (err < 0) {
            nn[q]++;
        }
        a[q] += (emErr + 1 - riType) >> 1;
        if (n[q] == p.reset()) {
            a[q] >>= 1;
            n[q] >>= 1;
            nn[q] >>= 1;
        }
        n[q]++;
    }

    /** The median edge detector prediction (A.4.1). */
    static int predict(int ra, int rb, int rc) {
        if (rc >= Math.max(ra, rb)) {
            return Math.min(ra, rb);
        }
        if (rc <= Math.min(ra, rb)) {
            return Math.max(ra, rb);
        }
        return ra + rb - rc;
    }
}
