package org.coreg.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.coreg.image.AffineMap;
import org.coreg.image.Volume;
import org.coreg.image.interpolation.InterpolationKind;
import org.junit.jupiter.api.Test;

class MattesMutualInformationTest {
    private record Setup(MattesMutualInformation metric, SampleSet samples, Workers workers) {
    }

    private static Setup setup(int threads, InterpolationKind kind) {
        AffineMap truth = Phantom.rigid(3, -2, 4, new double[] {2, -3, 1}, new double[] {0, 0, 0});
        Volume fixed = Phantom.render(PhantomRegistrationTest.fixedGrid(), Phantom.MR, AffineMap.identity(), 5, 1);
        Volume moving = Phantom.render(PhantomRegistrationTest.movingGrid(), Phantom.CT, truth, 5, 2);
        Workers w = new Workers(threads);
        float[] fv = fixed.toFloatArray();
        float[] mv = moving.toFloatArray();
        List<PyramidLevel> fp = GaussianPyramid.build(fixed.geometry(), fv, 2, w);
        List<PyramidLevel> mp = GaussianPyramid.build(moving.geometry(), mv, 2, w);
        MattesMutualInformation mi = new MattesMutualInformation(mp.get(0), kind.over(mp.get(0).grid()),
                AffineMap.identity(), IntensityLimits.robust(fv, 0.005, 0.995), IntensityLimits.robust(mv, 0.005, 0.995),
                32, w);
        // Samples well inside the moving grid: one sample crossing its border would make finite differences jump.
        RoiBox inner = new RoiBox(new double[] {-60, -60, -50}, new double[] {60, 60, 50});
        SampleSet s = new FixedSampler(fp.get(0), null, inner).draw(20000, new SplittableRandom(3));
        return new Setup(mi, s, w);
    }

    @Test
    void analyticGradientMatchesFiniteDifferences() {
        Setup st = setup(2, InterpolationKind.BSPLINE);
        for (ParametricTransform t : List.of(rigidNear(), affineNear())) {
            MetricValue v = st.metric().evaluate(t, st.samples(), true);
            double[] p = t.parameters();
            for (int j = 0; j < p.length; j++) {
                double h = j < (t instanceof EulerRigidTransform ? 3 : 9) ? 1e-4 : 1e-2;
                double[] q = p.clone();
                q[j] += h;
                t.setParameters(q);
                double up = st.metric().evaluate(t, st.samples(), false).cost();
                q[j] -= 2 * h;
                t.setParameters(q);
                double down = st.metric().evaluate(t, st.samples(), false).cost();
                t.setParameters(p);
                double fd = (up - down) / (2 * h);
                assertThat(v.gradient()[j]).as(t.name() + " parameter " + j)
                        .isCloseTo(fd, org.assertj.core.data.Offset.offset(1e-3 * Math.abs(fd) + 1e-5));
            }
        }
        st.workers().close();
    }

    @Test
    void resultDoesNotDependOnThreadCount() {
        Setup one = setup(1, InterpolationKind.LINEAR);
        Setup two = setup(2, InterpolationKind.LINEAR);
        MetricValue a = one.metric().evaluate(rigidNear(), one.samples(), true);
        MetricValue b = two.metric().evaluate(rigidNear(), two.samples(), true);
        assertThat(a.cost()).isEqualTo(b.cost());
        assertThat(a.gradient()).containsExactly(b.gradient());
        assertThat(a.cost()).isLessThan(-0.1);
        one.workers().close();
        two.workers().close();
    }

    @Test
    void alignedIsBetterThanMisaligned() {
        Setup st = setup(2, InterpolationKind.LINEAR);
        EulerRigidTransform good = new EulerRigidTransform(new double[3]);
        good.setParameters(new double[] {Math.toRadians(3), Math.toRadians(-2), Math.toRadians(4), 2, -3, 1});
        EulerRigidTransform off = good.copy();
        double[] p = off.parameters();
        p[3] += 10;
        off.setParameters(p);
        assertThat(st.metric().evaluate(good, st.samples(), false).cost())
                .isLessThan(st.metric().evaluate(off, st.samples(), false).cost() - 0.05);
        st.workers().close();
    }

    private static EulerRigidTransform rigidNear() {
        EulerRigidTransform t = new EulerRigidTransform(new double[] {1, 2, 3});
        t.setParameters(new double[] {0.08, -0.02, 0.05, 4, -1, 3});
        return t;
    }

    private static AffineTransform affineNear() {
        AffineTransform a = AffineTransform.from(rigidNear());
        double[] p = a.parameters();
        p[0] *= 1.03;
        p[5] += 0.02;
        a.setParameters(p);
        return a;
    }
}
