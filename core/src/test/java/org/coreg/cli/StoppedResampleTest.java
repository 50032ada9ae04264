package org.coreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.image.VoxelType;
import org.coreg.io.ImageFormats;
import org.coreg.io.transform.TransformFiles;
import org.coreg.testing.Forked;
import org.coreg.testing.TestVolumes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code coreg resample} stopped at moments spread over its run, by SIGTERM and by SIGKILL: whenever it stops, a
 * transform beside the output means the output image is there too (the image is written first), and after SIGTERM no
 * temporary file is left. A run left to finish writes both.
 */
class StoppedResampleTest {
    @TempDir
    Path dir;

    @Test
    void aStoppedResampleNeverLeavesATransformWithoutItsImage() throws Exception {
        Path fixed = dir.resolve("fixed.nii");
        ImageFormats.standard().write(TestVolumes.random(VoxelType.FLOAT32, ImageGeometry.axisAligned(
                new int[] {200, 200, 150}, new double[] {1, 1, 1}, new double[] {0, 0, 0}), 3), fixed);
        Path moving = dir.resolve("moving.nii");
        ImageFormats.standard().write(TestVolumes.random(VoxelType.INT16, ImageGeometry.axisAligned(
                new int[] {50, 50, 40}, new double[] {4, 4, 4}, new double[] {0, 0, 0}), 4), moving);
        Path t = dir.resolve("t.tfm");
        TransformFiles.writeFixedToMoving(AffineMap.identity(), t);
        Path out = dir.resolve("out.nii");
        Path tfm = dir.resolve("out.tfm");
        int stoppedBeforeTheEnd = 0;
        for (long delay : new long[] {300, 700, 1100, 1500, 1900, 2300}) {
            for (boolean kill : new boolean[] {false, true}) {
                Files.deleteIfExists(out);
                Files.deleteIfExists(tfm);
                Process p = Forked.start(List.of("-Xmx512m"), CoregCommand.class, "resample", "--fixed",
                        fixed.toString(), "--moving", moving.toString(), "--transform", t.toString(), "--out",
                        out.toString());
                p.getOutputStream().close();
                Thread.sleep(delay);
                boolean running = p.isAlive();
                if (kill) {
                    p.destroyForcibly();
                } else {
                    p.destroy();
                }
                assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
                if (running) {
                    stoppedBeforeTheEnd++;
                }
                if (Files.exists(tfm)) {
                    assertThat(out).as("image beside a transform (stopped after %d ms)", delay).exists();
                }
                if (!kill) {
                    assertThat(temporaries()).as("temporary files after SIGTERM at %d ms", delay).isEmpty();
                }
            }
        }
        assertThat(stoppedBeforeTheEnd).isPositive();
        CliRun done = CliRun.run("resample", "--fixed", fixed.toString(), "--moving", moving.toString(),
                "--transform", t.toString(), "--out", out.toString());
        assertThat(done.status()).as(done.err()).isZero();
        assertThat(out).exists();
        assertThat(tfm).exists();
        assertThat(temporaries()).as("stale temporaries of killed runs removed by the next write").isEmpty();
    }

    private List<Path> temporaries() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().contains(".coreg-")).toList();
        }
    }
}
