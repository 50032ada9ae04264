package org.coreg.app.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.coreg.app.task.CancelToken;
import org.coreg.image.AffineMap;
import org.coreg.registration.Stage;
import org.junit.jupiter.api.Test;

/**
 * Every linear stage the engine has runs from the workstation's service (the default stages are the engine's one
 * definition: CheckedRegistrationTest).
 */
class RegisterStagesTest {
    @Test
    void similarityMapsOntoTheEngineStageAndReportsItsLevels() throws Exception {
        EngineRegistrationService service = new EngineRegistrationService(EngineRegistrationServiceTest.quick());
        RegistrationOptions options = new RegistrationOptions(List.of(RegistrationStage.RIGID,
                RegistrationStage.SIMILARITY), RegistrationOptions.CT_MR_HEAD, null, AffineMap.identity());
        assertThat(service.settings(options).stages()).containsExactly(Stage.RIGID, Stage.SIMILARITY);
        List<String> levels = new ArrayList<>();
        AffineMap t = service.run(EngineRegistrationServiceTest.fixed(), EngineRegistrationServiceTest.moving(),
                options, new RegistrationListener() {
                    @Override
                    public void levelStarted(RegistrationStage stage, int level, int n) {
                        levels.add(stage + " " + level + "/" + n);
                    }

                    @Override
                    public void iteration(int iteration, double metric) {
                    }
                }, new CancelToken());
        assertThat(levels).contains("RIGID 1/3", "RIGID 3/3", "SIMILARITY 1/3", "SIMILARITY 3/3");
        // the same bound as the rigid run of EngineRegistrationServiceTest: the pair differs by a rigid motion, so the
        // similarity stage, kept only when it improves the metric, must not move the result away from it
        assertThat(EngineRegisterErrors.errorMm(t, EngineRegistrationServiceTest.TRUTH)).isLessThan(5.0);
    }

    /** The worst distance between two maps over points of the head. */
    static final class EngineRegisterErrors {
        static double errorMm(AffineMap a, AffineMap b) {
            double worst = 0;
            for (double[] p : new double[][] {{0, 0, 0}, {60, 0, 0}, {0, 70, 0}, {0, 0, 50}, {-60, -70, -50}}) {
                double[] x = a.apply(p);
                double[] y = b.apply(p);
                worst = Math.max(worst, Math.sqrt((x[0] - y[0]) * (x[0] - y[0]) + (x[1] - y[1]) * (x[1] - y[1])
                        + (x[2] - y[2]) * (x[2] - y[2])));
            }
            return worst;
        }
    }
}
