package org.coreg.app.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.coreg.app.task.CancelToken;
import org.coreg.app.task.CancelledException;
import org.coreg.image.AffineMap;
import org.coreg.registration.deformable.BSplineSettings;
import org.coreg.registration.quality.QualityStatus;
import org.junit.jupiter.api.Test;

/** The workstation's service runs the B-spline stage after the linear ones, as {@code coreg register} does. */
class BSplineStageServiceTest {
    private static RegistrationOptions rigidThenBSpline(boolean bothWays) {
        return new RegistrationOptions(List.of(RegistrationStage.RIGID), RegistrationOptions.CT_MR_HEAD, null,
                AffineMap.identity()).withBSpline(new BSplineStage(BSplineSettings.defaults().withGridSpacing(60)
                .withIterations(40), bothWays));
    }

    @Test
    void theResultCarriesTheWholeMapItsFoldingCheckAndTheDeterminantOnTheFixedGrid() throws Exception {
        List<String> levels = new ArrayList<>();
        var fixed = EngineRegistrationServiceTest.fixed();
        RegisteredTransform r = new EngineRegistrationService(EngineRegistrationServiceTest.quick()).runChecked(fixed,
                EngineRegistrationServiceTest.moving(), rigidThenBSpline(true), new RegistrationListener() {
                    @Override
                    public void levelStarted(RegistrationStage stage, int level, int n) {
                        levels.add(stage + " " + level + "/" + n);
                    }

                    @Override
                    public void iteration(int iteration, double value) {
                    }
                }, new CancelToken());
        // both ways (the command line's default): the levels run twice, and the report states the pair's error
        assertThat(levels).containsExactly("RIGID 1/3", "RIGID 2/3", "RIGID 3/3", "BSPLINE 1/3", "BSPLINE 2/3",
                "BSPLINE 3/3", "RIGID 1/3", "RIGID 2/3", "RIGID 3/3", "BSPLINE 1/3", "BSPLINE 2/3", "BSPLINE 3/3");
        assertThat(r.report().inverseConsistencyMm()).isNotNull().isBetween(0.0, 2.0);
        assertThat(r.report().status()).isNotEqualTo(QualityStatus.FAILED);
        assertThat(r.report().stages()).containsExactly("rigid", "bspline");
        assertThat(r.deformable()).isNotNull();
        assertThat(r.fixedToMoving()).isEqualTo(r.deformable().affine());
        // the rigid part finds the known shift; the whole map stays near it on this rigidly moved pair
        assertThat(r.fixedToMoving().maxAbsDifference(EngineRegistrationServiceTest.TRUTH)).isLessThan(1.5);
        double[] p = fixed.geometry().center();
        double[] whole = r.deformable().fixedToMoving().apply(p);
        double[] truth = EngineRegistrationServiceTest.TRUTH.apply(p);
        for (int a = 0; a < 3; a++) {
            assertThat(Math.abs(whole[a] - truth[a])).as("axis %d at the centre", a).isLessThan(3.0);
        }
        var folding = r.deformable().folding();
        assertThat(folding.map()).as("kept for the overlay").isNotNull();
        assertThat(folding.map().geometry()).isEqualTo(fixed.geometry());
        assertThat(folding.min()).isLessThanOrEqualTo(1.0);
        assertThat(folding.max()).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void aCancelledBSplineRunEndsAsCancelled() {
        CancelToken cancel = new CancelToken();
        cancel.cancel();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new EngineRegistrationService(
                EngineRegistrationServiceTest.quick()).runChecked(EngineRegistrationServiceTest.fixed(),
                EngineRegistrationServiceTest.moving(), rigidThenBSpline(false), new RegistrationListener() {
                    @Override
                    public void levelStarted(RegistrationStage stage, int level, int n) {
                    }

                    @Override
                    public void iteration(int iteration, double value) {
                    }
                }, cancel)).isInstanceOf(CancelledException.class);
    }
}
