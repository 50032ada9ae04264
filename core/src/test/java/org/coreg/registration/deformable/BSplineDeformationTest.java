package org.coreg.registration.deformable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;
import org.coreg.image.interpolation.InterpolationKind;
import org.coreg.registration.FixedSampler;
import org.coreg.registration.GaussianPyramid;
import org.coreg.registration.IntensityLimits;
import org.coreg.registration.MattesMutualInformation;
import org.coreg.registration.MetricValue;
import org.coreg.registration.ParametricTransform;
import org.coreg.registration.PhantomAccess;
import org.coreg.registration.PyramidLevel;
import org.coreg.registration.SampleSet;
import org.coreg.registration.Workers;
import org.coreg.transform.BSplineTransform;
import org.junit.jupiter.api.Test;

/** The B-spline deformation, its sparse Jacobian in the MI gradient, refinement, bending energy, folding check. */
class BSplineDeformationTest {
    /** Oblique, anisotropic fixed grid: nothing may assume identity direction. */
    private static final ImageGeometry OBLIQUE = ImageGeometry.of(new int[] {40, 44, 30}, new double[] {3, 3, 4},
            new double[] {-70, -60, -50}, rotation(0.3, -0.2, 0.4));

    static double[] rotation(double a, double b, double c) {
        org.coreg.registration.EulerRigidTransform r = new org.coreg.registration.EulerRigidTransform(new double[3]);
        r.setParameters(new double[] {a, b, c, 0, 0, 0});
        return r.toAffineMap().linear();
    }

    private static double[] randomPoint(SplittableRandom r, double half) {
        return new double[] {half * (2 * r.nextDouble() - 1), half * (2 * r.nextDouble() - 1),
            half * (2 * r.nextDouble() - 1)};
    }

    @Test
    void convertsExactlyToTheTransformModelsBSpline() {
        BSplineDeformation d = Deformations.random(OBLIQUE, 25, 5, 3);
        BSplineTransform t = d.toTransform();
        SplittableRandom r = new SplittableRandom(1);
        double[] a = new double[3];
        for (int i = 0; i < 2000; i++) {
            double[] p = randomPoint(r, 90);
            d.transformPoint(p, a);
            double[] b = t.apply(p);
            for (int k = 0; k < 3; k++) {
                assertThat(a[k]).isCloseTo(b[k], within(1e-12));
            }
        }
    }

    @Test
    void nodeWeightsAreTheSparseJacobianPerNodeAndAxis() {
        BSplineDeformation d = Deformations.random(OBLIQUE, 25, 5, 3);
        SplittableRandom r = new SplittableRandom(4);
        int[] params = new int[BSplineDeformation.SUPPORT];
        double[] jac = new double[3 * BSplineDeformation.SUPPORT];
        int[] nodes = new int[BSplineDeformation.SUPPORT / 3];
        double[] weights = new double[BSplineDeformation.SUPPORT / 3];
        int inside = 0;
        for (int i = 0; i < 500; i++) {
            double[] p = randomPoint(r, 90);
            d.sparseJacobian(p, params, jac);
            int m = d.nodeWeights(p, nodes, weights);
            // Sum the sparse Jacobian per (parameter, axis) and compare with weight * identity.
            java.util.Map<Long, Double> fromJacobian = new java.util.HashMap<>();
            for (int q = 0; q < BSplineDeformation.SUPPORT; q++) {
                for (int a = 0; a < 3; a++) {
                    if (jac[3 * q + a] != 0) {
                        fromJacobian.merge(params[q] * 3L + a, jac[3 * q + a], Double::sum);
                    }
                }
            }
            java.util.Map<Long, Double> fromWeights = new java.util.HashMap<>();
            for (int q = 0; q < m; q++) {
                for (int a = 0; a < 3; a++) {
                    if (weights[q] != 0) {
                        fromWeights.merge((nodes[q] + (long) a * d.axisStride()) * 3L + a, weights[q], Double::sum);
                    }
                }
            }
            assertThat(fromWeights).isEqualTo(fromJacobian);
            inside += m > 0 ? 1 : 0;
        }
        assertThat(inside).isGreaterThan(100);
    }

    @Test
    void sparseJacobianIsTheExactDerivativeOfTheLinearMap() {
        BSplineDeformation d = Deformations.random(OBLIQUE, 25, 5, 3);
        SplittableRandom r = new SplittableRandom(2);
        int[] idx = new int[d.jacobianSupport()];
        double[] jac = new double[3 * d.jacobianSupport()];
        double[] base = new double[3];
        double[] moved = new double[3];
        for (int i = 0; i < 50; i++) {
            double[] p = randomPoint(r, 60);
            d.sparseJacobian(p, idx, jac);
            d.transformPoint(p, base);
            int s = r.nextInt(d.jacobianSupport());
            double[] c = d.parameters();
            c[idx[s]] += 1;
            BSplineDeformation e = new BSplineDeformation(d.grid(), c);
            e.transformPoint(p, moved);
            for (int k = 0; k < 3; k++) {
                assertThat(moved[k] - base[k]).isCloseTo(jac[3 * s + k], within(1e-9));
            }
        }
    }

