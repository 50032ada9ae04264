package org.coreg.app.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.coreg.app.render.SampledVolume;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.image.VoxelType;
import org.coreg.registration.deformable.FoldingCheck;
import org.coreg.testing.TestVolumes;
import org.coreg.transform.BSplineTransform;
import org.coreg.transform.CompositeTransform;
import org.coreg.transform.AffineTransform;
import org.coreg.transform.Direction;
import org.junit.jupiter.api.Test;

/** A B-spline result lives beside the session's affine transform exactly as long as that transform is its own. */
class DeformationSessionTest {
    private static final AffineMap AFFINE = AffineMap.ofRowMajor3x4(1, 0, 0, 4, 0, 1, 0, -2, 0, 0, 1, 1);

    private static Session sessionWithResult() {
        Session s = new Session();
        ImageGeometry g = TestVolumes.obliqueGeometry(10, 9, 8);
        s.setFixed(SampledVolume.of(TestVolumes.random(VoxelType.INT16, g, 1)));
        s.setMoving(SampledVolume.of(TestVolumes.random(VoxelType.INT16, g, 2)));
        s.setTransform(AFFINE);
        var b = BSplineTransform.zero(g, new double[] {20, 20, 20}, Direction.FIXED_TO_MOVING);
        var whole = new CompositeTransform(java.util.List.of(AffineTransform.fixedToMoving(AFFINE), b));
        var map = TestVolumes.random(VoxelType.FLOAT32, g, 3);
        s.setDeformation(Deformation.of(AFFINE, whole, new FoldingCheck.Report(0.8, 1.2, 0, map)));
        return s;
    }

    @Test
    void anEditRetiresItAndRedoOfTheResultBringsItBack() {
        Session s = sessionWithResult();
        assertThat(s.deformation()).isPresent();
        assertThat(s.deformation().get().jacobian().geometry()).isEqualTo(s.fixed().orElseThrow().geometry());
        s.setTransform(AffineMap.ofRowMajor3x4(1, 0, 0, 5, 0, 1, 0, -2, 0, 0, 1, 1)); // a manual nudge
        assertThat(s.deformation()).isEmpty();
        s.undo();
        assertThat(s.deformation()).as("back to the registration result").isPresent();
        s.undo();
        assertThat(s.deformation()).isEmpty();
    }

    @Test
    void theJacobianOverlayShowsOnlyWhileTheResultIsCurrent() {
        Session s = sessionWithResult();
        s.showJacobian(true);
        assertThat(s.jacobianShown()).isTrue();
        s.setTransform(AffineMap.identity());
        assertThat(s.jacobianShown()).isFalse();
    }

    @Test
    void newVolumesAndASwapDropIt() {
        Session s = sessionWithResult();
        s.swapFixedAndMoving();
        assertThat(s.deformation()).isEmpty();
        s = sessionWithResult();
        s.setMoving(s.moving().orElseThrow());
        s.setTransform(AFFINE);
        assertThat(s.deformation()).isEmpty();
    }
}
