package org.coreg.registration;

import java.util.Arrays;
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
        Arrays.sort(s);
        double a = s[(int) Math.floor(lo * (n - 1))];
        double b = s[(int) Math.ceil(hi * (n - 1))];
        if (b <= a) {
            a = s[0];
            b = s[n - 1];
        }
        return new IntensityLimits(a, b);
    }

    /** True when the range is empty (a constant image). */
    public boolean isEmpty() {
        return !(max > min);
    }
}
