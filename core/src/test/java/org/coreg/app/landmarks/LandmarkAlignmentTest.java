package org.coreg.app.landmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.coreg.app.render.SampledVolume;
import org.coreg.app.session.Session;
import org.coreg.image.AffineMap;
import org.coreg.image.VoxelType;
import org.coreg.registration.landmarks.LandmarkFitKind;
import org.coreg.registration.quality.QualityStatus;
import org.coreg.testing.TestVolumes;
import org.junit.jupiter.api.Test;

class LandmarkAlignmentTest {
    /** The truth: 20 degrees about an oblique axis and a shift, fixed LPS mm -> moving LPS mm. */
    private static final AffineMap TRUTH;

    static {
        double a = Math.toRadians(20);
        double[] u = {1 / Math.sqrt(3), 1 / Math.sqrt(3), 1 / Math.sqrt(3)};
        double c = Math.cos(a), s = Math.sin(a), t = 1 - c;
        TRUTH = AffineMap.of(new double[] {
            t * u[0] * u[0] + c, t * u[0] * u[1] - s * u[2], t * u[0] * u[2] + s * u[1],
            t * u[0] * u[1] + s * u[2], t * u[1] * u[1] + c, t * u[1] * u[2] - s * u[0],
            t * u[0] * u[2] - s * u[1], t * u[1] * u[2] + s * u[0], t * u[2] * u[2] + c}, new double[] {12, -7, 4.5});
    }

    private static Session loaded() {
        Session s = new Session();
        s.setFixed(SampledVolume.of(TestVolumes.random(VoxelType.INT16, TestVolumes.obliqueGeometry(10, 9, 8), 1)));
        s.setMoving(SampledVolume.of(TestVolumes.random(VoxelType.INT16, TestVolumes.obliqueGeometry(10, 9, 8), 2)));
        return s;
    }

    /** Pairs whose moving points are the truth's image of the fixed points plus noise of {@code noiseMm} per axis. */
    private static List<PlantedPair> pairs(int n, double noiseMm) {
        Random r = new Random(13);
        List<PlantedPair> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] f = {r.nextDouble(-80, 80), r.nextDouble(-90, 90), r.nextDouble(-60, 60)};
            double[] m = TRUTH.apply(f);
            for (int k = 0; k < 3; k++) {
                m[k] += noiseMm * r.nextGaussian();
            }
            out.add(new PlantedPair("L-" + (i + 1), f, m));
        }
        return out;
    }

    @Test
    void noiselessPairsGiveTheTruthAsOneUndoStepWithAnOkReport() {
        Session s = loaded();
        s.setLandmarks(pairs(5, 0));
        LandmarkAlignment a = new LandmarkAlignment(s);
        assertThat(a.canAlign(LandmarkFitKind.RIGID)).isTrue();
        assertThat(a.align(LandmarkFitKind.RIGID).usable()).isTrue();
        assertThat(s.fixedToMoving().maxAbsDifference(TRUTH)).isLessThan(1e-9);
        var v = s.verdict().orElseThrow();
        assertThat(v.report().status()).isEqualTo(QualityStatus.OK);
        assertThat(v.report().stages()).containsExactly("landmarks");
        assertThat(v.report().landmarks().errors().maxMm()).isLessThan(1e-9);
        assertThat(s.verdictIsCurrent()).isTrue();
        assertThat(s.transforms().entries()).anyMatch(e -> e.name().startsWith("Landmark fit"));
        assertThat(s.canCompare()).isTrue();
        assertThat(s.undo()).isTrue();
        assertThat(s.fixedToMoving()).isEqualTo(AffineMap.identity());
        assertThat(s.verdictIsCurrent()).as("the verdict was about the undone fit").isFalse();
    }

    @Test
    void noisyPairsReportTheFitsResidualAndExpectedError() {
        Session s = loaded();
        s.setLandmarks(pairs(8, 1.0));
        new LandmarkAlignment(s).align(LandmarkFitKind.RIGID);
        var lm = s.verdict().orElseThrow().report().landmarks();
        // 8 pairs with 1 mm noise per axis: RMS residual near sqrt(3 (N-2)/N) = 1.5 mm, the fit close to the truth
        assertThat(lm.freMm()).isBetween(0.7, 2.5);
        assertThat(lm.expectedTreMm()).isPositive().isLessThan(3);
        assertThat(s.fixedToMoving().apply(0, 0, 0)).satisfies(p -> {
            double[] t = TRUTH.apply(0, 0, 0);
            assertThat(Math.sqrt(Math.pow(p[0] - t[0], 2) + Math.pow(p[1] - t[1], 2) + Math.pow(p[2] - t[2], 2)))
                    .isLessThan(3);
        });
    }

    @Test
    void pairsOnOneLineAreRefusedWithAFailedReportAndTheTransformStays() {
        Session s = loaded();
        AffineMap start = AffineMap.ofRowMajor3x4(1, 0, 0, 3, 0, 1, 0, 0, 0, 0, 1, 0);
        s.setTransform(start);
        List<PlantedPair> line = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            double[] f = {10 * i, 5 * i, -2 * i};
            line.add(new PlantedPair("L-" + i, f, TRUTH.apply(f)));
        }
        s.setLandmarks(line);
        var o = new LandmarkAlignment(s).align(LandmarkFitKind.RIGID);
        assertThat(o.usable()).isFalse();
        assertThat(s.fixedToMoving()).isEqualTo(start);
        var v = s.verdict().orElseThrow();
        assertThat(v.result()).isNull();
        assertThat(v.report().status()).isEqualTo(QualityStatus.FAILED);
        assertThat(v.report().reasonsText()).contains("one line");
    }

    @Test
    void anAffineFitNeedsFourPairs() {
        Session s = loaded();
        s.setLandmarks(pairs(3, 0));
        LandmarkAlignment a = new LandmarkAlignment(s);
        assertThat(a.canAlign(LandmarkFitKind.RIGID)).isTrue();
        assertThat(a.canAlign(LandmarkFitKind.AFFINE)).isFalse();
        assertThat(new LandmarkEditor(s).pairsForStart()).hasSize(3);
        s.setLandmarks(pairs(2, 0));
        assertThat(new LandmarkEditor(s).pairsForStart()).as("too few to start from").isEmpty();
    }
}
