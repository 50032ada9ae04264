package org.coreg.app.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.coreg.app.task.CancelToken;
import org.coreg.image.AffineMap;
import org.coreg.registration.landmarks.LandmarkPair;
import org.coreg.registration.quality.QualityStatus;
import org.junit.jupiter.api.Test;

/** The workstation's service returns the same quality report as the command line, and uses landmark pairs. */
class CheckedRegistrationTest {
    private static final RegistrationListener SILENT = new RegistrationListener() {
        @Override
        public void levelStarted(RegistrationStage stage, int level, int levels) {
        }

        @Override
        public void iteration(int iteration, double metric) {
        }
    };

    private static RegistrationOptions rigid(AffineMap initial) {
        return new RegistrationOptions(RegistrationOptions.defaultStages(), RegistrationOptions.CT_MR_HEAD, null,
                initial);
    }

    @Test
    void theDefaultStagesAreTheEnginesOneDefinitionRigid() {
        assertThat(RegistrationOptions.defaultStages()).containsExactly(RegistrationStage.RIGID);
    }

    @Test
    void aGoodRunCarriesItsReport() throws Exception {
        EngineRegistrationService service = new EngineRegistrationService(EngineRegistrationServiceTest.quick());
        RegisteredTransform r = service.runChecked(EngineRegistrationServiceTest.fixed(),
                EngineRegistrationServiceTest.moving(), rigid(AffineMap.identity()), SILENT, new CancelToken());
        // The coarse synthetic head is nearly the same turned 180 degrees about its long axis: the search sees that
        // flip score as well as the right pose, and the report may say so (uncertain), but never failed.
        assertThat(r.report().status()).isNotEqualTo(QualityStatus.FAILED);
        assertThat(r.report().alternatives()).isNotEmpty();
        assertThat(r.report().metricFinal()).isLessThan(r.report().metricStart());
        assertThat(r.fixedToMoving().maxAbsDifference(EngineRegistrationServiceTest.TRUTH)).isLessThan(1.5);
    }

    @Test
    void aMirroringStartFailsWithItsReport() {
        EngineRegistrationService service = new EngineRegistrationService(EngineRegistrationServiceTest.quick());
        AffineMap mirror = AffineMap.ofRowMajor3x4(-1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0);
        assertThatThrownBy(() -> service.runChecked(EngineRegistrationServiceTest.fixed(),
                EngineRegistrationServiceTest.moving(), rigid(mirror), SILENT, new CancelToken()))
                .isInstanceOfSatisfying(RegistrationFailedException.class, e -> {
                    assertThat(e.report().status()).isEqualTo(QualityStatus.FAILED);
                    assertThat(e.getMessage()).contains("mirrors space");
                });
    }

    @Test
    void landmarkPairsAreUsedAndReported() throws Exception {
        AffineMap truth = EngineRegistrationServiceTest.TRUTH;
        List<LandmarkPair> pairs = new ArrayList<>();
        double[][] pts = {{30, 0, 0}, {-30, 20, 5}, {0, 40, -20}, {10, -40, 25}};
        for (int i = 0; i < pts.length; i++) {
            pairs.add(new LandmarkPair("L" + i, pts[i], truth.apply(pts[i])));
        }
        EngineRegistrationService service = new EngineRegistrationService(EngineRegistrationServiceTest.quick());
        RegisteredTransform r = service.runChecked(EngineRegistrationServiceTest.fixed(),
                EngineRegistrationServiceTest.moving(), rigid(AffineMap.identity()).withLandmarks(pairs), SILENT,
                new CancelToken());
        assertThat(r.report().stages()).containsExactly("landmarks", "rigid");
        assertThat(r.report().landmarks().errors().meanMm()).isLessThan(1.5);
    }
}
