package org.coreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.coreg.image.AffineMap;
import org.coreg.image.Volume;
import org.coreg.io.ImageFormats;
import org.coreg.io.transform.TransformFiles;
import org.coreg.registration.Phantom;
import org.coreg.registration.PhantomRegistrationTest;
import org.coreg.transform.AffineTransform;
import org.coreg.transform.Direction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegisterCommandTest {
    @TempDir
    Path dir;


    /** The MR-like fixed and CT-like moving phantom (noise seeds {@code seed}, {@code seed + 1}) seen through truth. */
    private static void writePhantomPair(AffineMap truth, long seed, Path fixed, Path moving) throws Exception {
        ImageFormats formats = ImageFormats.standard();
        formats.write(Phantom.render(PhantomRegistrationTest.fixedGrid(), Phantom.MR, AffineMap.identity(), 8, seed),
                fixed);
        formats.write(Phantom.render(PhantomRegistrationTest.movingGrid(), Phantom.CT, truth, 6, seed + 1), moving);
    }

    @Test
    void registersAndWritesTransformImageAndLog() throws Exception {
        AffineMap truth = Phantom.rigid(6, -4, 9, new double[] {5, -7, 3}, new double[3]);
        Path f = dir.resolve("mr.nrrd");
        Path m = dir.resolve("ct.nrrd");
        writePhantomPair(truth, 1, f, m);
        Path tfm = dir.resolve("ct-to-mr.tfm");
        Path img = dir.resolve("ct-on-mr.nrrd");
        Path log = dir.resolve("log.csv");
        CliRun r = CliRun.run("register", "--fixed", f.toString(), "--moving", m.toString(), "--out-transform", tfm.toString(),
                "--out-image", img.toString(), "--metric-log", log.toString(), "--seed", "3");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote " + tfm);
        AffineTransform t = (AffineTransform) TransformFiles.read(tfm);
        assertThat(t.direction()).isEqualTo(Direction.FIXED_TO_MOVING);
        assertThat(Phantom.cornerError(t.map(), truth, new double[3], 60)).isLessThan(0.3);
        Volume out = ImageFormats.standard().read(img);
        assertThat(out.geometry().approximatelyEquals(PhantomRegistrationTest.fixedGrid(), 1e-9)).isTrue();
        List<String> lines = Files.readAllLines(log);
        assertThat(lines.get(0)).isEqualTo("stage,level,iteration,metric,overlap,elapsed_ms");
        assertThat(lines).hasSizeGreaterThan(800);
    }

    @Test
    void similarityStageWithMomentsStartIsWrittenAsALinearTransform() throws Exception {
        AffineMap truth = Phantom.rigid(5, -3, 8, new double[] {4, -6, 2}, new double[3])
                .after(AffineMap.ofRowMajor3x4(1.04, 0, 0, 0, 0, 1.04, 0, 0, 0, 0, 1.04, 0));
        Path f = dir.resolve("mr.nrrd");
        Path m = dir.resolve("ct.nrrd");
        writePhantomPair(truth, 7, f, m);
        Path tfm = dir.resolve("ct-to-mr.tfm");
        CliRun r = CliRun.run("register", "--fixed", f.toString(), "--moving", m.toString(), "--out-transform",
                tfm.toString(), "--stages", "rigid,similarity", "--init", "moments");
        assertThat(r.status()).as(r.err()).isZero();
        AffineTransform t = (AffineTransform) TransformFiles.read(tfm);
        assertThat(t.direction()).isEqualTo(Direction.FIXED_TO_MOVING);
        assertThat(Math.cbrt(t.map().determinant())).isCloseTo(1.04, org.assertj.core.data.Offset.offset(0.005));
        assertThat(Phantom.cornerError(t.map(), truth, new double[3], 50)).isLessThan(0.5);
    }

    @Test
    void regularStepOptimizerIsChosenByNameAndAnUnknownOneIsRefused() throws Exception {
        AffineMap truth = Phantom.rigid(4, 3, -6, new double[] {-3, 5, 2}, new double[3]);
        Path f = dir.resolve("mr.nrrd");
        Path m = dir.resolve("ct.nrrd");
        writePhantomPair(truth, 5, f, m);
        Path tfm = dir.resolve("t.tfm");
        Path log = dir.resolve("log.csv");
        CliRun r = CliRun.run("register", "--fixed", f.toString(), "--moving", m.toString(), "--out-transform",
                tfm.toString(), "--optimizer", "regular-step", "--metric-log", log.toString());
        assertThat(r.status()).as(r.err()).isZero();
        AffineTransform t = (AffineTransform) TransformFiles.read(tfm);
        assertThat(Phantom.cornerError(t.map(), truth, new double[3], 60)).isLessThan(0.3);
        // It stops by itself: fewer iterations than the stochastic descent's fixed 4 x 200.
        assertThat(Files.readAllLines(log).stream().filter(l -> l.startsWith("rigid,"))).hasSizeLessThan(800);

        Path other = dir.resolve("u.tfm");
        CliRun bad = CliRun.run("register", "--fixed", f.toString(), "--moving", m.toString(), "--out-transform",
                other.toString(), "--optimizer", "newton");
        assertThat(bad.status()).isNotZero();
        assertThat(bad.err()).contains("regular-step").contains("'newton'");
        assertThat(other).doesNotExist();
    }

    @Test
    void unknownStageAndInitAreRefusedByName() throws Exception {
        CliRun r = CliRun.run("register", "--fixed", "f.nrrd", "--moving", "m.nrrd", "--out-transform",
                dir.resolve("t.tfm").toString(), "--stages", "rigid,scale");
        assertThat(r.status()).isNotZero();
        assertThat(r.err()).contains("similarity").contains("'scale'");
    }

    @Test
    void refusedInputWritesNothing() throws Exception {
        ImageFormats formats = ImageFormats.standard();
        Path f = dir.resolve("mr.nrrd");
        Path m = dir.resolve("flat.nrrd");
        formats.write(Phantom.render(PhantomRegistrationTest.fixedGrid(), Phantom.MR, AffineMap.identity(), 8, 1), f);
        Volume flat = Phantom.render(PhantomRegistrationTest.movingGrid(), Phantom.CT, AffineMap.identity(), 0, 2);
        java.util.Arrays.fill((float[]) flat.voxels().array(), 5f);
        formats.write(flat, m);
        Path tfm = dir.resolve("t.tfm");
        Path img = dir.resolve("r.nrrd");
        CliRun r = CliRun.run("register", "--fixed", f.toString(), "--moving", m.toString(), "--out-transform", tfm.toString(),
                "--out-image", img.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("is constant");
        assertThat(tfm).doesNotExist();
        assertThat(img).doesNotExist();
    }
}
