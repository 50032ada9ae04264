package org.coreg.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.image.ImageMetadata;
import org.coreg.image.Volume;
import org.coreg.image.VoxelData;
import org.coreg.image.VoxelType;
import org.junit.jupiter.api.Test;

/** Pyramids built before the run (while the other image loads) give the very result of a run that builds them. */
class PreparedImagesTest {
    @Test
    void aRunWithImagesPreparedEarlierGivesTheSameResult() throws Exception {
        AffineMap truth = Phantom.rigid(6, -4, 9, new double[] {5, -8, 3}, new double[] {3, -4, 6});
        Volume fixed = Phantom.render(PhantomRegistrationTest.fixedGrid(), Phantom.MR, AffineMap.identity(), 8, 1);
        Volume moving = Phantom.render(PhantomRegistrationTest.movingGrid(), Phantom.CT, truth, 6, 2);
        RegistrationSettings s = RegistrationSettings.defaults().withThreads(2);
        RegistrationResult plain = new Registration(s).run(fixed, moving);
        PreparedImages earlier = new PreparedImages();
        earlier.prepare(moving, s.levels(), 2);
        earlier.prepare(fixed, s.levels(), 1);
        assertThat(earlier.find(fixed, s.levels())).isNotNull();
        assertThat(earlier.find(fixed, s.levels() - 1)).as("another pyramid depth is not taken").isNull();
        RegistrationResult reused = new Registration(s).using(earlier).run(fixed, moving);
        assertThat(reused.fixedToMoving().maxAbsDifference(plain.fixedToMoving())).isZero();
        assertThat(reused.finalMetric()).isEqualTo(plain.finalMetric());
        assertThat(Phantom.pointError(reused.fixedToMoving(), truth, new double[3])).isLessThan(1.0);
    }

    @Test
    void anImageRefusedEarlyIsRefusedByTheRunUnderItsRole() {
        ImageGeometry g = PhantomRegistrationTest.movingGrid();
        float[] a = new float[(int) g.voxelCount()];
        java.util.Arrays.fill(a, 3);
        Volume flat = new Volume(VoxelData.wrap(VoxelType.FLOAT32, a), g, ImageMetadata.named("flat"));
        Volume fixed = Phantom.render(PhantomRegistrationTest.fixedGrid(), Phantom.MR, AffineMap.identity(), 8, 1);
        PreparedImages earlier = new PreparedImages();
        earlier.prepare(flat, 4, 1);
        assertThat(earlier.find(flat, 4)).isNull();
        assertThatThrownBy(() -> new Registration(RegistrationSettings.defaults()).using(earlier).run(fixed, flat))
                .isInstanceOf(RegistrationException.class).hasMessageContaining("moving image 'flat' is constant");
    }
}
