package org.coreg.registration.landmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.coreg.image.AffineMap;
import org.coreg.points.PlanningPoint;
import org.coreg.points.PointList;
import org.coreg.points.Space;
import org.coreg.testing.TestVolumes;
import org.junit.jupiter.api.Test;

/** Landmark fits against closed-form truths: exact on noiseless pairs related by a transform of their kind. */
class LandmarkFitTest {
    private static final double[][] FIXED = {{10, -20, 5}, {-35, 12, 40}, {22, 48, -15}, {-8, -30, -42}, {50, 5, 18},
        {0, 0, 0}, {-40, -40, 10}, {15, 30, 35}};

    private static List<LandmarkPair> pairs(AffineMap truth, int n) {
        List<LandmarkPair> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new LandmarkPair("p" + i, FIXED[i], truth.apply(FIXED[i])));
        }
        return out;
    }

    private static AffineMap rigidTruth() {
        return AffineMap.of(TestVolumes.rotation(Math.toRadians(25), Math.toRadians(-40), Math.toRadians(130)),
                new double[] {12.5, -7, 33});
    }

    @Test
    void rigidFitRecoversARotationAndTranslationExactly() throws Exception {
        AffineMap truth = rigidTruth();
        AffineMap fit = LandmarkFit.fit(pairs(truth, 4), LandmarkFitKind.RIGID);
        assertThat(fit.maxAbsDifference(truth)).isLessThan(1e-9);
    }

    @Test
    void rigidFitFromThreeNonCollinearPairsIsExact() throws Exception {
        AffineMap truth = rigidTruth();
        assertThat(LandmarkFit.fit(pairs(truth, 3), LandmarkFitKind.RIGID).maxAbsDifference(truth)).isLessThan(1e-9);
    }

    @Test
    void similarityFitRecoversTheScale() throws Exception {
        double[] r = rigidTruth().linear();
        double[] sr = new double[9];
        for (int i = 0; i < 9; i++) {
            sr[i] = 1.07 * r[i];
        }
        AffineMap truth = AffineMap.of(sr, new double[] {-4, 9, 2});
        AffineMap fit = LandmarkFit.fit(pairs(truth, 5), LandmarkFitKind.SIMILARITY);
        assertThat(fit.maxAbsDifference(truth)).isLessThan(1e-9);
    }

    @Test
    void affineFitRecoversAGeneralAffineMap() throws Exception {
        AffineMap truth = AffineMap.ofRowMajor3x4(1.05, 0.08, -0.03, 4, -0.06, 0.97, 0.11, -12, 0.02, -0.09, 1.1, 7);
        AffineMap fit = LandmarkFit.fit(pairs(truth, 6), LandmarkFitKind.AFFINE);
        assertThat(fit.maxAbsDifference(truth)).isLessThan(1e-9);
    }

    @Test
    void rigidFitOfMirroredPointsIsStillAProperRotation() throws Exception {
        AffineMap mirror = AffineMap.ofRowMajor3x4(-1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0);
        AffineMap fit = LandmarkFit.fit(pairs(mirror, 6), LandmarkFitKind.RIGID);
        assertThat(fit.determinant()).isCloseTo(1, within(1e-9));
    }

    @Test
    void rigidFitIsTheLeastSquaresOptimumOnNoisyPairs() throws Exception {
        // Any small turn or shift away from the fit raises the sum of squared residuals.
        AffineMap truth = rigidTruth();
        Random rnd = new Random(5);
        List<LandmarkPair> noisy = new ArrayList<>();
        for (LandmarkPair p : pairs(truth, 8)) {
            double[] m = p.moving();
            noisy.add(new LandmarkPair(p.label(), p.fixed(), new double[] {m[0] + rnd.nextGaussian(),
                m[1] + rnd.nextGaussian(), m[2] + rnd.nextGaussian()}));
        }
        AffineMap fit = LandmarkFit.fit(noisy, LandmarkFitKind.RIGID);
        double best = sse(fit, noisy);
        for (int axis = 0; axis < 3; axis++) {
            for (double a : new double[] {-1e-3, 1e-3}) {
                double[] ang = new double[3];
                ang[axis] = a;
                AffineMap turned = AffineMap.of(TestVolumes.rotation(ang[0], ang[1], ang[2]), new double[3]).after(fit);
                assertThat(sse(turned, noisy)).isGreaterThan(best);
                double[] t = new double[3];
                t[axis] = a * 10;
                assertThat(sse(AffineMap.of(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, t).after(fit), noisy))
                        .isGreaterThan(best);
            }
        }
    }

    private static double sse(AffineMap t, List<LandmarkPair> pairs) {
        double s = 0;
        for (LandmarkPair p : pairs) {
            double[] q = t.apply(p.fixed());
            double[] m = p.moving();
            for (int d = 0; d < 3; d++) {
                s += (q[d] - m[d]) * (q[d] - m[d]);
            }
        }
        return s;
    }

    @Test
    void collinearPairsAreRefusedSayingWhy() {
        List<LandmarkPair> line = List.of(new LandmarkPair("a", new double[] {0, 0, 0}, new double[] {1, 1, 1}),
                new LandmarkPair("b", new double[] {10, 10, 0}, new double[] {11, 11, 1}),
                new LandmarkPair("c", new double[] {25, 25, 0}, new double[] {26, 26, 1}));
        assertThatThrownBy(() -> LandmarkFit.fit(line, LandmarkFitKind.RIGID)).isInstanceOf(LandmarkException.class)
                .hasMessageContaining("lie on one line").hasMessageContaining("add a landmark away from the line");
    }

    @Test
    void tooFewPairsAreRefusedNamingTheMinimum() {
        AffineMap truth = rigidTruth();
        assertThatThrownBy(() -> LandmarkFit.fit(pairs(truth, 2), LandmarkFitKind.RIGID))
                .hasMessageContaining("at least 3 pairs, found 2");
        assertThatThrownBy(() -> LandmarkFit.fit(pairs(truth, 3), LandmarkFitKind.AFFINE))
                .hasMessageContaining("at least 4 pairs, found 3");
    }

    @Test
    void coplanarPairsAreRefusedForAnAffineFitOnly() throws Exception {
        List<LandmarkPair> plane = new ArrayList<>();
        double[][] pts = {{0, 0, 0}, {30, 0, 0}, {0, 40, 0}, {25, 35, 0}, {-10, 20, 0}};
        for (int i = 0; i < pts.length; i++) {
            plane.add(new LandmarkPair("q" + i, pts[i], rigidTruth().apply(pts[i])));
        }
        assertThatThrownBy(() -> LandmarkFit.fit(plane, LandmarkFitKind.AFFINE)).hasMessageContaining("one plane");
        assertThat(LandmarkFit.fit(plane, LandmarkFitKind.RIGID).maxAbsDifference(rigidTruth())).isLessThan(1e-9);
    }

    @Test
    void pairsAreMatchedByLabelWhateverTheOrder() throws Exception {
        PointList f = PointList.of("f", Space.FIXED, List.of(PlanningPoint.of("A", 1, 2, 3),
                PlanningPoint.of("B", 4, 5, 6)));
        PointList m = PointList.of("m", Space.MOVING, List.of(PlanningPoint.of("B", 40, 50, 60),
                PlanningPoint.of("A", 10, 20, 30)));
        List<LandmarkPair> p = LandmarkPairs.match(f, m);
        assertThat(p).extracting(LandmarkPair::label).containsExactly("A", "B");
        assertThat(p.get(0).moving()).containsExactly(10, 20, 30);
        assertThat(p.get(1).moving()).containsExactly(40, 50, 60);
    }

    @Test
    void pairsWithDifferentLabelsAreMatchedByOrderAndUnequalListsAreRefused() throws Exception {
        PointList f = PointList.of("f", Space.FIXED, List.of(PlanningPoint.of("F-1", 1, 2, 3),
                PlanningPoint.of("F-2", 4, 5, 6)));
        PointList m = PointList.of("m", Space.MOVING, List.of(PlanningPoint.of("M-1", 7, 8, 9),
                PlanningPoint.of("M-2", 0, 1, 2)));
        assertThat(LandmarkPairs.match(f, m).get(1).moving()).containsExactly(0, 1, 2);
        PointList shorter = PointList.of("m", Space.MOVING, List.of(PlanningPoint.of("M-1", 7, 8, 9)));
        assertThatThrownBy(() -> LandmarkPairs.match(f, shorter)).isInstanceOf(LandmarkException.class)
                .hasMessageContaining("2 fixed, 1 moving").hasMessageContaining("only on the fixed image: [F-1, F-2]");
    }
}
