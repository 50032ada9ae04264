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
import org.junit.jupiter.api.Test;

class SliceRendererTest {
    private static final double[] GRADIENT = {0.7, -1.3, 2.1};
    private static final double OFFSET = 500;

    /** Each voxel holds a linear function of its own LPS centre, so the right value at a point is known exactly. */
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
        return OFFSET + GRADIENT[0] * p[0] + GRADIENT[1] * p[1] + GRADIENT[2] * p[2];
    }

    @Test
    void nearestShowsTheVoxelWhoseCentreIsUnderThePixel() {
        ImageGeometry g = TestVolumes.obliqueGeometry(30, 24, 18);
        Volume v = TestVolumes.random(VoxelType.INT16, g, 7);
        SampledVolume s = SampledVolume.of(v);
        int[][] voxels = {{3, 4, 5}, {17, 11, 9}, {29, 23, 17}, {0, 0, 0}};
        for (ViewPlane plane : ViewPlane.values()) {
            for (int[] ijk : voxels) {
                double[] centre = g.indexToWorld(ijk[0], ijk[1], ijk[2]);
                SliceGrid grid = SliceGrid.centred(plane, centre, 0.25, 9, 9);
                float[] out = new float[81];
                SliceRenderer.sample(s, AffineMap.identity(), grid, Interpolation.NEAREST, out);
                assertThat((double) out[4 * 9 + 4]).as("%s voxel %s", plane, java.util.Arrays.toString(ijk))
                        .isEqualTo(v.realValue(ijk[0], ijk[1], ijk[2]));
            }
        }
    }

    @Test
    void linearSamplingOfAnObliqueVolumeReproducesTheWorldFunction() {
        ImageGeometry g = TestVolumes.obliqueGeometry(40, 32, 24);
        SampledVolume s = SampledVolume.of(worldRamp(g));
        for (ViewPlane plane : ViewPlane.values()) {
            SliceGrid grid = SliceGrid.covering(g, plane, g.center());
            float[] out = new float[grid.pixelCount()];
            SliceRenderer.sample(s, AffineMap.identity(), grid, Interpolation.LINEAR, out);
            int inside = 0;
            for (int y = 0; y < grid.height(); y++) {
                for (int x = 0; x < grid.width(); x++) {
                    double[] p = grid.toWorld(x, y);
                    double[] idx = g.worldToIndex(p);
                    boolean interior = idx[0] >= 0 && idx[1] >= 0 && idx[2] >= 0 && idx[0] <= 39 && idx[1] <= 31
                            && idx[2] <= 23;
                    boolean outside = idx[0] < -0.5 || idx[1] < -0.5 || idx[2] < -0.5 || idx[0] > 39.5
                            || idx[1] > 31.5 || idx[2] > 23.5;
                    float value = out[y * grid.width() + x];
                    if (interior) {
                        inside++;
                        assertThat((double) value).isCloseTo(ramp(p), within(1e-2));
                    } else if (outside) {
                        assertThat(value).isNaN();
                    }
                }
            }
            assertThat(inside).as(plane.name()).isGreaterThan(grid.pixelCount() / 4);
        }
    }

    @Test
    void movingImageIsSampledThroughTheFixedToMovingTransform() {
        ImageGeometry fixedGrid = ImageGeometry.axisAligned(new int[] {32, 32, 32}, new double[] {1, 1, 1},
                new double[] {0, 0, 0});
        ImageGeometry movingGrid = TestVolumes.leftHandedGeometry(48, 48, 20);
        SampledVolume moving = SampledVolume.of(worldRamp(movingGrid));
        double[] c = movingGrid.center();
        // fixed point p maps to moving point R p + t, with the fixed centre landing on the moving centre
        double[] r = TestVolumes.rotation(0.1, 0.05, -0.2);
        double[] fc = fixedGrid.center();
        double[] t = new double[3];
        for (int i = 0; i < 3; i++) {
            t[i] = c[i] - (r[3 * i] * fc[0] + r[3 * i + 1] * fc[1] + r[3 * i + 2] * fc[2]);
        }
        AffineMap fixedToMoving = AffineMap.of(r, t);
        SliceGrid grid = SliceGrid.covering(fixedGrid, ViewPlane.CORONAL, fc);
        float[] out = new float[grid.pixelCount()];
        SliceRenderer.sample(moving, fixedToMoving, grid, Interpolation.LINEAR, out);
        int checked = 0;
        for (int y = 0; y < grid.height(); y++) {
            for (int x = 0; x < grid.width(); x++) {
                double[] q = fixedToMoving.apply(grid.toWorld(x, y));
                double[] idx = movingGrid.worldToIndex(q);
                if (idx[0] >= 0 && idx[1] >= 0 && idx[2] >= 0 && idx[0] <= 47 && idx[1] <= 47 && idx[2] <= 19) {
                    assertThat((double) out[y * grid.width() + x]).isCloseTo(ramp(q), within(1e-2));
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void renderedPixelsAreTheWindowedResampledValues() {
        ImageGeometry g = TestVolumes.obliqueGeometry(40, 32, 24);
        SampledVolume s = SampledVolume.of(worldRamp(g));
        WindowLevel w = new WindowLevel(500, 80);
        SliceImage img = new ViewRenderer(Interpolation.LINEAR).render(s, null, AffineMap.identity(),
                ViewPlane.AXIAL, g.center(), w, w, FusionSettings.defaults());
        SliceGrid grid = img.grid();
        int grey = 0;
        for (int y = 0; y < grid.height(); y += 3) {
            for (int x = 0; x < grid.width(); x += 3) {
                double[] p = grid.toWorld(x, y);
                double[] idx = g.worldToIndex(p);
                if (idx[0] >= 0 && idx[1] >= 0 && idx[2] >= 0 && idx[0] <= 39 && idx[1] <= 31 && idx[2] <= 23) {
                    double expected = Math.max(0, Math.min(255, (ramp(p) - 460) * 255 / 80));
                    int argb = img.argb()[y * grid.width() + x];
                    assertThat(argb >>> 24).isEqualTo(255);
                    assertThat((double) (argb & 0xff)).isCloseTo(expected, within(1.0));
                    assertThat((argb >> 8) & 0xff).isEqualTo(argb & 0xff);
                    if (expected > 0 && expected < 255) {
                        grey++;
                    }
                }
            }
        }
        assertThat(grey).as("pixels inside the window").isGreaterThan(5);
    }

    @Test
    void coveringGridKeepsSquarePixelsSoAnisotropicVoxelsKeepTheirAspect() {
        ImageGeometry g = ImageGeometry.axisAligned(new int[] {100, 100, 20}, new double[] {1, 1, 5},
                new double[] {0, 0, 0});
        SliceGrid coronal = SliceGrid.covering(g, ViewPlane.CORONAL, g.center());
        assertThat(coronal.width()).isEqualTo(100);
        assertThat(coronal.height()).isEqualTo(100);
        // top row is the superior end of the volume: LPS z of the last slice's upper edge minus half a pixel
        assertThat(coronal.toWorld(0, 0)[2]).isCloseTo(19 * 5 + 2.5 - 0.5, within(1e-9));
        assertThat(coronal.toWorld(0, 0)[0]).isCloseTo(0, within(1e-9));
        double[] px = coronal.toPixel(g.center());
        assertThat(coronal.toWorld(px[0], px[1])[0]).isCloseTo(g.center()[0], within(1e-9));
    }
}
