package org.coreg.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.coreg.image.ImageGeometry;
import org.coreg.image.ImageMetadata;
import org.coreg.image.Volume;
import org.coreg.image.VoxelData;
import org.coreg.image.VoxelType;
import org.coreg.io.ImageFormats;
import org.coreg.registration.RegistrationSettings;
import org.coreg.registration.deformable.BSplineOptimizer;
import org.coreg.registration.deformable.BSplineSettings;
import org.coreg.testing.TestVolumes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Faults and hostile options on the command line: each must end in one plain line naming the problem, exit status
 * 1, at once (before the images are read where the problem is in the options), with nothing left behind.
 */
class HostileCliTest {
    @TempDir
    Path dir;

    private Path image(String name, int nx, int ny, int nz, double spacing) throws IOException {
        Volume v = TestVolumes.random(VoxelType.INT16, ImageGeometry.axisAligned(new int[] {nx, ny, nz},
                new double[] {spacing, spacing, spacing}, new double[] {0, 0, 0}), 5);
        Path p = dir.resolve(name);
        ImageFormats.standard().write(v, p);
        return p;
    }

    /** Files in {@code dir} other than {@code keep}: what a failed run left behind. */
    private List<String> leftovers(Path... keep) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !List.of(keep).contains(p)).map(p -> p.getFileName().toString()).toList();
        }
    }

    private static void assertPlain(CliRun r) {
        assertThat(r.status()).as(r.err()).isEqualTo(1);
        assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).startsWith("coreg: ").doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void tooManyThreadsIsRefusedWithTheRangeBeforeAnyWork() throws Exception {
        CliRun r = CliRun.run("register", "--fixed", dir.resolve("absent-f.nii").toString(), "--moving",
                dir.resolve("absent-m.nii").toString(), "--out-transform", dir.resolve("t.tfm").toString(),
                "--threads", "100000");
        assertPlain(r);
        assertThat(r.err()).contains("--threads: expected 0 to " + OptionBounds.MAX_THREADS).contains("100000");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aGridSpacingWithTooManyControlPointsIsRefusedWithTheSmallestAllowed() throws Exception {
        // A head-sized fixed grid (256 x 256 x 180 mm) held in few voxels: the check is on the extent, in mm.
        Path fixed = image("f.nii", 64, 64, 45, 4);
        Path moving = image("m.nii", 8, 8, 8, 4);
        long t0 = System.nanoTime();
        CliRun r = CliRun.run("register", "--fixed", fixed.toString(), "--moving", moving.toString(),
                "--out-transform", dir.resolve("t.tfm").toString(), "--stages", "rigid,affine,bspline",
                "--grid-spacing", "0.5");
        assertPlain(r);
        assertThat((System.nanoTime() - t0) / 1e9).as("seconds to refuse").isLessThan(10);
        assertThat(r.err()).contains("--grid-spacing: expected at least").contains("found 0.5 mm");
        assertThat(leftovers(fixed, moving)).isEmpty();
        assertThat(CliRun.run("register", "--fixed", fixed.toString(), "--moving", moving.toString(),
                "--out-transform", dir.resolve("t.tfm").toString(), "--stages", "rigid,affine,bspline",
                "--grid-spacing", "-3").err()).contains("--grid-spacing: expected a positive grid spacing");
    }

    @Test
    void settingBoundsNameTheirRange() {
        RegistrationSettings s = RegistrationSettings.defaults();
        OptionBounds.check(s);
        assertThatThrownBy(() -> OptionBounds.check(s.withLevels(40))).hasMessageContaining("--levels: expected 1 to 8");
        assertThatThrownBy(() -> OptionBounds.check(s.withIterations(0))).hasMessageContaining("--iterations");
        assertThatThrownBy(() -> OptionBounds.check(s.withSamples(Integer.MAX_VALUE)))
                .hasMessageContaining("--samples: expected 1 to");
        assertThatThrownBy(() -> OptionBounds.check(new RegistrationSettings(s.stages(), 4, 200, 3000, 1 << 20, 1, 0,
                s.initialisation(), null, null, null, s.interpolation(), s.globalSearch(), s.metric(),
                s.optimizer()))).hasMessageContaining("--bins: expected 4 to 1024");
    }

    @Test
    void aRoiWithNanOrInvertedCornersIsRefused() {
        OptionBounds.checkRoi(new double[] {0, 0, 0, 1, 1, 1});
        assertThatThrownBy(() -> OptionBounds.checkRoi(new double[] {0, Double.NaN, 0, 1, 1, 1}))
                .hasMessageContaining("--roi: expected finite").hasMessageContaining("axis y");
        assertThatThrownBy(() -> OptionBounds.checkRoi(new double[] {5, 0, 0, 1, 1, 1}))
                .hasMessageContaining("axis x");
    }

    @Test
    void aJobThatCannotFitIsRefusedWithItsNeedTheHeapAndHowToRaiseIt() {
        Volume f = TestVolumes.random(VoxelType.INT16, ImageGeometry.axisAligned(new int[] {100, 100, 100},
                new double[] {1, 1, 1}, new double[] {0, 0, 0}), 1);
        BSplineSettings lbfgs = BSplineSettings.defaults().withOptimizer(BSplineOptimizer.LBFGS);
        MemoryBudget b = MemoryBudget.register(f, f, RegistrationSettings.defaults(), lbfgs, true, false);
        // L-BFGS over a million voxels needs about 2 GB: refused under a 1 GiB heap, accepted under 8 GiB.
        assertThat(b.need()).isGreaterThan(1L << 30);
        assertThatThrownBy(() -> b.check("register", 1L << 30, f, f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("register: this job needs about").hasMessageContaining("the heap is 1024 MiB")
                .hasMessageContaining("COREG_JAVA_OPTS=-Xmx").hasMessageContaining("L-BFGS");
        b.check("register", 8L << 30, f, f);
        MemoryBudget linear = MemoryBudget.register(f, f, RegistrationSettings.defaults(), null, false, false);
        assertThat(linear.need()).isLessThan(b.need() / 10);
    }

    @Test
    void anUnwritableOutputIsRefusedBeforeTheRegistrationRunsNamingTheFileAndTheReason() throws Exception {
        Path fixed = image("f.nii", 8, 8, 8, 2);
        Path[] targets = {Path.of("/sys/coreg-test.tfm"), dir.resolve("no-such-folder/t.tfm")};
        for (Path target : targets) {
            if (target.startsWith("/sys") && !Files.isDirectory(Path.of("/sys"))) {
                continue;
            }
            long t0 = System.nanoTime();
            CliRun r = CliRun.run("register", "--fixed", fixed.toString(), "--moving", fixed.toString(),
                    "--out-transform", target.toString());
            assertPlain(r);
            assertThat(r.err()).contains(target.toString()).contains("cannot write").doesNotContain(".tmp");
            assertThat((System.nanoTime() - t0) / 1e9).isLessThan(5);
        }
        if (Files.isDirectory(Path.of("/sys"))) { // sysfs refuses new files, even to root
            assertThat(CliRun.run("register", "--fixed", fixed.toString(), "--moving", fixed.toString(),
                    "--out-transform", "/sys/coreg-test.tfm").err()).contains("permission denied");
        }
    }

    @Test
    void aReadOnlyFolderIsNamedWithTheReason() throws Exception {
        Path ro = Files.createDirectories(dir.resolve("ro"));
        ro.toFile().setWritable(false, false);
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(ro), "running as root: permissions "
                    + "do not apply (the /sys case above covers the refusal)");
            IOException e = org.assertj.core.api.Assertions.catchThrowableOfType(IOException.class,
                    () -> org.coreg.io.OutputCheck.writable(ro.resolve("out.nii.gz")));
            assertThat(e.getMessage()).contains(ro.resolve("out.nii.gz").toString()).contains("permission denied");
        } finally {
            ro.toFile().setWritable(true, false);
        }
    }

    @Test
    void twoOutputsOnOneFileAreRefused() {
        assertThatThrownBy(() -> org.coreg.io.OutputCheck.writable(dir.resolve("a.nii"), dir.resolve("./a.nii")))
                .hasMessageContaining("named as two outputs");
    }

    @Test
    void infoCountsNanAndInfiniteVoxelsAndGivesTheFiniteRange() throws Exception {
        VoxelData d = VoxelData.allocate(VoxelType.FLOAT32, 8);
        float[] a = (float[]) d.array();
        float[] values = {Float.NaN, -3, 7, Float.POSITIVE_INFINITY, 1, 2, Float.NaN, Float.NEGATIVE_INFINITY};
        System.arraycopy(values, 0, a, 0, 8);
        Path p = dir.resolve("nan.nii");
        ImageFormats.standard().write(new Volume(d, ImageGeometry.axisAligned(new int[] {2, 2, 2},
                new double[] {1, 1, 1}, new double[] {0, 0, 0}), ImageMetadata.named("nan")), p);
        CliRun r = CliRun.run("info", p.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("range:       -3 .. 7 (finite voxels); 2 NaN and 2 infinite voxel(s)")
                .doesNotContain("null");
        CliRun j = CliRun.run("info", "--json", p.toString());
        assertThat(j.out()).contains("\"min\": -3").contains("\"max\": 7").contains("\"nanVoxels\": 2")
                .contains("\"infiniteVoxels\": 2");
    }

    /** A command that fails as a hostile input could make any command fail. */
    @CommandLine.Command(name = "explode")
    static final class Explode implements Callable<Integer> {
        @CommandLine.Parameters(index = "0")
        String how;

        @Override
        public Integer call() {
            return switch (how) {
                case "oom" -> throw new OutOfMemoryError("Java heap space");
                case "stack" -> call(how);
                default -> throw new IllegalStateException("a bug");
            };
        }

        private int call(String s) {
            return call(s) + 1; // deep recursion: a StackOverflowError
        }
    }

    private static CommandLine withExplode(String[] args) {
        if (args.length > 0 && args[0].equals("explode")) {
            return CoregCommand.configured(new CommandLine(new CoregCommand()).addSubcommand("explode", new Explode()));
        }
        return CoregCommand.newCommandLine(args);
    }

    @Test
    void outOfMemoryAndStackOverflowAreOnePlainLineWithStatusOne() {
        for (String how : new String[] {"oom", "stack"}) {
            StringWriter err = new StringWriter();
            CommandLine cl = withExplode(new String[] {"explode"});
            cl.setErr(new PrintWriter(err));
            int status = cl.execute("explode", how);
            assertThat(status).as(how).isEqualTo(1);
            assertThat(err.toString().lines().count()).as(err.toString()).isEqualTo(1);
            assertThat(err.toString()).doesNotContain("\tat ");
        }
    }

    @Test
    void aBatchGoesOnAfterAJobRunsOutOfMemoryOrOverflowsItsStack() throws Exception {
        Path img = image("a.nii", 4, 4, 4, 1);
        Path jobs = Files.writeString(dir.resolve("jobs.txt"), String.join("\n", "explode oom", "explode stack",
                "explode bug", "convert " + img + " " + dir.resolve("b.nrrd")));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = CoregCommand.configured(new CommandLine(new CoregCommand())
                .addSubcommand("batch", new BatchCommand(HostileCliTest::withExplode)));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute("batch", jobs.toString());
        assertThat(status).isEqualTo(1);
        assertThat(out.toString()).contains("batch: 1 of 4 jobs done, 3 failed");
        assertThat(err.toString()).contains("out of memory").contains("COREG_JAVA_OPTS=-Xmx")
                .contains("nested too deeply").contains("unexpected error").doesNotContain("\tat ");
        assertThat(Files.exists(dir.resolve("b.nrrd"))).isTrue();
    }

    @Test
    void aResampleThatCannotWriteItsTransformLeavesNoImage() throws Exception {
        Path img = dir.resolve("r.nii");
        assertThatThrownBy(() -> ResultWrites.imageThenTransforms(img, () -> Files.writeString(img, "image"),
                () -> {
                    throw new IOException("t.tfm: cannot write (No space left on device)");
                })).hasMessageContaining("No space left");
        assertThat(img).doesNotExist();
        List<String> order = new java.util.ArrayList<>();
        ResultWrites.imageThenTransforms(img, () -> order.add("image"), () -> order.add("transform"));
        assertThat(order).containsExactly("image", "transform");
        assertThatThrownBy(() -> ResultWrites.imageThenTransforms(img, () -> {
            throw new IOException("r.nii: cannot write (No space left on device)");
        }, () -> order.add("transform too"))).hasMessageContaining("r.nii");
        assertThat(order).doesNotContain("transform too");
    }
}
