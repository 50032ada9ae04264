package org.coreg.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.coreg.transform.TransformTestData.distance;

import org.coreg.image.AffineMap;
import org.junit.jupiter.api.Test;

class AffineTransformTest {
    private static final double[] C = {10, -20, 35};

    @Test
    void inverseThenForwardReturnsEveryPoint() throws Exception {
        for (AffineMap m : new AffineMap[] {TransformTestData.rigid(0.3, -0.4, 1.2, C, new double[] {5, 6, -7}),
            TransformTestData.shearedAffine()}) {
            AffineTransform t = AffineTransform.fixedToMoving(m);
            AffineTransform inv = t.inverse();
            assertThat(inv.direction()).isEqualTo(Direction.MOVING_TO_FIXED);
            double worst = 0;
            for (double[] p : TransformTestData.points(1000, 7)) {
                worst = Math.max(worst, distance(inv.apply(t.apply(p)), p));
            }
            assertThat(worst).isLessThan(1e-9);
        }
    }

    @Test
    void singularMatrixHasNoInverse() {
        AffineTransform t = AffineTransform.fixedToMoving(AffineMap.ofRowMajor3x4(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0));
        assertThatThrownBy(t::inverse).isInstanceOf(NonInvertibleTransformException.class)
                .hasMessageContaining("singular");
    }

    @Test
    void kindIsInferredFromTheMatrix() {
        assertThat(AffineTransform.fixedToMoving(TransformTestData.rigid(0.1, 0.2, 0.3, C, C)).kind())
                .isEqualTo(LinearKind.RIGID);
        double[] r = Rotations.eulerZXY(0.1, 0.2, 0.3);
        for (int i = 0; i < 9; i++) {
            r[i] *= 1.25;
        }
        assertThat(AffineTransform.fixedToMoving(AffineMap.of(r, C)).kind()).isEqualTo(LinearKind.SIMILARITY);
        assertThat(AffineTransform.fixedToMoving(TransformTestData.shearedAffine()).kind())
                .isEqualTo(LinearKind.AFFINE);
    }

    @Test
    void translationParameterIsAboutTheCentre() {
        AffineMap m = TransformTestData.rigid(0.2, 0.1, -0.3, C, new double[] {1, 2, 3});
        AffineTransform t = AffineTransform.fixedToMoving(m).withCenter(C);
        assertThat(t.translationAboutCenter()).containsExactly(new double[] {1, 2, 3},
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(t.map()).isEqualTo(m);
    }

    @Test
    void eulerAnglesAndVersorsRoundTrip() {
        double[][] angles = {{0.3, -0.4, 1.2}, {-1.2, 0.9, -2.8}, {0, 0, 0}, {0.01, 3.0, -0.5}};
        for (double[] a : angles) {
            double[] r = Rotations.eulerZXY(a[0], a[1], a[2]);
            double[] back = Rotations.eulerZXYAngles(r);
            double[] r2 = Rotations.eulerZXY(back[0], back[1], back[2]);
            double[] v = Rotations.versorOf(r);
            double[] r3 = Rotations.versorMatrix(v[0], v[1], v[2]);
            for (int i = 0; i < 9; i++) {
                assertThat(r2[i]).isCloseTo(r[i], org.assertj.core.data.Offset.offset(1e-12));
                assertThat(r3[i]).isCloseTo(r[i], org.assertj.core.data.Offset.offset(1e-12));
            }
        }
    }

    @Test
    void eulerZxyMatchesItkDefinitionOnAxes() {
        // A quarter turn about z maps +x (L) to +y (P); about x maps +y to +z.
        double[] rz = Rotations.eulerZXY(0, 0, Math.PI / 2);
        assertThat(AffineMap.of(rz, new double[3]).apply(1, 0, 0)).containsExactly(new double[] {0, 1, 0},
                org.assertj.core.data.Offset.offset(1e-15));
        double[] rx = Rotations.eulerZXY(Math.PI / 2, 0, 0);
        assertThat(AffineMap.of(rx, new double[3]).apply(0, 1, 0)).containsExactly(new double[] {0, 0, 1},
                org.assertj.core.data.Offset.offset(1e-15));
        // Order: Ry first, then Rx, then Rz.
        double[] r = Rotations.eulerZXY(0.3, 0.5, 0.7);
        AffineMap composed = AffineMap.of(Rotations.eulerZXY(0, 0, 0.7), new double[3])
                .after(AffineMap.of(Rotations.eulerZXY(0.3, 0, 0), new double[3]))
                .after(AffineMap.of(Rotations.eulerZXY(0, 0.5, 0), new double[3]));
        assertThat(composed.maxAbsDifference(AffineMap.of(r, new double[3]))).isLessThan(1e-15);
    }

    @Test
    void composeCollapsesLinearChainsAndIsAssociative() {
        AffineTransform a = AffineTransform.fixedToMoving(TransformTestData.rigid(0.1, 0.2, 0.3, C, C));
        AffineTransform b = AffineTransform.fixedToMoving(TransformTestData.shearedAffine());
        AffineTransform c = AffineTransform.fixedToMoving(TransformTestData.rigid(-0.5, 0.0, 0.9, C, new double[] {1, 0, 0}));
        SpatialTransform left = Transforms.compose(Transforms.compose(a, b), c);
        SpatialTransform right = Transforms.compose(a, Transforms.compose(b, c));
        assertThat(left).isInstanceOf(AffineTransform.class);
        assertThat(((AffineTransform) left).kind()).isEqualTo(LinearKind.AFFINE);
        for (double[] p : TransformTestData.points(100, 3)) {
            double[] expected = c.apply(b.apply(a.apply(p)));
            assertThat(distance(left.apply(p), expected)).isLessThan(1e-9);
            assertThat(distance(right.apply(p), expected)).isLessThan(1e-9);
        }
    }

    @Test
    void composeRefusesMixedDirections() throws Exception {
        AffineTransform a = AffineTransform.fixedToMoving(TransformTestData.shearedAffine());
        assertThatThrownBy(() -> Transforms.compose(a, a.inverse())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("directions differ");
    }
}
