package org.coreg.app.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.coreg.app.landmarks.PlantedPair;
import org.coreg.app.session.RegistrationVerdict;
import org.coreg.app.session.RoiBox;
import org.coreg.app.session.Session;
import org.coreg.image.AffineMap;
import org.coreg.registration.landmarks.LandmarkErrors;
import org.coreg.registration.landmarks.LandmarkFitKind;
import org.coreg.registration.landmarks.LandmarkSummary;
import org.coreg.registration.quality.QualityAssessor;
import org.coreg.registration.quality.QualityReport;
import org.coreg.registration.quality.QualityStatus;
import org.junit.jupiter.api.Test;

class QualityAdviceTest {
    private static QualityReport report(QualityStatus s, LandmarkSummary lm, String... reasons) {
        return new QualityReport(s, List.of(reasons), 0.1, 0.05, 0.9, List.of("rigid"), 1, List.of(), lm, null);
    }

    @Test
    void anOkResultNeedsNoWayOut() {
        Session s = new Session();
        assertThat(QualityAdvice.remedies(new RegistrationVerdict(report(QualityStatus.OK, null),
                AffineMap.identity()), s)).isEmpty();
    }

    @Test
    void aSmallCropBoxFindingLeadsWithWideningTheBoxThenLandmarksThenPreAlign() {
        Session s = new Session();
        List<String> ways = QualityAdvice.remedies(new RegistrationVerdict(report(QualityStatus.UNCERTAIN, null,
                "The crop box or mask is only 24 mm across along its narrowest axis (under 30 mm): it constrains "
                        + "rotations poorly."), AffineMap.identity()), s);
        assertThat(ways).hasSize(3);
        assertThat(ways.get(0)).startsWith("Widen the crop box")
                .contains(String.format(java.util.Locale.ROOT, "%.0f mm", QualityAssessor.MIN_REGION_MM));
        assertThat(ways.get(1)).startsWith("Add landmarks").contains("at least 3 pairs");
        assertThat(ways.get(2)).startsWith("Pre-align");
    }

    @Test
    void withoutABoxTheBoxIsNotMentionedAndPlantedPairsAreCounted() {
        Session s = new Session();
        s.setLandmarks(List.of(new PlantedPair("a", new double[] {1, 2, 3}, new double[] {1, 2, 3})));
        List<String> ways = QualityAdvice.remedies(new RegistrationVerdict(report(QualityStatus.FAILED, null,
                "Only 4% of the fixed samples fall inside the moving image at the end."), null), s);
        assertThat(ways).noneMatch(w -> w.contains("crop box"));
        assertThat(ways.get(0)).contains("(1 so far)");
        s.setRoi(new RoiBox(new double[] {0, 0, 0}, new double[] {10, 10, 10}));
        assertThat(QualityAdvice.remedies(new RegistrationVerdict(report(QualityStatus.FAILED, null, "x"), null), s)
                .get(0)).startsWith("Widen the crop box");
    }

    @Test
    void missedLandmarksAskForTheLandmarksToBeChecked() {
        Session s = new Session();
        LandmarkSummary lm = new LandmarkSummary(LandmarkFitKind.RIGID, new LandmarkErrors(List.of(), 6, 9, 7), 1,
                1.2, new double[3]);
        List<String> ways = QualityAdvice.remedies(new RegistrationVerdict(report(QualityStatus.UNCERTAIN, lm,
                "The result misses the landmark pairs by 6.0 mm on average (more than 4.4 mm, the landmarks' own "
                        + "expected error allowing)."), AffineMap.identity()), s);
        assertThat(ways.get(0)).startsWith("Check the landmarks");
        assertThat(ways).noneMatch(w -> w.startsWith("Add landmarks"));
    }

    @Test
    void theHeadlineSaysWhenTheTransformHasChangedSince() {
        RegistrationVerdict v = new RegistrationVerdict(report(QualityStatus.UNCERTAIN, null, "x"),
                AffineMap.identity());
        assertThat(QualityAdvice.headline(v, true)).startsWith("UNCERTAIN").doesNotContain("changed");
        assertThat(QualityAdvice.headline(v, false)).contains("changed since");
        assertThat(QualityAdvice.headline(new RegistrationVerdict(report(QualityStatus.FAILED, null, "x"), null),
                false)).startsWith("FAILED").doesNotContain("changed");
    }
}