    @Test
    void sparseMutualInformationGradientEqualsTheDenseOneAndFiniteDifferences() {
        ImageGeometry g = ImageGeometry.of(new int[] {48, 52, 44}, new double[] {3.5, 3.5, 4},
                new double[] {-84, -90, -100}, rotation(0.1, 0.05, -0.1));
        BSplineDeformation truth = Deformations.random(g, 40, 6, 5);
        Volume fixed = Deformations.render(g, truth.toTransform(), p -> PhantomAccess.value(p, PhantomAccess.CT), "f");
        Volume moving = Deformations.render(g, org.coreg.transform.AffineTransform.fixedToMoving(AffineMap.identity()),
                p -> PhantomAccess.value(p, PhantomAccess.MR), "m");
        try (Workers w = new Workers(2)) {
            PyramidLevel fl = GaussianPyramid.build(g, fixed.toFloatArray(), 1, w).get(0);
            PyramidLevel ml = GaussianPyramid.build(g, moving.toFloatArray(), 1, w).get(0);
            AffineMap pre = AffineMap.ofRowMajor3x4(1, 0, 0, 1.5, 0, 1, 0, -2, 0, 0, 1, 0.5);
            MattesMutualInformation mi = new MattesMutualInformation(ml, InterpolationKind.LINEAR.over(ml.grid()), pre,
                    IntensityLimits.robust(fixed.toFloatArray(), 0.005, 0.995),
                    IntensityLimits.robust(moving.toFloatArray(), 0.005, 0.995), 32, w);
            SampleSet s = new FixedSampler(fl, null, null).draw(4000, new SplittableRandom(9));
            BSplineDeformation d = new BSplineDeformation(ControlGrid.layout(g, null, pre, 30));
            d.setParameters(Deformations.random(g, 30, 1, 11).parameters().length == d.parameterCount()
                    ? Deformations.random(g, 30, 1, 11).parameters() : d.parameters());
            MetricValue sparse = mi.evaluate(d, s, true);
            MetricValue dense = mi.evaluate(new Dense(d), s, true);
            assertThat(sparse.cost()).isEqualTo(dense.cost());
            double norm = 0;
            for (int p = 0; p < d.parameterCount(); p++) {
                assertThat(sparse.gradient()[p]).isCloseTo(dense.gradient()[p], within(1e-12));
                norm = Math.max(norm, Math.abs(sparse.gradient()[p]));
            }
            assertThat(norm).isGreaterThan(0);
            // finite differences along the gradient's strongest coordinates
            for (int rank = 0; rank < 5; rank++) {
                int p = strongest(sparse.gradient(), rank);
                double[] c = d.parameters();
                double h = 1e-4;
                c[p] += h;
                double up = mi.evaluate(new BSplineDeformation(d.grid(), c), s, false).cost();
                c[p] -= 2 * h;
                double down = mi.evaluate(new BSplineDeformation(d.grid(), c), s, false).cost();
                assertThat((up - down) / (2 * h)).isCloseTo(sparse.gradient()[p],
                        within(0.05 * Math.abs(sparse.gradient()[p]) + 1e-7));
            }
        }
    }

    private static int strongest(double[] g, int rank) {
        Integer[] order = new Integer[g.length];
        for (int i = 0; i < g.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(Math.abs(g[b]), Math.abs(g[a])));
        return order[rank];
    }

    /** The same deformation seen only through the dense ParametricTransform interface. */
    private record Dense(BSplineDeformation d) implements ParametricTransform {
        public int parameterCount() {
            return d.parameterCount();
        }

        public double[] parameters() {
            return d.parameters();
        }

        public void setParameters(double[] p) {
            d.setParameters(p);
        }

        public void transformPoint(double[] x, double[] out) {
            d.transformPoint(x, out);
        }

        public void jacobian(double[] x, double[] jac) {
            d.jacobian(x, jac);
        }

        public AffineMap toAffineMap() {
            return d.toAffineMap();
        }

        public ParametricTransform copy() {
            return new Dense(d.copy());
        }

        public String name() {
            return "dense";
        }
    }

