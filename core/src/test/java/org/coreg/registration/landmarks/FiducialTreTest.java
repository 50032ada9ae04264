package org.coreg.registration.landmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.coreg.image.AffineMap;
import org.coreg.testing.TestVolumes;
import org.coreg.transform.AffineTransform;
import org.junit.jupiter.api.Test;

/** Fitzpatrick's expected TRE and the FRE-FLE relation checked by Monte Carlo simulation of noisy rigid fits. */
class FiducialTreTest {
    private static final double[][] FIDUCIALS = {{40, 0, 0}, {-35, 10, 5}, {0, 45, -10}, {5, -40, 20},
        {10, 5, 38}, {-5, -10, -36}};
    private static final double SIGMA = 1.0; // per axis, mm: RMS FLE = sqrt(3) mm

    @Test
    void predictedTreMatchesSimulationNearAndFarFromTheFiducials() throws Exception {
        AffineMap truth = AffineMap.of(TestVolumes.rotation(0.3, -0.2, 0.5), new double[] {5, -3, 8});
        List<double[]> fixed = List.of(FIDUCIALS);
        double[][] targets = {{0, 0, 0}, {60, 40, -30}, {120, 0, 0}};
        double fle = SIGMA * Math.sqrt(3);
        Random rnd = new Random(17);
        int trials = 4000;
        double[] sumSq = new double[targets.length];
        double freSq = 0;
        for (int t = 0; t < trials; t++) {
            List<LandmarkPair> pairs = new ArrayList<>();
            for (int i = 0; i < FIDUCIALS.length; i++) {
                double[] m = truth.apply(FIDUCIALS[i]);
                pairs.add(new LandmarkPair("f" + i, FIDUCIALS[i], new double[] {m[0] + SIGMA * rnd.nextGaussian(),
                    m[1] + SIGMA * rnd.nextGaussian(), m[2] + SIGMA * rnd.nextGaussian()}));
            }
            AffineMap fit = LandmarkFit.fit(pairs, LandmarkFitKind.RIGID);
            freSq += Math.pow(LandmarkErrors.of(AffineTransform.fixedToMoving(fit), pairs).rmsMm(), 2);
            for (int k = 0; k < targets.length; k++) {
                double[] a = fit.apply(targets[k]), b = truth.apply(targets[k]);
                sumSq[k] += (a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1])
                        + (a[2] - b[2]) * (a[2] - b[2]);
            }
        }
        for (int k = 0; k < targets.length; k++) {
            double simulated = Math.sqrt(sumSq[k] / trials);
            double predicted = FiducialTre.expected(fixed, fle, targets[k]);
            assertThat(predicted).as("target %d", k).isCloseTo(simulated, within(0.06 * simulated));
        }
        // <FRE^2> = (1 - 2/N) <FLE^2> (Fitzpatrick et al. 1998, eq. 10), so fleFromFre inverts it.
        double freRms = Math.sqrt(freSq / trials);
        assertThat(FiducialTre.fleFromFre(freRms, FIDUCIALS.length)).isCloseTo(fle, within(0.04 * fle));
    }

    @Test
    void treGrowsWithDistanceFromTheFiducialCentroid() {
        List<double[]> fixed = List.of(FIDUCIALS);
        double near = FiducialTre.expected(fixed, 1, new double[] {0, 0, 0});
        double far = FiducialTre.expected(fixed, 1, new double[] {200, 0, 0});
        assertThat(near).isCloseTo(1 / Math.sqrt(FIDUCIALS.length), within(0.02));
        assertThat(far).isGreaterThan(3 * near);
    }
}
