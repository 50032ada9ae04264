package org.coreg.registration;

import static org.assertj.core.api.Assertions.assertThat;

import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;
import org.coreg.testing.TestVolumes;
import org.junit.jupiter.api.Test;

/** CT-like moving and MR-like fixed renderings of one phantom, with known transforms. */
class PhantomRegistrationTest {
    private static final double[] ORIGIN = {0, 0, 0};

    static ImageGeometry fixedGrid() {
        return ImageGeometry.of(new int[] {84, 96, 44}, new double[] {2.0, 2.0, 3.6}, new double[] {-83, -95, -77.4},
                new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});
    }

    static ImageGeometry movingGrid() {
        ImageGeometry g = ImageGeometry.of(new int[] {100, 110, 70}, new double[] {1.9, 1.9, 2.5},
                new double[] {0, 0, 0}, TestVolumes.rotation(0.1, -0.15, 0.2));
        // Put the grid centre on (5, -3, 2) mm.
        double[] c = g.center();
        double[] o = g.origin();
        return g.withOrigin(new double[] {o[0] - c[0] + 5, o[1] - c[1] - 3, o[2] - c[2] + 2});
    }

    @Test
    void recoversRigidTransformCtToMr() throws Exception {
        AffineMap truth = Phantom.rigid(8, -5, 12, new double[] {7, -11, 5}, new double[] {3, -4, 6});
        Volume fixed = Phantom.render(fixedGrid(), Phantom.MR, AffineMap.identity(), 8, 1);
        Volume moving = Phantom.render(movingGrid(), Phantom.CT, truth, 6, 2);
        long t0 = System.nanoTime();
        RegistrationResult r = new Registration(RegistrationSettings.defaults()).run(fixed, moving);
        double secs = (System.nanoTime() - t0) / 1e9;
        double angle = Phantom.angleDegrees(r.fixedToMoving(), truth);
        double shift = Phantom.pointError(r.fixedToMoving(), truth, ORIGIN);
        System.out.printf("rigid phantom: angle error %.3f deg, centre error %.3f mm, corners %.3f mm, %.1f s%n",
                angle, shift, Phantom.cornerError(r.fixedToMoving(), truth, ORIGIN, 60), secs);
        r.log().forEach(System.out::println);
        assertThat(angle).isLessThan(0.2);
        assertThat(shift).isLessThan(0.2);
    }
}
