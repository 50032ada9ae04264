package org.coreg.app.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.image.ImageMetadata;
import org.coreg.image.Volume;
import org.coreg.image.VoxelData;
import org.coreg.image.VoxelType;
import org.coreg.testing.TestVolumes;
import org.coreg.transform.AffineTransform;
import org.coreg.transform.Direction;
import org.coreg.transform.SpatialTransform;
import org.junit.jupiter.api.Test;

class WarpedSliceSamplerTest {
    private static final double[] GRADIENT = {0.7, -1.3, 2.1};

    /** Each voxel holds a linear function of its LPS centre: trilinear sampling of it is exact inside the volume. */
    private static Volume worldRamp(ImageGeometry g) {
        VoxelData d = VoxelData.allocate(VoxelType.FLOAT32, g.voxelCount());
        int n = 0;
        for (int k = 0; k < g.size(2); k++) {
            for (int j = 0; j < g.size(1); j++) {
                for (int i = 0; i < g.size(0); i++) {
                    d.set(n++, ramp(g.indexToWorld(i, j, k)));
                }
            }
        }
        return new Volume(d, g, ImageMetadata.named("ramp"));
    }

    private static double ramp(double[] p) {
        return 500 + GRADIENT[0] * p[0] + GRADIENT[1] * p[1] + GRADIENT[2] * p[2];
    }

    /** A smooth non-linear map: a sine wave of up to 2 mm along L that varies along P. */
    private static final SpatialTransform WAVE = new SpatialTransform() {
        @Override
        public Direction direction() {
            return Direction.FIXED_TO_MOVING;
        }

        @Override
        public void apply(double[] p, double[] out) {
            double x = p[0] + 2 * Math.sin(p[1] / 7);
            out[1] = p[1];
            out[2] = p[2];
            out[0] = x;
        }

        @Override
        public boolean isLinear() {
            return false;
        }

        @Override
        public SpatialTransform withDirection(Direction d) {
            return this;
        }

        @Override
        public String describe() {
            return "wave";
        }
    };

    @Test
    void eachPixelShowsTheVolumeAtItsMappedPoint() {
        ImageGeometry g = TestVolumes.obliqueGeometry(30, 28, 20);
        SampledVolume v = SampledVolume.of(worldRamp(g));
        double[] centre = g.center();
        for (ViewPlane plane : ViewPlane.values()) {
            SliceGrid grid = SliceGrid.centred(plane, centre, 0.8, 21, 17);
            float[] out = new float[grid.pixelCount()];
            WarpedSliceSampler.sample(v, WAVE, grid, Interpolation.LINEAR, out);
            for (int y = 0; y < grid.height(); y += 4) {
                for (int x = 0; x < grid.width(); x += 5) {
                    double[] p = new double[3];
                    for (int a = 0; a < 3; a++) {
                        p[a] = grid.topLeft()[a] + (x * grid.plane().right()[a] + y * grid.plane().down()[a])
                                * grid.pixelMm();
                    }
                    assertThat((double) out[y * grid.width() + x]).as("%s pixel %d,%d", plane, x, y)
                            .isCloseTo(ramp(WAVE.apply(p)), within(1e-2));
                }
            }
        }
    }

    @Test
    void throughAnAffineMapItDrawsWhatTheAffineRendererDraws() {
        ImageGeometry g = TestVolumes.obliqueGeometry(24, 22, 18);
        SampledVolume v = SampledVolume.of(TestVolumes.random(VoxelType.INT16, g, 3));
        AffineMap m = AffineMap.ofRowMajor3x4(0.98, 0.05, 0, 3.5, -0.04, 1.01, 0.02, -2, 0, -0.03, 0.99, 1.25);
        for (Interpolation interp : Interpolation.values()) {
            for (ViewPlane plane : ViewPlane.values()) {
                SliceGrid grid = SliceGrid.centred(plane, g.center(), 0.6, 40, 33);
                float[] affine = new float[grid.pixelCount()];
                float[] warped = new float[grid.pixelCount()];
                SliceRenderer.sample(v, m, grid, interp, affine);
                WarpedSliceSampler.sample(v, AffineTransform.fixedToMoving(m), grid, interp, warped);
                for (int p = 0; p < affine.length; p++) {
                    if (Float.isNaN(affine[p])) {
                        assertThat(warped[p]).as("%s %s pixel %d", interp, plane, p).isNaN();
                    } else {
                        assertThat(warped[p]).as("%s %s pixel %d", interp, plane, p)
                                .isCloseTo(affine[p], within(1e-2f * Math.max(1, Math.abs(affine[p]))));
                    }
                }
            }
        }
    }
}
