package org.coreg.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;
import org.coreg.image.VoxelType;
import org.coreg.transform.AffineTransform;
import org.coreg.transform.BSplineTransform;
import org.coreg.transform.Direction;
import org.coreg.transform.PhantomVolumes;
import org.coreg.transform.Resampler;
import org.coreg.transform.SpatialTransform;
import org.coreg.transform.TransformTestData;
import org.coreg.transform.Transforms;
import org.junit.jupiter.api.Test;

class PointMapperTest {
    static PointList plan(double[][] pts) {
        List<PlanningPoint> l = new ArrayList<>();
        for (int i = 0; i < pts.length; i++) {
            l.add(new PlanningPoint("P" + i, pts[i], "planned on MRI", i % 2 == 0));
        }
        return PointList.of("plan", Space.FIXED, l);
    }

    @Test
    void affineRoundTripReturnsEveryPointWithinAMicrometre() throws Exception {
        AffineTransform t = AffineTransform.fixedToMoving(TransformTestData.shearedAffine());
        PointMapper mapper = new PointMapper(t);
        PointList fixed = plan(TransformTestData.points(200, 4));
        PointMapper.Result toMoving = mapper.fixedToMoving(fixed);
        assertThat(toMoving.points().space()).isEqualTo(Space.MOVING);
        assertThat(toMoving.points().history()).singleElement().asString().contains("fixed->moving");
        PointList back = mapper.movingToFixed(toMoving.points()).points();
        assertThat(back.space()).isEqualTo(Space.FIXED);
        assertThat(back.history()).hasSize(2);
        double worst = 0;
        for (int i = 0; i < fixed.size(); i++) {
            worst = Math.max(worst, TransformTestData.distance(back.get(i).lps(), fixed.get(i).lps()));
            assertThat(back.get(i).label()).isEqualTo(fixed.get(i).label());
            assertThat(back.get(i).locked()).isEqualTo(fixed.get(i).locked());
        }
        assertThat(worst).isLessThan(1e-6);
    }

    @Test
    void bsplineRoundTripUsesTheNumericalInverseAndReportsItsResidual() throws Exception {
        BSplineTransform b = TransformTestData.bspline(3, 6);
        PointMapper mapper = new PointMapper(b);
        PointList fixed = plan(TransformTestData.pointsInside(b, 100, 5, 0.8));
        PointList moving = mapper.fixedToMoving(fixed).points();
        PointMapper.Result back = mapper.movingToFixed(moving);
        assertThat(back.maxResidual()).isLessThan(1e-6);
        for (int i = 0; i < fixed.size(); i++) {
            assertThat(TransformTestData.distance(back.points().get(i).lps(), fixed.get(i).lps())).isLessThan(0.05);
        }
    }

    @Test
    void aMovingToFixedTransformMapsTheOtherWayItself() throws Exception {
        AffineTransform t = AffineTransform.fixedToMoving(TransformTestData.shearedAffine());
        SpatialTransform inv = Transforms.inverse(t);
        PointList fixed = plan(TransformTestData.points(10, 1));
        PointList a = new PointMapper(t).fixedToMoving(fixed).points();
        PointList b = new PointMapper(inv).fixedToMoving(fixed).points();
        for (int i = 0; i < 10; i++) {
            assertThat(TransformTestData.distance(a.get(i).lps(), b.get(i).lps())).isLessThan(1e-9);
        }
    }

    @Test
    void directionMustMatchTheListsSpace() {
        PointMapper m = new PointMapper(AffineTransform.identity(Direction.FIXED_TO_MOVING));
        PointList fixed = plan(TransformTestData.points(2, 1));
        assertThatThrownBy(() -> m.movingToFixed(fixed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FIXED space");
    }

    @Test
    void aLandmarkPlannedOnTheFixedPhantomLandsOnTheSameAnatomyInTheMovingOne() throws Exception {
        // The moving phantom is the fixed one seen through a known rigid motion: its blob centre is T(fixed centre).
        double[] fixedCentre = {4, -6, 2};
        AffineTransform t = AffineTransform.fixedToMoving(TransformTestData.rigid(0.15, -0.1, 0.25, fixedCentre,
                new double[] {7, -3, 5}));
        double[] movingCentre = t.apply(fixedCentre);
        ImageGeometry g = ImageGeometry.axisAligned(new int[] {60, 60, 40}, new double[] {1, 1, 1},
                new double[] {-25, -30, -18});
        Volume moving = PhantomVolumes.sample(g, VoxelType.FLOAT32, movingCentre);
        PointList plan = PointList.of("plan", Space.FIXED, List.of(new PlanningPoint("target", fixedCentre, "", true)));
        double[] mapped = new PointMapper(t).fixedToMoving(plan).points().get(0).lps();
        // The blob maximum of the moving image (found by search, not from T) is where the target was mapped.
        double best = Double.NEGATIVE_INFINITY;
        double[] argmax = null;
        for (int k = 0; k < 40; k++) {
            for (int j = 0; j < 60; j++) {
                for (int i = 0; i < 60; i++) {
                    double v = moving.realValue(i, j, k) - PhantomVolumes.value(g.indexToWorld(i, j, k),
                            new double[] {1e6, 1e6, 1e6});
                    if (v > best) {
                        best = v;
                        argmax = g.indexToWorld(i, j, k);
                    }
                }
            }
        }
        assertThat(TransformTestData.distance(mapped, argmax)).isLessThan(1.0);
        // And resampling the moving phantom onto the fixed grid brings the blob back under the planned point.
        Volume r = Resampler.resample(moving, t, g, Resampler.Settings.LINEAR);
        double[] idx = g.worldToIndex(fixedCentre);
        assertThat(r.realValue((int) Math.round(idx[0]), (int) Math.round(idx[1]), (int) Math.round(idx[2])))
                .isGreaterThan(900);
    }
}
