package org.coreg.registration.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.coreg.image.AffineMap;
import org.coreg.registration.PoseAlternative;
import org.coreg.registration.RegistrationDiagnostics;
import org.coreg.registration.RegistrationResult;
import org.coreg.registration.landmarks.LandmarkFitKind;
import org.coreg.registration.landmarks.LandmarkPair;
import org.coreg.registration.landmarks.LandmarkSummary;
import org.coreg.transform.AffineTransform;
import org.junit.jupiter.api.Test;

/** Each rule of the assessor on results built to break exactly that rule. */
class QualityAssessorTest {
    private static final AffineMap RIGID = AffineMap.of(new double[] {0, -1, 0, 1, 0, 0, 0, 0, 1},
            new double[] {4, 5, 6});

    private static RegistrationResult result(AffineMap t, double start, double end, double overlap,
                                             List<PoseAlternative> alts, double extent) {
        return new RegistrationResult(t, List.of(), end, overlap, !alts.isEmpty(),
                new RegistrationDiagnostics(start, alts, 100_000, extent, new double[3], false, Double.NaN));
    }

    private static QualityReport assess(RegistrationResult r) {
        return QualityAssessor.assess(r, List.of("rigid"), 7, null);
    }

    @Test
    void aGoodResultIsOkWithNoReasons() {
        QualityReport q = assess(result(RIGID, -0.2, -1.1, 0.95, List.of(new PoseAlternative(90, 40, -0.5, -1.1)),
                Double.NaN));
        assertThat(q.status()).isEqualTo(QualityStatus.OK);
        assertThat(q.reasons()).isEmpty();
        assertThat(q.toJson()).containsEntry("status", "ok").containsEntry("seed", 7L)
                .containsKeys("metric_start", "metric_final", "overlap", "stages", "alternatives");
    }

    @Test
    void aSingularResultFails() {
        AffineMap flat = AffineMap.ofRowMajor3x4(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0);
        QualityReport q = assess(result(flat, -0.2, -1.1, 0.95, List.of(), Double.NaN));
        assertThat(q.status()).isEqualTo(QualityStatus.FAILED);
        assertThat(q.reasonsText()).contains("singular (rank 2)");
    }

    @Test
    void lowOverlapIsUncertainAndVeryLowOverlapFails() {
        assertThat(assess(result(RIGID, -0.2, -1, 0.2, List.of(), Double.NaN)).status())
                .isEqualTo(QualityStatus.UNCERTAIN);
        assertThat(assess(result(RIGID, -0.2, -1, 0.05, List.of(), Double.NaN)).status())
                .isEqualTo(QualityStatus.FAILED);
    }

    @Test
    void aFinalMetricNoBetterThanTheStartIsUncertainAndClearlyWorseFails() {
        QualityReport same = assess(result(RIGID, -1.0, -0.99, 0.9, List.of(), Double.NaN));
        assertThat(same.status()).isEqualTo(QualityStatus.UNCERTAIN);
        assertThat(same.reasonsText()).contains("no better than at the start");
        assertThat(assess(result(RIGID, -1.0, -0.5, 0.9, List.of(), Double.NaN)).status())
                .isEqualTo(QualityStatus.FAILED);
    }

    @Test
    void aDistantNearTieIsUncertainButANearbyOneIsNot() {
        QualityReport tie = assess(result(RIGID, -0.2, -1, 0.9, List.of(new PoseAlternative(180, 3, -0.995, -1.0)),
                Double.NaN));
        assertThat(tie.status()).isEqualTo(QualityStatus.UNCERTAIN);
        assertThat(tie.reasonsText()).contains("180 degrees");
        assertThat(assess(result(RIGID, -0.2, -1, 0.9, List.of(new PoseAlternative(3, 2, -0.995, -1.0)),
                Double.NaN)).status()).isEqualTo(QualityStatus.OK);
    }

    @Test
    void aNarrowRegionIsUncertain() {
        QualityReport q = assess(result(RIGID, -0.2, -1, 0.9, List.of(), 16));
        assertThat(q.status()).isEqualTo(QualityStatus.UNCERTAIN);
        assertThat(q.reasonsText()).contains("16 mm across");
    }

    @Test
    void driftingAwayFromTheWholeImagePoseIsUncertain() {
        RegistrationResult drifted = new RegistrationResult(RIGID, List.of(), -1, 0.9, true,
                new RegistrationDiagnostics(-0.2, List.of(), 20_000, 40, new double[3], true, 11.3));
        QualityReport q = assess(drifted);
        assertThat(q.status()).isEqualTo(QualityStatus.UNCERTAIN);
        assertThat(q.reasonsText()).contains("moved 11.3 mm away from the pose the whole image gave");
        RegistrationResult steady = new RegistrationResult(RIGID, List.of(), -1, 0.9, true,
                new RegistrationDiagnostics(-0.2, List.of(), 20_000, 40, new double[3], true, 0.6));
        assertThat(assess(steady).status()).isEqualTo(QualityStatus.OK);
    }

    @Test
    void anImplausibleScalingIsUncertain() {
        AffineMap scaled = AffineMap.ofRowMajor3x4(1.2, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0);
        QualityReport q = QualityAssessor.assess(result(scaled, -0.2, -1, 0.9, List.of(), Double.NaN),
                List.of("rigid", "affine"), 1, null);
        assertThat(q.status()).isEqualTo(QualityStatus.UNCERTAIN);
        assertThat(q.reasonsText()).contains("scales space by 1.000 to 1.200");
    }

    @Test
    void missedLandmarksAreUncertain() throws Exception {
        double[][] f = {{0, 0, 0}, {50, 0, 0}, {0, 50, 0}, {0, 0, 50}};
        List<LandmarkPair> pairs = new java.util.ArrayList<>();
        for (int i = 0; i < f.length; i++) {
            pairs.add(new LandmarkPair("L" + i, f[i], RIGID.apply(f[i])));
        }
        AffineMap off = AffineMap.of(RIGID.linear(), new double[] {4, 5, 16});
        LandmarkSummary good = LandmarkSummary.of(pairs, LandmarkFitKind.RIGID, AffineTransform.fixedToMoving(RIGID),
                new double[3]);
        LandmarkSummary bad = LandmarkSummary.of(pairs, LandmarkFitKind.RIGID, AffineTransform.fixedToMoving(off),
                new double[3]);
        assertThat(QualityAssessor.assess(result(RIGID, -0.2, -1, 0.9, List.of(), Double.NaN), List.of("rigid"), 1,
                good).status()).isEqualTo(QualityStatus.OK);
        QualityReport q = QualityAssessor.assess(result(off, -0.2, -1, 0.9, List.of(), Double.NaN), List.of("rigid"),
                1, bad);
        assertThat(q.status()).isEqualTo(QualityStatus.UNCERTAIN);
        assertThat(q.reasonsText()).contains("misses the landmark pairs by 10.0 mm");
        assertThat(q.toJson()).containsKey("landmarks");
    }
}
