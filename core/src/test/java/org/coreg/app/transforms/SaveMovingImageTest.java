package org.coreg.app.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.coreg.app.demo.SyntheticHead;
import org.coreg.app.render.SampledVolume;
import org.coreg.app.session.Session;
import org.coreg.app.session.TransformLibrary;
import org.coreg.app.task.ExecutorTaskRunner;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;
import org.coreg.io.ImageFormats;
import org.coreg.io.transform.TransformFiles;
import org.coreg.transform.AffineTransform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hardened moving image saved as it is with its transform; a name no writer knows writes nothing. */
class SaveMovingImageTest {
    @TempDir
    Path dir;
    private final ExecutorTaskRunner tasks = new ExecutorTaskRunner(Executors.newSingleThreadExecutor(),
            Executors.newSingleThreadExecutor());
    private final ImageFormats formats = ImageFormats.standard();

    @AfterEach
    void stop() {
        tasks.shutdown();
    }

    private Session pair() {
        Session s = new Session();
        s.setFixed(SampledVolume.of(SyntheticHead.render(ImageGeometry.axisAligned(new int[] {20, 22, 16},
                new double[] {4, 4, 5}, new double[] {-38, -42, -38}), new double[3], AffineMap.identity(),
                SyntheticHead.Contrast.MR, "mr")));
        s.setMoving(SampledVolume.of(SyntheticHead.render(ImageGeometry.axisAligned(new int[] {18, 20, 14},
                new double[] {4.5, 4.5, 5.5}, new double[] {-38, -42, -36}), new double[3], AffineMap.identity(),
                SyntheticHead.Contrast.CT, "ct")));
        return s;
    }

    @Test
    void theHardenedMovingImageIsSavedAsItIsWithTheHardenedTransform() throws Exception {
        Session s = pair();
        double a = Math.toRadians(9);
        AffineMap rigid = AffineMap.ofRowMajor3x4(Math.cos(a), 0, Math.sin(a), 2, 0, 1, 0, -3, -Math.sin(a), 0,
                Math.cos(a), 1);
        TransformLibrary.Entry e = s.transforms().add("Registration", rigid, "registration: rigid");
        HardenMoving harden = new HardenMoving(s);
        harden.apply(harden.prepare(e));
        Volume hardened = s.moving().orElseThrow().source();
        Path image = dir.resolve("ct-hardened.nii.gz");
        CompletableFuture<SaveMovingImage.Written> written = new CompletableFuture<>();
        new SaveMovingImage(s, formats).saveAsIs(tasks, image, rigid, "hardened", written::complete,
                written::completeExceptionally);
        SaveMovingImage.Written w = written.get(60, TimeUnit.SECONDS);
        assertThat(w.transform()).isEqualTo(dir.resolve("ct-hardened.tfm"));
        Volume back = formats.read(image);
        assertThat(back.geometry().approximatelyEquals(hardened.geometry(), 1e-5)).isTrue();
        assertThat(back.realValue(7, 8, 6)).isCloseTo(hardened.realValue(7, 8, 6), within(1e-3));
        var t = (AffineTransform) TransformFiles.read(w.transform());
        assertThat(t.map().maxAbsDifference(rigid)).isLessThan(1e-12);
    }

    @Test
    void anUnknownImageFormatIsRefusedAndNothingIsWritten() throws Exception {
        Session s = pair();
        Path image = dir.resolve("ct-on-mr.png");
        CompletableFuture<Throwable> failed = new CompletableFuture<>();
        new SaveMovingImage(s, formats).saveResampled(tasks, image, w -> failed.complete(null), failed::complete);
        Throwable t = failed.get(60, TimeUnit.SECONDS);
        assertThat(t).isInstanceOf(TransformActionException.class).hasMessageContaining("ct-on-mr.png");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
