package org.coreg.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.coreg.image.ImageGeometry;
import org.junit.jupiter.api.Test;

class BSplineTransformTest {
    @Test
    void zeroCoefficientsAreTheIdentity() {
        ImageGeometry domain = ImageGeometry.axisAligned(new int[] {50, 40, 30}, new double[] {1, 1, 2},
                new double[] {-25, -20, -30});
        BSplineTransform b = BSplineTransform.zero(domain, new double[] {10, 10, 10}, Direction.FIXED_TO_MOVING);
        assertThat(b.grid().size()).containsExactly(8, 7, 9);
        double[] p = {3.3, -7.1, 12.9};
        assertThat(b.apply(p)).containsExactly(p);
    }

    @Test
    void weightsArePartitionOfUnityAndACoefficientShiftsEveryPointEqually() {
        for (double t = 0; t < 1; t += 0.07) {
            double[] w = BSplineTransform.weights(t);
            assertThat(w[0] + w[1] + w[2] + w[3]).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-15));
        }
        BSplineTransform b = TransformTestData.bspline(0, 1);
        double[] c = b.coefficients();
        int n = c.length / 3;
        java.util.Arrays.fill(c, n, 2 * n, 2.5); // every node moves 2.5 mm along P
        BSplineTransform shifted = b.withCoefficients(c);
        for (double[] p : TransformTestData.pointsInside(b, 50, 2)) {
            double[] q = shifted.apply(p);
            assertThat(q[0]).isEqualTo(p[0]);
            assertThat(q[1] - p[1]).isCloseTo(2.5, org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    @Test
    void numericalInverseReturnsEveryPointWithItsResidual() throws Exception {
        BSplineTransform b = TransformTestData.bspline(3, 17);
        SpatialTransform inv = Transforms.inverse(b);
        assertThat(inv.direction()).isEqualTo(Direction.MOVING_TO_FIXED);
        double worst = 0;
        double worstResidual = 0;
        for (double[] p : TransformTestData.pointsInside(b, 500, 3, 0.8)) {
            double[] q = b.apply(p);
            NumericalInverse.Solution s = ((NumericalInverse) inv).solve(q);
            assertThat(s.converged()).isTrue();
            worstResidual = Math.max(worstResidual, s.residual());
            worst = Math.max(worst, TransformTestData.distance(inv.apply(q), p));
        }
        System.out.printf("B-spline inverse: largest round-trip error %.3g mm, largest residual %.3g mm%n", worst,
                worstResidual);
        assertThat(worst).isLessThan(0.05);
        assertThat(worstResidual).isLessThan(1e-6);
    }

    @Test
    void foldingTransformIsRefusedWithAMessage() {
        BSplineTransform b = TransformTestData.bspline(0, 1);
        double[] c = b.coefficients();
        int n = c.length / 3;
        // Alternate +-40 mm along L on nodes 15 mm apart: neighbouring points swap order (a fold).
        for (int i = 0; i < n; i++) {
            c[i] = (i % 2 == 0 ? 40 : -40);
        }
        BSplineTransform folded = b.withCoefficients(c);
        ImageGeometry g = ImageGeometry.of(new int[] {6, 5, 5}, new double[] {8, 8, 8},
                b.grid().indexToWorld(2, 2, 2), b.grid().direction());
        assertThatThrownBy(() -> DisplacementFieldTransform.invertOnGrid(folded, g, NumericalInverse.Settings.DEFAULT))
                .isInstanceOf(NonInvertibleTransformException.class).hasMessageContaining("voxel (");
    }

    @Test
    void displacementFieldSamplesAndInvertsOnAGrid() throws Exception {
        BSplineTransform b = TransformTestData.bspline(3, 5);
        // A grid well inside the B-spline's valid region (spanning grid indices 1.8 to about 4.3).
        ImageGeometry g = ImageGeometry.of(new int[] {24, 20, 24}, new double[] {1.5, 1.5, 1.5},
                b.grid().indexToWorld(1.8, 1.8, 1.8), b.grid().direction());
        DisplacementFieldTransform field = DisplacementFieldTransform.sample(b, g);
        for (int k = 0; k < 24; k += 5) {
            double[] p = g.indexToWorld(3, 4, k);
            assertThat(TransformTestData.distance(field.apply(p), b.apply(p))).isLessThan(1e-12);
        }
        DisplacementFieldTransform.Inversion inv = DisplacementFieldTransform.invertOnGrid(b, g,
                NumericalInverse.Settings.DEFAULT);
        assertThat(inv.field().direction()).isEqualTo(Direction.MOVING_TO_FIXED);
        assertThat(inv.maxResidual()).isLessThan(1e-6);
        // Between voxel centres the field is trilinear (error ~ h^2 |u''|): on a 1.5 mm grid within 0.05 mm.
        double worst = 0;
        int checked = 0;
        for (double[] p : TransformTestData.pointsInside(b, 400, 8, 0.8)) {
            double[] idx = g.worldToIndex(b.apply(p));
            if (idx[0] > 0 && idx[0] < 23 && idx[1] > 0 && idx[1] < 19 && idx[2] > 0 && idx[2] < 23) {
                checked++;
                worst = Math.max(worst, TransformTestData.distance(inv.field().apply(b.apply(p)), p));
            }
        }
        assertThat(checked).isGreaterThan(20);
        assertThat(worst).isLessThan(0.05);
    }
}
