package org.coreg.registration;

import java.util.SplittableRandom;

/**
 * Intensity range for histogram binning that ignores outliers: the {@code lo} and {@code hi} quantiles of the
 * values (estimated from at most 100,000 voxels drawn with a fixed seed). Metal streaks in a CT or a hot spot in an
 * MR would otherwise squeeze the tissue into a few bins.
 *
 * @param min lower limit (real value)
 * @param max upper limit (real value)
 */
public record IntensityLimits(double min, double max) {
    public static IntensityLimits robust(float[] values, double lo, double hi) {
        int n = Math.min(values.length, 100_000);
        float[] s = new float[n];
        if (n == values.length) {
            System.arraycopy(values, 0, s, 0, n);
        } else {
            SplittableRandom r = new SplittableRandom(12345);
            for (int i = 0; i < n; i++) {
                s[i] = values[r.nextInt(values.length)];
            }
        }
        int ka = (int) Math.floor(lo * (n - 1));
        int kb = Math.max(ka, (int) Math.ceil(hi * (n - 1)));
        // Two selections instead of a sort: the same order statistics in linear time (a sort of 100,000 values was
        // a tenth of a command-line registration's preparation).
        select(s, 0, n - 1, ka);
        double a = s[ka];
        if (kb > ka) {
            select(s, ka + 1, n - 1, kb);
        }
        double b = s[kb];
        if (b <= a) {
            float min = s[0], max = s[0];
            for (float x : s) {
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
            a = min;
            b = max;
        }
        return new IntensityLimits(a, b);
    }

    /**
     * Rearranges {@code s[from..to]} so that {@code s[k]} holds the value a sort would put there, with no larger value
     * before it and no smaller one after it (quickselect, median-of-three pivot; runs of equal values split evenly).
     */
    static void select(float[] s, int from, int to, int k) {
        int l = from, r = to;
        while (r - l > 16) {
            int m = (l + r) >>> 1;
            if (s[m] < s[l]) {
                swap(s, l, m);
            }
            if (s[r] < s[l]) {
                swap(s, l, r);
            }
            if (s[r] < s[m]) {
                swap(s, m, r);
            }
            float pivot = s[m];
            int i = l, j = r;
            while (i <= j) {
                while (s[i] < pivot) {
                    i++;
                }
                while (s[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(s, i++, j--);
                }
            }
            if (k <= j) {
                r = j;
            } else if (k >= i) {
                l = i;
            } else {
                return;
            }
        }
        for (int i = l + 1; i <= r; i++) {
            float x = s[i];
            int j = i - 1;
            while (j >= l && s[j] > x) {
                s[j + 1] = s[j];
                j--;
            }
            s[j + 1] = x;
        }
    }

    private static void swap(float[] s, int i, int j) {
        float t = s[i];
        s[i] = s[j];
        s[j] = t;
    }

    /** True when the range is empty (a constant image). */
    public boolean isEmpty() {
        return !(max > min);
    }
}
