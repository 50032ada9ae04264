package org.coreg.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;
import org.coreg.image.VoxelType;
import org.coreg.image.interpolation.InterpolationKind;
import org.coreg.testing.TestVolumes;
import org.junit.jupiter.api.Test;

class ResamplerTest {
    static final ImageGeometry MOVING = ImageGeometry.of(new int[] {30, 28, 20}, new double[] {1.2, 1.0, 2.0},
            new double[] {-15, -12, -18}, TestVolumes.rotation(0.2, -0.1, 0.3));
    static final double[] CENTRE = {2, 1, 0};

    @Test
    void identityOnTheSameGridReproducesEveryVoxel() throws Exception {
        Volume v = TestVolumes.random(VoxelType.INT16, MOVING, 3);
        for (InterpolationKind k : InterpolationKind.values()) {
            Volume r = Resampler.resample(v, AffineTransform.identity(Direction.FIXED_TO_MOVING), MOVING,
                    new Resampler.Settings(k, 0));
            assertThat(r.type()).isEqualTo(VoxelType.INT16);
            for (int i = 0; i < v.voxels().length(); i++) {
                // B-spline interpolation is exact at voxel centres up to rounding of the prefilter.
                assertThat(r.voxels().get(i)).as("%s voxel %d", k, i).isCloseTo(v.voxels().get(i),
                        org.assertj.core.data.Offset.offset(k == InterpolationKind.BSPLINE ? 1.0 : 0.0));
            }
        }
    }

    @Test
    void resampledValuesFollowTheTransform() throws Exception {
        Volume moving = PhantomVolumes.sample(MOVING, VoxelType.FLOAT32, CENTRE);
        AffineTransform t = AffineTransform.fixedToMoving(TransformTestData.rigid(0.1, -0.05, 0.12,
                new double[] {0, 0, 0}, new double[] {2, -1, 1.5}));
        ImageGeometry fixed = ImageGeometry.axisAligned(new int[] {24, 22, 14}, new double[] {1, 1, 1.5},
                new double[] {-11, -10, -10});
        Volume r = Resampler.resample(moving, t, fixed, new Resampler.Settings(InterpolationKind.BSPLINE, -5000));
        double worst = 0;
        int inside = 0;
        for (int k = 0; k < 14; k++) {
            for (int j = 0; j < 22; j++) {
                for (int i = 0; i < 24; i++) {
                    double[] m = t.apply(fixed.indexToWorld(i, j, k));
                    double[] idx = MOVING.worldToIndex(m);
                    double got = r.realValue(i, j, k);
                    boolean in = idx[0] >= 1 && idx[0] <= 28 && idx[1] >= 1 && idx[1] <= 26 && idx[2] >= 1
                            && idx[2] <= 18;
                    if (in) {
                        inside++;
                        worst = Math.max(worst, Math.abs(got - PhantomVolumes.value(m, CENTRE)));
                    }
                    if (idx[0] < -0.5 || idx[0] >= 29.5) {
                        assertThat(got).isEqualTo(-5000);
                    }
                }
            }
        }
        assertThat(inside).isGreaterThan(1000);
        // The phantom varies by up to ~100 per voxel; cubic interpolation of it stays within a few units.
        assertThat(worst).isLessThan(15);
    }

    @Test
    void integerOutputIsRoundedAndClamped() throws Exception {
        Volume v = PhantomVolumes.sample(MOVING, VoxelType.FLOAT32, CENTRE);
        Volume asInt = new Volume(v.voxels(), MOVING, v.metadata());
        Volume r = Resampler.resample(asInt, AffineTransform.identity(Direction.FIXED_TO_MOVING), MOVING,
                new Resampler.Settings(InterpolationKind.NEAREST, 1e9));
        assertThat(r.voxels().get(0)).isEqualTo(v.voxels().get(0));
        ImageGeometry outside = MOVING.withOrigin(new double[] {1000, 1000, 1000});
        Volume i16 = Resampler.resample(TestVolumes.random(VoxelType.INT16, MOVING, 1),
                AffineTransform.identity(Direction.FIXED_TO_MOVING), outside,
                new Resampler.Settings(InterpolationKind.LINEAR, 1e9));
        assertThat(i16.voxels().range()).containsExactly(32767, 32767);
    }

    @Test
    void hardeningARigidTransformPlacesEveryVoxelCentreWhereResamplingLooksForIt() throws Exception {
        Volume moving = PhantomVolumes.sample(MOVING, VoxelType.FLOAT32, CENTRE);
        double[] r = Rotations.eulerZXY(0.3, 0.2, -0.4);
        for (int i = 0; i < 9; i++) {
            r[i] *= 1.1;
        }
        for (AffineMap m : new AffineMap[] {TransformTestData.rigid(0.3, 0.2, -0.4, CENTRE, new double[] {4, -2, 7}),
            AffineMap.of(r, new double[] {1, 2, 3})}) {
            AffineTransform t = AffineTransform.fixedToMoving(m);
            Hardening.Result h = Hardening.hardenLinear(moving, t);
            assertThat(h.resampled()).isFalse();
            assertThat(h.volume().voxels()).isSameAs(moving.voxels());
            double worst = 0;
            for (int k = 0; k < 20; k += 3) {
                for (int j = 0; j < 28; j += 3) {
                    for (int i = 0; i < 30; i += 3) {
                        double[] inFixed = h.volume().geometry().indexToWorld(i, j, k);
                        worst = Math.max(worst, TransformTestData.distance(t.apply(inFixed),
                                MOVING.indexToWorld(i, j, k)));
                    }
                }
            }
            assertThat(worst).isLessThan(1e-9);
            // Resampling the hardened volume with no transform equals resampling the original through t.
            ImageGeometry fixed = ImageGeometry.axisAligned(new int[] {16, 16, 10}, new double[] {1, 1, 1},
                    new double[] {-8, -8, -5});
            Volume a = Resampler.resample(h.volume(), AffineTransform.identity(Direction.FIXED_TO_MOVING), fixed,
                    Resampler.Settings.LINEAR);
            Volume b = Resampler.resample(moving, t, fixed, Resampler.Settings.LINEAR);
            for (int n = 0; n < a.voxels().length(); n++) {
                assertThat(a.voxels().get(n)).isCloseTo(b.voxels().get(n), org.assertj.core.data.Offset.offset(1e-2));
            }
        }
    }

    @Test
    void shearCannotBeHardenedIntoGeometryButIsResampled() throws Exception {
        Volume moving = PhantomVolumes.sample(MOVING, VoxelType.FLOAT32, CENTRE);
        AffineTransform shear = AffineTransform.fixedToMoving(TransformTestData.shearedAffine());
        assertThatThrownBy(() -> Hardening.hardenLinear(moving, shear)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shears");
        Hardening.Result h = Hardening.harden(moving, shear, MOVING, Resampler.Settings.LINEAR);
        assertThat(h.resampled()).isTrue();
        assertThat(h.volume().geometry()).isEqualTo(MOVING);
        assertThat(h.historyEntry()).contains("resampling");
    }
}
