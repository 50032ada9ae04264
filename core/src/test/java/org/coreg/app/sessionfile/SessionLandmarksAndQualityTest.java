package org.coreg.app.sessionfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.coreg.app.load.VolumeSource;
import org.coreg.app.landmarks.PlantedPair;
import org.coreg.app.render.FusionSettings;
import org.coreg.app.render.WindowLevel;
import org.coreg.app.session.RegistrationVerdict;
import org.coreg.image.AffineMap;
import org.coreg.registration.PoseAlternative;
import org.coreg.registration.landmarks.LandmarkFitKind;
import org.coreg.registration.landmarks.LandmarkPair;
import org.coreg.registration.landmarks.LandmarkSummary;
import org.coreg.registration.quality.QualityReport;
import org.coreg.registration.quality.QualityStatus;
import org.coreg.transform.AffineTransform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionLandmarksAndQualityTest {
    private static final AffineMap RESULT = AffineMap.ofRowMajor3x4(0.99, -0.1, 0.02, 3.25, 0.1, 0.99, 0, -7.125,
            -0.02, 0, 1.01, 0.5);

    @TempDir
    Path dir;

    private static List<PlantedPair> pairs() {
        return List.of(new PlantedPair("nasion", new double[] {1.5, -80, 20}, new double[] {4.25, -77, 21}),
                new PlantedPair("left tragus", new double[] {70, 0, 0}, new double[] {72.5, 6, 1.5}),
                new PlantedPair("right tragus", new double[] {-70, 2, -1}, new double[] {-66, -6, -2}),
                new PlantedPair("vertex", new double[] {0, 5, 90}, new double[] {2, 4.5, 91.5}),
                PlantedPair.pending("half", new double[] {9, 8, 7}));
    }

    private static QualityReport report() throws Exception {
        List<LandmarkPair> complete = pairs().stream().filter(PlantedPair::complete)
                .map(p -> new LandmarkPair(p.label(), p.fixedLps(), p.movingLps())).toList();
        LandmarkSummary summary = LandmarkSummary.of(complete, LandmarkFitKind.RIGID,
                AffineTransform.fixedToMoving(RESULT), new double[] {0, 0, 10});
        return new QualityReport(QualityStatus.UNCERTAIN, List.of("A pose 25 degrees away scores almost as well.",
                "Second \"finding\"."), 0.25, -0.4375, 0.82, List.of("rigid", "affine"), 42,
                List.of(new PoseAlternative(25, 3.5, -0.43, -0.4375)), summary, null);
    }

    private static SessionDocument document(List<PlantedPair> landmarks, RegistrationVerdict verdict) {
        return new SessionDocument(new VolumeSource.ImageFile(Path.of("/data/mr.nii.gz")),
                new VolumeSource.ImageFile(Path.of("/data/ct.mha")), RESULT, List.of(), null,
                List.of(), new double[] {1, 2, 3}, new WindowLevel(40, 400), new WindowLevel(300, 800),
                FusionSettings.defaults(), landmarks, verdict);
    }

    @Test
    void landmarkPairsAndTheQualityReportRoundTrip() throws Exception {
        QualityReport report = report();
        Path file = dir.resolve("case.coreg.json");
        SessionJson.write(document(pairs(), new RegistrationVerdict(report, RESULT)), file);
        assertThat(Files.readString(file)).contains("\"landmarks\"").contains("\"status\": \"uncertain\"")
                .doesNotContain("NaN");

        SessionDocument back = SessionJson.read(file);
        assertThat(back.landmarks()).isEqualTo(pairs());
        RegistrationVerdict v = back.verdict();
        assertThat(v.result()).isEqualTo(RESULT);
        QualityReport r = v.report();
        assertThat(r.status()).isEqualTo(QualityStatus.UNCERTAIN);
        assertThat(r.reasons()).isEqualTo(report.reasons());
        assertThat(r.metricStart()).isEqualTo(0.25);
        assertThat(r.metricFinal()).isEqualTo(-0.4375);
        assertThat(r.overlap()).isEqualTo(0.82);
        assertThat(r.stages()).containsExactly("rigid", "affine");
        assertThat(r.seed()).isEqualTo(42);
        assertThat(r.alternatives()).singleElement().satisfies(a -> {
            assertThat(a.rotationDeg()).isEqualTo(25);
            assertThat(a.translationMm()).isEqualTo(3.5);
            assertThat(a.metric()).isEqualTo(-0.43);
            assertThat(a.chosenMetric()).isCloseTo(-0.4375, within(1e-12));
        });
        LandmarkSummary want = report.landmarks();
        LandmarkSummary got = r.landmarks();
        assertThat(got.fit()).isEqualTo(LandmarkFitKind.RIGID);
        assertThat(got.freMm()).isEqualTo(want.freMm());
        assertThat(got.expectedTreMm()).isEqualTo(want.expectedTreMm());
        assertThat(got.target()).containsExactly(0, 0, 10);
        assertThat(got.errors().meanMm()).isEqualTo(want.errors().meanMm());
        assertThat(got.errors().maxMm()).isEqualTo(want.errors().maxMm());
        assertThat(got.errors().rmsMm()).isEqualTo(want.errors().rmsMm());
        assertThat(got.errors().points()).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(got.errors().points().get(i).label()).isEqualTo(want.errors().points().get(i).label());
            assertThat(got.errors().points().get(i).errorMm()).isEqualTo(want.errors().points().get(i).errorMm());
            assertThat(got.errors().points().get(i).mapped())
                    .containsExactly(want.errors().points().get(i).mapped(), within(0.0));
        }
        // the same document written again is the same file
        Path again = dir.resolve("again.coreg.json");
        SessionJson.write(back, again);
        assertThat(Files.readString(again)).isEqualTo(Files.readString(file));
    }

    @Test
    void aFailedRunKeepsItsReportWithoutATransformAndNonFiniteFiguresReadAsNaN() throws Exception {
        QualityReport failed = new QualityReport(QualityStatus.FAILED, List.of("Only 4% of the fixed samples fall "
                + "inside the moving image at the end (at least 10% needed)."), Double.NaN, Double.NaN, 0.04,
                List.of("rigid"), 7, List.of(), null, null);
        Path file = dir.resolve("failed.coreg.json");
        SessionJson.write(document(List.of(), new RegistrationVerdict(failed, null)), file);
        RegistrationVerdict v = SessionJson.read(file).verdict();
        assertThat(v.result()).isNull();
        assertThat(v.report().status()).isEqualTo(QualityStatus.FAILED);
        assertThat(v.report().metricStart()).isNaN();
        assertThat(v.report().overlap()).isEqualTo(0.04);
        assertThat(v.report().landmarks()).isNull();
    }

    @Test
    void aFileFromBeforeLandmarksReadsAsNoPairsAndNoReport() throws Exception {
        Path file = dir.resolve("old.coreg.json");
        SessionJson.write(document(List.of(), null), file);
        String text = Files.readString(file);
        // an older file has neither field at all
        String old = text.replaceAll(",\\s*\"landmarks\": \\[\\]", "").replaceAll(",\\s*\"quality\": null", "");
        assertThat(old).doesNotContain("landmarks").doesNotContain("quality");
        Files.writeString(file, old);
        SessionDocument back = SessionJson.read(file);
        assertThat(back.landmarks()).isEmpty();
        assertThat(back.verdict()).isNull();
    }

    @Test
    void aBadLandmarkOrReportFieldIsNamed() throws Exception {
        Path file = dir.resolve("bad.coreg.json");
        SessionJson.write(document(pairs(), new RegistrationVerdict(report(), RESULT)), file);
        String good = Files.readString(file);
        Files.writeString(file, good.replace("\"status\": \"uncertain\"", "\"status\": \"maybe\""));
        assertThatThrownBy(() -> SessionJson.read(file)).isInstanceOf(SessionFileException.class)
                .hasMessageContaining("bad.coreg.json").hasMessageContaining("quality.report.status")
                .hasMessageContaining("ok, uncertain or failed");
        Files.writeString(file, good.replaceFirst("\"label\": \"left tragus\"", "\"label\": \"nasion\""));
        assertThatThrownBy(() -> SessionJson.read(file)).hasMessageContaining("landmarks[1].label");
        Files.writeString(file, good.replaceFirst("\"fixed\": \\[", "\"fixed\": [\"x\", "));
        assertThatThrownBy(() -> SessionJson.read(file)).hasMessageContaining("landmarks[0].fixed");
    }
}
