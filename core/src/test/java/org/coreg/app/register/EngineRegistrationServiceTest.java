package org.coreg.app.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.coreg.app.demo.SyntheticHead;
import org.coreg.app.session.RoiBox;
import org.coreg.app.task.CancelToken;
import org.coreg.app.task.CancelledException;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;
import org.coreg.image.VoxelData;
import org.coreg.image.VoxelType;
import org.coreg.registration.RegistrationSettings;
import org.junit.jupiter.api.Test;

/** The engine behind the workstation's service: a small synthetic CT/MR head pair with a known shift. */
class EngineRegistrationServiceTest {
    /** The moving head sits 6 mm left, 4 mm anterior and 3 mm superior of where the fixed one is. */
    static final AffineMap WORLD_TO_ANATOMY = AffineMap.ofRowMajor3x4(1, 0, 0, 6, 0, 1, 0, -4, 0, 0, 1, 3);
    /** fixed -> moving truth: moving(T(p)) shows the anatomy fixed(p) shows. */
    static final AffineMap TRUTH = WORLD_TO_ANATOMY.inverse();

    static Volume fixed() {
        return SyntheticHead.render(ImageGeometry.axisAligned(new int[] {48, 56, 36}, new double[] {4, 4, 5},
                new double[] {-94, -110, -88}), new double[3], AffineMap.identity(), SyntheticHead.Contrast.MR, "mr");
    }

    static Volume moving() {
        return SyntheticHead.render(ImageGeometry.axisAligned(new int[] {52, 60, 40}, new double[] {3.6, 3.6, 4.5},
                new double[] {-92, -108, -90}), new double[3], WORLD_TO_ANATOMY, SyntheticHead.Contrast.CT, "ct");
    }

    /** A quick variant of the CT-MR head preset for small test volumes. */
    static RegistrationSettings quick() {
        return RegistrationSettings.defaults().withLevels(3).withIterations(80).withSamples(2000).withThreads(2);
    }

    private static RegistrationOptions rigid(RoiBox roi, AffineMap initial) {
        return new RegistrationOptions(List.of(RegistrationStage.RIGID), RegistrationOptions.CT_MR_HEAD, roi, initial);
    }

    private static double errorMm(AffineMap a, AffineMap b) {
        double worst = 0;
        for (double[] p : new double[][] {{0, 0, 0}, {60, 0, 0}, {0, 70, 0}, {0, 0, 50}, {-60, -70, -50}}) {
            double[] x = a.apply(p);
            double[] y = b.apply(p);
            worst = Math.max(worst, Math.sqrt((x[0] - y[0]) * (x[0] - y[0]) + (x[1] - y[1]) * (x[1] - y[1])
                    + (x[2] - y[2]) * (x[2] - y[2])));
        }
        return worst;
    }

    @Test
    void recoversAKnownShiftAndReportsLevelsAndIterations() throws Exception {
        List<String> levels = new ArrayList<>();
        AtomicInteger iterations = new AtomicInteger();
        AffineMap t = new EngineRegistrationService(quick()).run(fixed(), moving(), rigid(null, AffineMap.identity()),
                new RegistrationListener() {
                    @Override
                    public void levelStarted(RegistrationStage stage, int level, int n) {
                        levels.add(stage + " " + level + "/" + n);
                    }

                    @Override
                    public void iteration(int iteration, double metric) {
                        assertThat(iteration).isEqualTo(iterations.getAndIncrement());
                        assertThat(metric).isFinite();
                    }
                }, new CancelToken());
        // This coarse fixture (4 x 4 x 5 mm fixed voxels) has its Mattes-MI optimum 1-2 mm from the true shift: with the
        // default settings and seeds 1-5 the results ended 0.7-1.7 mm from it, each with a better full-sample MI than
        // the truth; with these quick settings 0.4-3.1 mm (2026-12-01). One fixed slice (5 mm) bounds that; a result
        // applied in the wrong direction would be about 16 mm off.
        assertThat(errorMm(t, TRUTH)).isLessThan(5.0);
        assertThat(levels).contains("RIGID 1/3", "RIGID 2/3", "RIGID 3/3");
        assertThat(iterations.get()).isGreaterThanOrEqualTo(3 * 80);
    }

    @Test
    void startsFromThePreAlignmentAndRestrictsToTheCropBox() throws Exception {
        EngineRegistrationService service = new EngineRegistrationService(quick());
        AffineMap start = AffineMap.ofRowMajor3x4(1, 0, 0, -4, 0, 1, 0, 2, 0, 0, 1, -1);
        RoiBox box = new RoiBox(new double[] {-90, -105, -40}, new double[] {90, 105, 85});
        var settings = service.settings(new RegistrationOptions(List.of(RegistrationStage.AFFINE),
                RegistrationOptions.CT_MR_HEAD, box, start));
        assertThat(settings.initialTransform()).isEqualTo(start);
        assertThat(settings.roi().lo()).containsExactly(-90, -105, -40);
        assertThat(settings.roi().hi()).containsExactly(90, 105, 85);
        assertThat(settings.stages()).containsExactly(org.coreg.registration.Stage.RIGID,
                org.coreg.registration.Stage.AFFINE);
        AffineMap t = service.run(fixed(), moving(), rigid(box, start), new Silent(), new CancelToken());
        // fewer samples inside the box: within half a 4 mm voxel up to 110 mm from the centre
        assertThat(errorMm(t, TRUTH)).isLessThan(2.0);
    }

    @Test
    void aCancelledRunEndsQuicklyWithoutAResult() {
        CancelToken cancel = new CancelToken();
        AtomicInteger seen = new AtomicInteger();
        RegistrationListener l = new Silent() {
            @Override
            public void iteration(int iteration, double metric) {
                if (seen.incrementAndGet() == 5) {
                    cancel.cancel();
                }
            }
        };
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> new EngineRegistrationService().run(fixed(), moving(),
                rigid(null, AffineMap.identity()), l, cancel)).isInstanceOf(CancelledException.class);
        assertThat(seen.get()).isBetween(5, 6);
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(20);
    }

    @Test
    void aRefusedInputGivesTheEnginesPlainMessageAndAdvice() {
        Volume m = moving();
        Volume constant = new Volume(VoxelData.allocate(VoxelType.FLOAT32, m.geometry().voxelCount()), m.geometry(),
                m.metadata());
        assertThatThrownBy(() -> new EngineRegistrationService(quick()).run(fixed(), constant,
                rigid(null, AffineMap.identity()), new Silent(), new CancelToken()))
                .isInstanceOfSatisfying(RegistrationFailedException.class, e -> {
                    assertThat(e.getMessage()).startsWith("Registration failed: The moving image 'ct' is constant");
                    assertThat(e.advice()).contains("crop box").contains("Pre-align");
                });
    }

    private static class Silent implements RegistrationListener {
        @Override
        public void levelStarted(RegistrationStage stage, int level, int levels) {
        }

        @Override
        public void iteration(int iteration, double metric) {
        }
    }
}
