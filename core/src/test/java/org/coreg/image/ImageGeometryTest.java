package org.coreg.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.coreg.testing.TestVolumes;
import org.junit.jupiter.api.Test;

class ImageGeometryTest {
    private static final double[] ID = {1, 0, 0, 0, 1, 0, 0, 0, 1};

    @Test
    void indexToWorldFollowsOriginPlusDirectionTimesSpacing() {
        double[] d = TestVolumes.rotation(0.2, 0.4, -0.3);
        ImageGeometry g = ImageGeometry.of(new int[] {10, 20, 30}, new double[] {0.5, 2, 3}, new double[] {1, 2, 3}, d);
        double[] w = g.indexToWorld(2, 3, 4);
        for (int r = 0; r < 3; r++) {
            double expected = new double[] {1, 2, 3}[r] + d[3 * r] * 0.5 * 2 + d[3 * r + 1] * 2 * 3 + d[3 * r + 2] * 3 * 4;
            assertThat(w[r]).isCloseTo(expected, within(1e-12));
        }
        assertThat(g.worldToIndex(w)).containsExactly(new double[] {2, 3, 4}, within(1e-12));
    }

    @Test
    void centerIsMiddleOfFirstAndLastVoxelCentres() {
        ImageGeometry g = ImageGeometry.axisAligned(new int[] {11, 21, 5}, new double[] {1, 2, 3}, new double[] {-5, 0, 10});
        assertThat(g.center()).containsExactly(new double[] {0, 20, 16}, within(1e-12));
    }

    @Test
    void rejectsNonPositiveSpacing() {
        assertThatThrownBy(() -> ImageGeometry.of(new int[] {2, 2, 2}, new double[] {1, 0, 1}, new double[3], ID))
                .isInstanceOf(InvalidGeometryException.class).hasMessageContaining("spacing")
                .hasMessageContaining("finite positive");
    }

    @Test
    void rejectsNanSpacingAndOrigin() {
        assertThatThrownBy(() -> ImageGeometry.of(new int[] {2, 2, 2}, new double[] {1, Double.NaN, 1}, new double[3], ID))
                .isInstanceOf(InvalidGeometryException.class).hasMessageContaining("spacing");
        assertThatThrownBy(() -> ImageGeometry.of(new int[] {2, 2, 2}, new double[] {1, 1, 1},
                new double[] {0, Double.POSITIVE_INFINITY, 0}, ID))
                .isInstanceOf(InvalidGeometryException.class).hasMessageContaining("origin");
    }

    @Test
    void rejectsNonOrthonormalDirection() {
        double[] shear = {1, 0.2, 0, 0, 1, 0, 0, 0, 1};
        assertThatThrownBy(() -> ImageGeometry.of(new int[] {2, 2, 2}, new double[] {1, 1, 1}, new double[3], shear))
                .isInstanceOf(InvalidGeometryException.class).hasMessageContaining("direction")
                .hasMessageContaining("orthonormal");
    }

    @Test
    void rejectsZeroOrNegativeDimensions() {
        assertThatThrownBy(() -> ImageGeometry.axisAligned(new int[] {2, 0, 2}, new double[] {1, 1, 1}, new double[3]))
                .isInstanceOf(InvalidGeometryException.class).hasMessageContaining("size");
        assertThatThrownBy(() -> ImageGeometry.axisAligned(new int[] {-4, 2, 2}, new double[] {1, 1, 1}, new double[3]))
                .isInstanceOf(InvalidGeometryException.class).hasMessageContaining("size");
    }

    @Test
    void acceptsLeftHandedDirections() {
        ImageGeometry g = TestVolumes.leftHandedGeometry(3, 3, 3);
        assertThat(g.indexToWorld().determinant()).isNegative();
    }

    @Test
    void affineInverseAndCompositionAreConsistent() {
        AffineMap a = AffineMap.of(TestVolumes.rotation(0.1, 0.2, 0.3), new double[] {5, -3, 2});
        AffineMap b = AffineMap.of(new double[] {2, 0, 0, 0, 3, 0, 0.5, 0, 1}, new double[] {1, 1, 1});
        double[] x = {3, -7, 11};
        assertThat(b.after(a).apply(x)).containsExactly(b.apply(a.apply(x)), within(1e-12));
        assertThat(a.inverse().after(a).maxAbsDifference(AffineMap.identity())).isLessThan(1e-12);
        assertThatThrownBy(() -> AffineMap.of(new double[] {1, 0, 0, 2, 0, 0, 0, 0, 1}, new double[3]).inverse())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("singular");
    }

    @Test
    void rasLpsFlipIsItsOwnInverseAndFlipsFirstTwoAxes() {
        assertThat(RasLps.lpsToRas(new double[] {1, 2, 3})).containsExactly(-1, -2, 3);
        AffineMap m = AffineMap.of(TestVolumes.rotation(0.3, 0.1, 0.2), new double[] {4, 5, 6});
        assertThat(RasLps.flipBothSides(RasLps.flipBothSides(m)).maxAbsDifference(m)).isZero();
        double[] p = {7, 8, 9};
        double[] viaRas = RasLps.rasToLps(RasLps.flipBothSides(m).apply(RasLps.lpsToRas(p)));
        assertThat(viaRas).containsExactly(m.apply(p), within(1e-12));
    }

    @Test
    void extremeSpacingsAreInvalidGeometryNotIllegalState() {
        for (double s : new double[] {1e-200, 1e300, Double.MIN_VALUE}) {
            assertThatThrownBy(() -> ImageGeometry.of(new int[] {2, 2, 2}, new double[] {s, s, s}, new double[3], ID))
                    .as("spacing %s", s).isInstanceOf(InvalidGeometryException.class)
                    .hasMessageContaining("spacing").hasMessageContaining("invertible");
        }
    }
}