    @Test
    void refiningOntoAHalfSpacingGridKeepsTheDeformation() {
        BSplineDeformation coarse = Deformations.random(OBLIQUE, 40, 5, 4);
        BSplineDeformation fine = ControlGrid.refine(coarse, ControlGrid.layout(OBLIQUE, null, AffineMap.identity(), 20));
        SplittableRandom r = new SplittableRandom(5);
        double[] a = new double[3];
        double[] b = new double[3];
        AffineMap i2w = OBLIQUE.indexToWorld();
        double worst = 0;
        for (int i = 0; i < 2000; i++) {
            double[] p = i2w.apply(new double[] {r.nextDouble() * 39, r.nextDouble() * 43, r.nextDouble() * 29});
            coarse.transformPoint(p, a);
            fine.transformPoint(p, b);
            worst = Math.max(worst, Math.sqrt(Math.pow(a[0] - b[0], 2) + Math.pow(a[1] - b[1], 2)
                    + Math.pow(a[2] - b[2], 2)));
        }
        assertThat(worst).isLessThan(1e-9);
    }

    @Test
    void bendingEnergyIsZeroForAffineDisplacementsAndItsGradientMatchesFiniteDifferences() {
        int[] n = {6, 7, 5};
        int block = n[0] * n[1] * n[2];
        double[] c = new double[3 * block];
        for (int k = 0, f = 0; k < n[2]; k++) {
            for (int j = 0; j < n[1]; j++) {
                for (int i = 0; i < n[0]; i++, f++) {
                    c[f] = 0.3 * i - 0.2 * j + 1;
                    c[f + block] = 0.1 * k;
                    c[f + 2 * block] = -0.4 * i + 0.25 * k;
                }
            }
        }
        BendingEnergy be = new BendingEnergy(n, 10, 2.0);
        assertThat(be.addTo(c, new double[c.length])).isCloseTo(0, within(1e-15));
        SplittableRandom r = new SplittableRandom(6);
        for (int i = 0; i < c.length; i++) {
            c[i] = 3 * r.nextDouble();
        }
        double[] g = new double[c.length];
        double e = be.addTo(c, g);
        assertThat(e).isPositive();
        for (int t = 0; t < 20; t++) {
            int p = r.nextInt(c.length);
            double h = 1e-5;
            c[p] += h;
            double up = be.addTo(c, new double[c.length]);
            c[p] -= 2 * h;
            double down = be.addTo(c, new double[c.length]);
            c[p] += h;
            assertThat((up - down) / (2 * h)).isCloseTo(g[p], within(1e-6 * Math.max(1, Math.abs(g[p]))));
        }
    }

    @Test
    void jacobianDeterminantMatchesFiniteDifferencesAndFlagsFolding() {
        BSplineDeformation d = Deformations.random(OBLIQUE, 25, 4, 8);
        AffineMap a = AffineMap.ofRowMajor3x4(1.1, 0.05, 0, 2, 0, 0.95, 0.02, -3, 0.01, 0, 1.02, 1);
        try (Workers w = new Workers(2)) {
            FoldingCheck.Report rep = FoldingCheck.check(OBLIQUE, a, d, true, w);
            float[] map = rep.map().toFloatArray();
            AffineMap i2w = OBLIQUE.indexToWorld();
            SplittableRandom r = new SplittableRandom(7);
            for (int t = 0; t < 50; t++) {
                int i = r.nextInt(40), j = r.nextInt(44), k = r.nextInt(30);
                double[] p = i2w.apply(new double[] {i, j, k});
                double[] m = new double[9];
                double h = 1e-4;
                for (int c = 0; c < 3; c++) {
                    double[] u = p.clone();
                    double[] v = p.clone();
                    u[c] += h;
                    v[c] -= h;
                    double[] fu = new double[3];
                    double[] fv = new double[3];
                    d.transformPoint(a.apply(u), fu);
                    d.transformPoint(a.apply(v), fv);
                    for (int rr = 0; rr < 3; rr++) {
                        m[3 * rr + c] = (fu[rr] - fv[rr]) / (2 * h);
                    }
                }
                assertThat((double) map[i + 40 * (j + 44 * k)]).isCloseTo(FoldingCheck.det3(m), within(1e-4));
            }
            assertThat(rep.folds()).isFalse();
            assertThat(rep.min()).isPositive();
            double[] c = d.parameters();
            int nx = d.grid().size(0), ny = d.grid().size(1);
            int centre = nx / 2 + nx * (ny / 2 + ny * (d.grid().size(2) / 2));
            c[centre] += 80;
            c[centre + 1] -= 80;
            FoldingCheck.Report folded = FoldingCheck.check(OBLIQUE, a, new BSplineDeformation(d.grid(), c), false, w);
            assertThat(folded.folds()).isTrue();
            assertThat(folded.min()).isNegative();
            assertThat(folded.map()).isNull();
            assertThat(folded.warning()).contains("folds").contains("bending weight");
        }
    }
}
