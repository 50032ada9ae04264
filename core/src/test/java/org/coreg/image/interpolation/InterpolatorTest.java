package org.coreg.image.interpolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class InterpolatorTest {
    private static ScalarGrid randomGrid(int nx, int ny, int nz, long seed) {
        Random r = new Random(seed);
        float[] v = new float[nx * ny * nz];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (r.nextGaussian() * 100);
        }
        return new ScalarGrid(v, nx, ny, nz);
    }

    private static ScalarGrid sampled(int nx, int ny, int nz, java.util.function.DoubleUnaryOperator fx) {
        float[] v = new float[nx * ny * nz];
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    v[i + nx * (j + ny * k)] = (float) (fx.applyAsDouble(i) + 2 * j - 0.5 * k);
                }
            }
        }
        return new ScalarGrid(v, nx, ny, nz);
    }

    @Test
    void everyKindIsExactAtVoxelCentres() {
        ScalarGrid g = randomGrid(9, 7, 5, 1);
        for (InterpolationKind kind : InterpolationKind.values()) {
            Interpolator in = kind.over(g);
            for (int k = 0; k < 5; k++) {
                for (int j = 0; j < 7; j++) {
                    for (int i = 0; i < 9; i++) {
                        assertThat(in.value(i, j, k)).as(kind + " at " + i + "," + j + "," + k)
                                .isCloseTo(g.get(i, j, k), within(1e-6 * 100));
                    }
                }
            }
        }
    }

    @Test
    void linearAndBSplineReproduceALinearFunctionInside() {
        // Mirror boundaries bend a linear ramp near the edges; its effect decays as 0.27^distance.
        ScalarGrid g = sampled(30, 30, 30, i -> 3 * i);
        for (InterpolationKind kind : new InterpolationKind[] {InterpolationKind.LINEAR, InterpolationKind.BSPLINE}) {
            Interpolator in = kind.over(g);
            double[] grad = new double[3];
            double v = in.valueAndGradient(14.3, 15.6, 13.2, grad);
            assertThat(v).as(kind.name()).isCloseTo(3 * 14.3 + 2 * 15.6 - 0.5 * 13.2, within(1e-4));
            assertThat(grad).as(kind + " gradient").containsExactly(new double[] {3, 2, -0.5}, within(1e-4));
        }
    }

    @Test
    void bSplineGradientMatchesFiniteDifferences() {
        ScalarGrid g = randomGrid(10, 9, 8, 2);
        Interpolator in = InterpolationKind.BSPLINE.over(g);
        Random r = new Random(3);
        double h = 1e-5;
        for (int n = 0; n < 50; n++) {
            double x = r.nextDouble() * 9, y = r.nextDouble() * 8, z = r.nextDouble() * 7;
            double[] grad = new double[3];
            in.valueAndGradient(x, y, z, grad);
            double gx = (in.value(x + h, y, z) - in.value(x - h, y, z)) / (2 * h);
            double gy = (in.value(x, y + h, z) - in.value(x, y - h, z)) / (2 * h);
            double gz = (in.value(x, y, z + h) - in.value(x, y, z - h)) / (2 * h);
            assertThat(grad).containsExactly(new double[] {gx, gy, gz}, within(1e-4 * 100));
        }
    }

    @Test
    void bSplineReproducesCubicPolynomialAwayFromEdges() {
        ScalarGrid g = sampled(64, 4, 4, i -> 0.001 * i * i * i - 0.05 * i * i + i);
        Interpolator in = InterpolationKind.BSPLINE.over(g);
        double x = 31.37;
        double expected = 0.001 * x * x * x - 0.05 * x * x + x + 2 * 1.5 - 0.5 * 1.5;
        assertThat(in.value(x, 1.5, 1.5)).isCloseTo(expected, within(1e-3));
    }

    @Test
    void linearValueBetweenTwoVoxelsIsWeightedMean() {
        ScalarGrid g = new ScalarGrid(new float[] {10, 20}, 2, 1, 1);
        Interpolator in = InterpolationKind.LINEAR.over(g);
        assertThat(in.value(0.25, 0, 0)).isCloseTo(12.5, within(1e-12));
        assertThat(in.value(1.4, 0, 0)).as("clamped past the last voxel").isCloseTo(20, within(1e-12));
    }

    @Test
    void insideFollowsHalfVoxelBorderAndValueOrUsesDefaultOutside() {
        ScalarGrid g = randomGrid(4, 4, 1, 4);
        assertThat(g.isInside(-0.5, 0, 0)).isTrue();
        assertThat(g.isInside(3.49, 3.49, 0.49)).isTrue();
        assertThat(g.isInside(3.5, 0, 0)).isFalse();
        assertThat(InterpolationKind.NEAREST.over(g).valueOr(0, 0, 0.6, -7)).isEqualTo(-7);
    }

    @Test
    void nearestRoundsHalvesUp() {
        ScalarGrid g = new ScalarGrid(new float[] {1, 2, 3}, 3, 1, 1);
        Interpolator in = InterpolationKind.NEAREST.over(g);
        assertThat(in.value(0.5, 0, 0)).isEqualTo(2);
        assertThat(in.value(0.49, 0, 0)).isEqualTo(1);
    }
}
