package org.coreg.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.coreg.image.ImageGeometry;
import org.coreg.image.interpolation.ScalarGrid;
import org.coreg.testing.TestVolumes;
import org.junit.jupiter.api.Test;

/** Candidates without a stored index list, and the bounds of the sampled voxel centres. */
class FixedSamplerTest {
    private static PyramidLevel level() {
        ImageGeometry g = TestVolumes.obliqueGeometry(17, 13, 11);
        float[] v = new float[(int) g.voxelCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 23;
        }
        return new PyramidLevel(g, new ScalarGrid(v, 17, 13, 11), new int[] {1, 1, 1});
    }

    /** {lo, hi} of the sample positions, computed from the samples themselves. */
    private static double[][] boundsOf(SampleSet s) {
        double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < s.size(); i++) {
            for (int d = 0; d < 3; d++) {
                lo[d] = Math.min(lo[d], s.points()[3 * i + d]);
                hi[d] = Math.max(hi[d], s.points()[3 * i + d]);
            }
        }
        return new double[][] {lo, hi};
    }

    @Test
    void wholeImageBoundsAreThoseOfEveryVoxelCentre() {
        FixedSampler s = new FixedSampler(level(), null, null);
        assertThat(s.candidateCount()).isEqualTo(17 * 13 * 11);
        double[][] expect = boundsOf(s.all());
        double[][] got = s.centreBounds();
        assertThat(got[0]).containsExactly(expect[0], within(1e-9));
        assertThat(got[1]).containsExactly(expect[1], within(1e-9));
    }

    @Test
    void boxBoundsAreThoseOfTheVoxelCentresInTheBox() {
        PyramidLevel l = level();
        double[] c = l.geometry().indexToWorld(8, 6, 5);
        RoiBox box = new RoiBox(new double[] {c[0] - 4, c[1] - 3, c[2] - 5}, new double[] {c[0] + 5, c[1] + 3, c[2] + 2});
        FixedSampler s = new FixedSampler(l, null, box);
        SampleSet all = s.all();
        assertThat(s.candidateCount()).isEqualTo(all.size()).isBetween(10, 17 * 13 * 11 - 1);
        for (int i = 0; i < all.size(); i++) {
            assertThat(box.contains(new double[] {all.points()[3 * i], all.points()[3 * i + 1],
                all.points()[3 * i + 2]})).isTrue();
        }
        double[][] expect = boundsOf(all);
        double[][] got = s.centreBounds();
        assertThat(got[0]).containsExactly(expect[0], within(1e-9));
        assertThat(got[1]).containsExactly(expect[1], within(1e-9));
    }

    @Test
    void randomDrawsOverTheWholeImageAreVoxelCentresWithTheirValues() {
        PyramidLevel l = level();
        FixedSampler s = new FixedSampler(l, null, null, new Workers(2));
        SampleSet d = s.draw(500, new SplittableRandom(7));
        assertThat(d.size()).isEqualTo(500);
        double[] idx = new double[3];
        for (int i = 0; i < d.size(); i++) {
            l.geometry().worldToIndex().apply(new double[] {d.points()[3 * i], d.points()[3 * i + 1],
                d.points()[3 * i + 2]}, idx);
            int[] ijk = {(int) Math.round(idx[0]), (int) Math.round(idx[1]), (int) Math.round(idx[2])};
            for (int a = 0; a < 3; a++) {
                assertThat(idx[a]).isCloseTo(ijk[a], within(1e-9));
            }
            assertThat(d.values()[i]).isEqualTo(l.grid().values()[ijk[0] + 17 * (ijk[1] + 13 * ijk[2])]);
        }
        SampleSet again = s.draw(500, new SplittableRandom(7));
        assertThat(again.points()).containsExactly(d.points());
    }
}
