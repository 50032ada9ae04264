package org.coreg.registration.deformable;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Predicate;
import org.coreg.image.AffineMap;
import org.coreg.image.Volume;
import org.coreg.registration.RegistrationSettings;
import org.coreg.registration.Stage;
import org.coreg.testing.SharedData;
import org.coreg.io.ImageFormats;
import org.coreg.transform.AffineTransform;
import org.coreg.transform.SpatialTransform;
import org.junit.jupiter.api.Test;

/**
 * Real MR (MNI152 T1, 2 mm) against a CT-like rendering of itself through a known deformation: rigid, affine and
 * B-spline stages recover the deformation. Skipped where ../shared/data is absent.
 */
class MultimodalBSplineTest {
    @Test
    void recoversAKnownDeformationBetweenMrAndACtLikeRendering() throws Exception {
        Volume mr = ImageFormats.standard().read(SharedData.require("mni-ct-mr-templates/MNI152_T1_2mm.nii.gz"));
        BSplineDeformation truth = MultimodalCase.truth(mr.geometry());
        Volume fixed = MultimodalCase.fixed(mr, truth, 5);
        Predicate<double[]> inside = MultimodalCase.inside(mr, truth);
        SpatialTransform t = truth.toTransform();
        double before = Deformations.meanError(mr.geometry(), t,
                AffineTransform.fixedToMoving(AffineMap.identity()), inside);
        RegistrationSettings s = RegistrationSettings.defaults().withStages(Stage.RIGID, Stage.AFFINE, Stage.BSPLINE);
        DeformableResult r = new DeformableRegistration(s, BSplineSettings.defaults(), null, null).run(fixed, mr);
        double after = Deformations.meanError(mr.geometry(), t, r.fixedToMoving(), inside);
        System.out.printf("MNI T1 vs CT-like: mean displacement %.3f mm before, %.3f mm after; det min %.3f, "
                + "non-positive %.5f%n", before, after, r.folding().min(), r.folding().fractionNonPositive());
        r.log().forEach(System.out::println);
        assertThat(before).isGreaterThan(2.0);
        assertThat(after).isLessThan(0.5 * before).isLessThan(1.0);
        assertThat(r.folding().folds()).isFalse();
        assertThat(r.log()).extracting(l -> l.stage()).contains("rigid", "bspline");
    }
}
