package org.coreg.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IntensityLimitsTest {
    /** Values like a CT: a large block of one background value, tissue around a few levels, rare bright outliers. */
    private static float[] ctLike(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            v[i] = u < 0.5 ? -1000f : u < 0.998 ? (float) Math.round(40 + 30 * r.nextGaussian()) : 3000f + i % 7;
        }
        return v;
    }

    @Test
    void selectPutsTheOrderStatisticWhereASortWould() {
        SplittableRandom r = new SplittableRandom(5);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + r.nextInt(3000);
            float[] v = trial % 2 == 0 ? ctLike(n, trial) : new float[n];
            if (trial % 2 == 1) {
                for (int i = 0; i < n; i++) {
                    v[i] = r.nextInt(1 + trial % 50);
                }
            }
            float[] sorted = v.clone();
            Arrays.sort(sorted);
            int k = r.nextInt(n);
            IntensityLimits.select(v, 0, n - 1, k);
            assertThat(v[k]).isEqualTo(sorted[k]);
            for (int i = 0; i < n; i++) {
                if (i < k) {
                    assertThat(v[i]).isLessThanOrEqualTo(v[k]);
                } else if (i > k) {
                    assertThat(v[i]).isGreaterThanOrEqualTo(v[k]);
                }
            }
        }
    }

    @Test
    void limitsAreTheQuantilesOfASortIgnoringOutliers() {
        float[] v = ctLike(50_000, 11);
        float[] sorted = v.clone();
        Arrays.sort(sorted);
        IntensityLimits l = IntensityLimits.robust(v, 0.005, 0.995);
        assertThat(l.min()).isEqualTo(sorted[(int) Math.floor(0.005 * (v.length - 1))]);
        assertThat(l.max()).isEqualTo(sorted[(int) Math.ceil(0.995 * (v.length - 1))]);
        assertThat(l.max()).isLessThan(3000);
        // The input is left as it was: the limits work on a copy.
        assertThat(v).isEqualTo(ctLike(50_000, 11));
    }

    @Test
    void aRangeThatCollapsesFallsBackToMinimumAndMaximum() {
        float[] v = new float[10_000];
        v[17] = 5;
        v[9000] = -2;
        IntensityLimits l = IntensityLimits.robust(v, 0.005, 0.995);
        assertThat(l.min()).isEqualTo(-2);
        assertThat(l.max()).isEqualTo(5);
        assertThat(IntensityLimits.robust(new float[100], 0.005, 0.995).isEmpty()).isTrue();
    }
}
