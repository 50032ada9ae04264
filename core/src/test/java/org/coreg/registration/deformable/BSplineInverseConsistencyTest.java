package org.coreg.registration.deformable;

import static org.assertj.core.api.Assertions.assertThat;

import org.coreg.image.AffineMap;
import org.coreg.image.Volume;
import org.coreg.io.ImageFormats;
import org.coreg.registration.RegistrationSettings;
import org.coreg.registration.Stage;
import org.coreg.testing.SharedData;
import java.util.function.Predicate;
import org.coreg.transform.AffineTransform;
import org.coreg.transform.SpatialTransform;
import org.coreg.transform.Transforms;
import org.junit.jupiter.api.Test;

/**
 * The B-spline stage's inverse-consistency error (issue 17) on the MNI T1 and a CT-like rendering of it through a
 * known deformation: measured over the object, for the two runs as they come out and for the averaged pair that
 * {@link BothWays} returns, whose forward map must be no less accurate than the run alone.
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

        DeformableRegistration d = new DeformableRegistration(s, BSplineSettings.defaults(), null, null);
        // Accuracy of each direction against the known deformation, before and after averaging.
        Predicate<double[]> inside = MultimodalCase.inside(mr, truth);
        SpatialTransform t = truth.toTransform();
        double fwdAfter = Deformations.meanError(ct.geometry(), t, both.forward().fixedToMoving(), inside);
        // the forward run as it came out (same seeds as inside BothWays.run), before averaging
        double fwdBefore = Deformations.meanError(ct.geometry(), t,
                d.runFrom(ct, mr, both.forward().affine()).fixedToMoving(), inside);
        // the backward map against the truth: how far back(truth(x)) lands from x
        double backAfter = Deformations.meanError(ct.geometry(), AffineTransform.fixedToMoving(AffineMap.identity()),
                Transforms.compose(t, both.backward().fixedToMoving()), inside);
        System.out.printf("B-spline inverse consistency over %d points: averaged pair mean %.3f mm, max %.3f mm; the "
                + "two runs as they came out %.3f / %.3f mm; forward error vs truth %.3f mm averaged, %.3f mm alone; "
                + "backward loop with truth %.3f mm%n", both.consistency().points(), both.consistency().meanMm(),
                both.consistency().maxMm(), both.independent().meanMm(), both.independent().maxMm(), fwdAfter,
                fwdBefore, backAfter);
        assertThat(both.consistency().points()).isGreaterThan(10_000);
        assertThat(both.consistency().meanMm()).isLessThan(0.5 * both.independent().meanMm());
        assertThat(fwdAfter).isLessThanOrEqualTo(fwdBefore + 0.05);
        assertThat(Transforms.compose(both.forward().fixedToMoving(), both.backward().fixedToMoving()).isLinear())
                .isFalse();
    }
}
