package org.coreg.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.coreg.image.AffineMap;
import org.coreg.image.Volume;
import org.coreg.image.interpolation.InterpolationKind;
import org.junit.jupiter.api.Test;

/** Mean squares and normalised correlation: analytic gradients and same-modality registrations. */
class SameModalityMetricsTest {
    @Test
    void gradientsMatchFiniteDifferences() {
        AffineMap truth = Phantom.rigid(3, -2, 4, new double[] {2, -3, 1}, new double[3]);
        Volume fixed = Phantom.render(PhantomRegistrationTest.fixedGrid(), Phantom.MR, AffineMap.identity(), 5, 1);
        Volume moving = Phantom.render(PhantomRegistrationTest.movingGrid(), Phantom.MR, truth, 5, 2);
        try (Workers w = new Workers(2)) {
            List<PyramidLevel> fp = GaussianPyramid.build(fixed.geometry(), fixed.toFloatArray(), 2, w);
            List<PyramidLevel> mp = GaussianPyramid.build(moving.geometry(), moving.toFloatArray(), 2, w);
            RoiBox inner = new RoiBox(new double[] {-60, -60, -50}, new double[] {60, 60, 50});
            SampleSet s = new FixedSampler(fp.get(0), null, inner).draw(20000, new SplittableRandom(3));
            var in = InterpolationKind.BSPLINE.over(mp.get(0).grid());
            for (ImageMetric metric : List.of(new MeanSquares(mp.get(0), in, AffineMap.identity(), w),
                    new NormalizedCorrelation(mp.get(0), in, AffineMap.identity(), w))) {
                EulerRigidTransform t = new EulerRigidTransform(new double[] {1, 2, 3});
                t.setParameters(new double[] {0.08, -0.02, 0.05, 4, -1, 3});
                MetricValue v = metric.evaluate(t, s, true);
                double[] p = t.parameters();
                for (int j = 0; j < 6; j++) {
                    double h = j < 3 ? 1e-4 : 1e-2;
                    double[] q = p.clone();
                    q[j] += h;
                    t.setParameters(q);
                    double up = metric.evaluate(t, s, false).cost();
                    q[j] -= 2 * h;
                    t.setParameters(q);
                    double down = metric.evaluate(t, s, false).cost();
                    t.setParameters(p);
                    double fd = (up - down) / (2 * h);
                    assertThat(v.gradient()[j]).as(metric.getClass().getSimpleName() + " parameter " + j)
                            .isCloseTo(fd, Offset.offset(2e-3 * Math.abs(fd) + 1e-9));
                }
            }
        }
    }

    @Test
    void sameModalityPairsRegisterWithMeanSquaresAndCorrelation() throws Exception {
        AffineMap truth = Phantom.rigid(-7, 5, 10, new double[] {6, 9, -4}, new double[] {2, 1, 0});
        Volume fixed = Phantom.render(PhantomRegistrationTest.fixedGrid(), Phantom.MR, AffineMap.identity(), 8, 1);
        Volume moving = Phantom.render(PhantomRegistrationTest.movingGrid(), Phantom.MR, truth, 8, 2);
        double[] scaled = Phantom.MR.clone();
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = 3 * scaled[i] + 100;
        }
        Volume movingScaled = Phantom.render(PhantomRegistrationTest.movingGrid(), scaled, truth, 20, 2);
        RegistrationResult ms = new Registration(RegistrationSettings.defaults().withMetric(MetricKind.MEAN_SQUARES))
                .run(fixed, moving);
        RegistrationResult nc = new Registration(RegistrationSettings.defaults()
                .withMetric(MetricKind.NORMALIZED_CORRELATION)).run(fixed, movingScaled);
        double ems = Phantom.cornerError(ms.fixedToMoving(), truth, new double[3], 60);
        double enc = Phantom.cornerError(nc.fixedToMoving(), truth, new double[3], 60);
        System.out.printf("same modality: mean squares %.3f mm, correlation %.3f mm at the corners%n", ems, enc);
        assertThat(ems).isLessThan(0.3);
        assertThat(enc).isLessThan(0.3);
        assertThat(nc.finalMetric()).isLessThan(-0.9);
    }
}
