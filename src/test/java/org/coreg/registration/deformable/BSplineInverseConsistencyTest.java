package org.coreg.registration.deformable;

import static org.assertj.core.api.Assertions.assertThat;

import org.coreg.image.AffineMap;
import org.coreg.image.Volume;
import org.coreg.io.ImageFormats;
import org.coreg.registration.Registration;
import org.coreg.registration.RegistrationSettings;
import org.coreg.registration.Stage;
import org.coreg.testing.SharedData;
import org.coreg.transform.AffineTransform;
import org.coreg.transform.Transforms;
import org.junit.jupiter.api.Test;

/**
 * The B-spline stage's inverse-consistency error (issue 17) on the MNI T1 and a CT-like rendering of it through a
 * known deformation: measured over the T1's object, and compared with the same two B-spline stages on top of linear
 * results registered one way each (the engine before canonical ordering).
 */
class BSplineInverseConsistencyTest {
    @Test
    void bothWaysReportsTheLoopErrorAndCanonicalLinearStagesKeepItSmall() throws Exception {
        Volume mr = ImageFormats.standard().read(SharedData.require("mni-ct-mr-templates/MNI152_T1_2mm.nii.gz"));
        BSplineDeformation truth = MultimodalCase.truth(mr.geometry());
        Volume ct = MultimodalCase.fixed(mr, truth, 5);
        RegistrationSettings s = RegistrationSettings.defaults().withStages(Stage.RIGID, Stage.AFFINE, Stage.BSPLINE);
        BothWays both = BothWays.run(s, BSplineSettings.defaults(), ct, mr);

        // The linear parts are exact inverses of each other.
        AffineMap loopLinear = both.backward().affine().after(both.forward().affine());
        assertThat(loopLinear.maxAbsDifference(AffineMap.identity())).isLessThan(1e-9);
        // The same figure computed by hand at one object point.
        double[] p = ct.geometry().center();
        double[] q = both.backward().fixedToMoving().apply(both.forward().fixedToMoving().apply(p));
        assertThat(Math.sqrt(Math.pow(q[0] - p[0], 2) + Math.pow(q[1] - p[1], 2) + Math.pow(q[2] - p[2], 2)))
                .isLessThanOrEqualTo(both.consistency().maxMm());

        // The engine before issue 17: each direction's linear stages sampled their own fixed image.
        RegistrationSettings linear = s.withStages(Stage.RIGID, Stage.AFFINE);
        AffineMap oneWayFwd = new Registration(linear).runAsGiven(ct, mr).fixedToMoving();
        AffineMap oneWayBack = new Registration(linear).runAsGiven(mr, ct).fixedToMoving();
        DeformableRegistration d = new DeformableRegistration(s, BSplineSettings.defaults(), null, null);
        InverseConsistency oneWay = InverseConsistency.of(ct, d.runFrom(ct, mr, oneWayFwd).fixedToMoving(),
                d.runFrom(mr, ct, oneWayBack).fixedToMoving());
        InverseConsistency linearOnly = InverseConsistency.of(ct, AffineTransform.fixedToMoving(oneWayFwd),
                AffineTransform.fixedToMoving(oneWayBack));
        System.out.printf("B-spline inverse consistency over %d points: mean %.3f mm, max %.3f mm; with one-way linear "
                + "stages %.3f / %.3f mm (their linear parts alone %.3f / %.3f mm)%n", both.consistency().points(),
                both.consistency().meanMm(), both.consistency().maxMm(), oneWay.meanMm(), oneWay.maxMm(),
                linearOnly.meanMm(), linearOnly.maxMm());
        assertThat(both.consistency().points()).isGreaterThan(10_000);
        assertThat(both.consistency().meanMm()).isGreaterThan(0).isLessThan(2.0);
        assertThat(both.consistency().meanMm()).isLessThanOrEqualTo(oneWay.meanMm() + 0.05);
        assertThat(Transforms.compose(both.forward().fixedToMoving(), both.backward().fixedToMoving()).isLinear())
                .isFalse();
    }
}
