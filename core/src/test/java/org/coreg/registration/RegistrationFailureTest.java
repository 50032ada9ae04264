package org.coreg.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.image.ImageMetadata;
import org.coreg.image.Volume;
import org.coreg.image.VoxelData;
import org.coreg.image.VoxelType;
import org.junit.jupiter.api.Test;

/** Inputs refused before work, images that cannot overlap, progress and cancellation. */
class RegistrationFailureTest {
    private static Volume phantomFixed() {
        return Phantom.render(PhantomRegistrationTest.fixedGrid(), Phantom.MR, AffineMap.identity(), 5, 1);
    }

    private static Volume phantomMoving() {
        return Phantom.render(PhantomRegistrationTest.movingGrid(), Phantom.CT,
                Phantom.rigid(5, 0, 3, new double[] {4, 2, 0}, new double[3]), 5, 2);
    }

    private static Volume constant(ImageGeometry g, float value) {
        float[] a = new float[(int) g.voxelCount()];
        java.util.Arrays.fill(a, value);
        return new Volume(VoxelData.wrap(VoxelType.FLOAT32, a), g, ImageMetadata.named("flat"));
    }

    @Test
    void refusesBSplineStageInsteadOfDroppingIt() {
        RegistrationSettings s = RegistrationSettings.defaults().withStages(Stage.RIGID, Stage.AFFINE, Stage.BSPLINE);
        assertThatThrownBy(() -> new Registration(s))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("linear stages only")
                .hasMessageContaining("DeformableRegistration");
    }

    @Test
    void refusesConstantImage() {
        Volume flat = constant(PhantomRegistrationTest.movingGrid(), 7);
        assertThatThrownBy(() -> new Registration(RegistrationSettings.defaults()).run(phantomFixed(), flat))
                .isInstanceOf(RegistrationException.class).hasMessageContaining("moving image 'flat' is constant");
    }

    @Test
    void refusesNaNVoxels() {
        Volume m = phantomMoving();
        ((float[]) m.voxels().array())[1234] = Float.NaN;
        assertThatThrownBy(() -> new Registration(RegistrationSettings.defaults()).run(phantomFixed(), m))
                .isInstanceOf(RegistrationException.class).hasMessageContaining("non-finite voxel value")
                .hasMessageContaining("1234");
    }

    @Test
    void refusesTheFirstNonFiniteVoxelOfALargeImageScannedInChunks() {
        ImageGeometry g = ImageGeometry.axisAligned(new int[] {128, 128, 200}, new double[] {1, 1, 1}, new double[3]);
        float[] a = new float[(int) g.voxelCount()];
        for (int i = 0; i < a.length; i++) {
            a[i] = i % 97;
        }
        a[3_000_001] = Float.POSITIVE_INFINITY;
        a[2_500_000] = Float.NaN;
        Volume m = new Volume(VoxelData.wrap(VoxelType.FLOAT32, a), g, ImageMetadata.named("big"));
        assertThatThrownBy(() -> new Registration(RegistrationSettings.defaults()).runAsGiven(phantomFixed(), m))
                .isInstanceOf(RegistrationException.class).hasMessageContaining("moving image 'big'")
                .hasMessageContaining("(NaN) at voxel 2500000");
    }

    @Test
    void refusesIntegerVoxelsThatARescaleMakesInfinite() {
        ImageGeometry g = PhantomRegistrationTest.movingGrid();
        short[] a = new short[(int) g.voxelCount()];
        for (int i = 0; i < a.length; i++) {
            a[i] = (short) (i % 50);
        }
        Volume m = new Volume(VoxelData.wrap(VoxelType.INT16, a), g, ImageMetadata.named("huge").withRescale(1e38, 0));
        assertThatThrownBy(() -> new Registration(RegistrationSettings.defaults()).runAsGiven(phantomFixed(), m))
                .isInstanceOf(RegistrationException.class).hasMessageContaining("non-finite voxel value (Infinity)");
    }

    @Test
    void refusesEmptyMask() {
        Volume mask = constant(PhantomRegistrationTest.fixedGrid(), 0);
        assertThatThrownBy(() -> new Registration(RegistrationSettings.defaults().withFixedMask(mask))
                .run(phantomFixed(), phantomMoving()))
                .isInstanceOf(RegistrationException.class).hasMessageContaining("select no voxel");
    }

    @Test
    void refusesImageTooSmallForPyramid() {
        ImageGeometry g = ImageGeometry.axisAligned(new int[] {12, 12, 12}, new double[] {1, 1, 1}, new double[3]);
        Volume tiny = Phantom.render(g, Phantom.CT, AffineMap.identity(), 5, 3);
        assertThatThrownBy(() -> new Registration(RegistrationSettings.defaults()).run(phantomFixed(), tiny))
                .isInstanceOf(RegistrationException.class).hasMessageContaining("too small for a 4-level pyramid")
                .hasMessageContaining("use fewer levels");
    }

    @Test
    void imagesThatCannotOverlapStopWithAPlainMessage() {
        // The moving image shows only air-like noise far from the phantom: no search can find overlap that matters.
        ImageGeometry g = ImageGeometry.axisAligned(new int[] {40, 40, 40}, new double[] {1, 1, 1},
                new double[] {0, 0, 0});
        Volume small = Phantom.render(g, Phantom.CT, AffineMap.identity(), 5, 4);
        RegistrationSettings s = RegistrationSettings.defaults().withGlobalSearch(GlobalSearchMode.NEVER)
                .withInitialTransform(AffineMap.ofRowMajor3x4(1, 0, 0, 900, 0, 1, 0, 0, 0, 0, 1, 0)).withLevels(2);
        assertThatThrownBy(() -> new Registration(s).run(phantomFixed(), small))
                .isInstanceOf(RegistrationException.class)
                .hasMessageContaining("of the fixed-image samples fall inside the moving image")
                .hasMessageContaining("initial transform");
    }

    @Test
    void reportsProgressAndCancelsPromptly() throws Exception {
        Volume f = phantomFixed();
        Volume m = phantomMoving();
        AtomicBoolean cancel = new AtomicBoolean();
        AtomicLong events = new AtomicLong();
        AtomicLong cancelledAt = new AtomicLong();
        Registration reg = new Registration(RegistrationSettings.defaults(), e -> {
            assertThat(e.elapsedMillis()).isGreaterThanOrEqualTo(0);
            assertThat(e.metric()).isFinite();
            if (events.incrementAndGet() == 50) {
                cancel.set(true);
                cancelledAt.set(System.nanoTime());
            }
        }, cancel::get);
        assertThatThrownBy(() -> reg.run(f, m)).isInstanceOf(RegistrationCancelledException.class);
        long ms = (System.nanoTime() - cancelledAt.get()) / 1_000_000;
        assertThat(events.get()).isEqualTo(50);
        assertThat(ms).isLessThan(200);
    }

    @Test
    void sameSeedSameResultWhateverTheThreads() throws Exception {
        RegistrationSettings s = RegistrationSettings.defaults().withLevels(2).withIterations(60)
                .withGlobalSearch(GlobalSearchMode.NEVER);
        Volume f = phantomFixed();
        Volume m = phantomMoving();
        RegistrationResult one = new Registration(s.withThreads(1)).run(f, m);
        RegistrationResult two = new Registration(s.withThreads(2)).run(f, m);
        assertThat(one.fixedToMoving()).isEqualTo(two.fixedToMoving());
        RegistrationResult other = new Registration(s.withThreads(2).withSeed(99)).run(f, m);
        assertThat(other.fixedToMoving()).isNotEqualTo(one.fixedToMoving());
    }
}
