package org.coreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.coreg.image.AffineMap;
import org.coreg.io.ImageFormats;
import org.coreg.io.json.Json;
import org.coreg.io.transform.TransformFiles;
import org.coreg.registration.Phantom;
import org.coreg.registration.PhantomRegistrationTest;
import org.coreg.transform.AffineTransform;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quality report, landmarks and {@code coreg check} on the command line. */
class QualityCliTest {
    private static final AffineMap TRUTH = Phantom.rigid(6, -4, 9, new double[] {5, -7, 3}, new double[3]);
    private static final double[][] LANDMARKS = {{30, 0, 0}, {-30, 10, 5}, {0, 40, -10}, {5, -40, 20},
        {10, 5, 35}};

    @TempDir
    Path dir;
    private Path fixed;
    private Path moving;

    @BeforeEach
    void phantomPair() throws Exception {
        fixed = dir.resolve("mr.nrrd");
        moving = dir.resolve("ct.nrrd");
        ImageFormats formats = ImageFormats.standard();
        formats.write(Phantom.render(PhantomRegistrationTest.fixedGrid(), Phantom.MR, AffineMap.identity(), 8, 1),
                fixed);
        formats.write(Phantom.render(PhantomRegistrationTest.movingGrid(), Phantom.CT, TRUTH, 6, 2), moving);
    }

    /** Writes fixed and moving landmark files; {@code points} in fixed space, their images through TRUTH. */
    private Path[] landmarkFiles(double[][] points) throws Exception {
        StringBuilder f = new StringBuilder("label,x_lps_mm,y_lps_mm,z_lps_mm,description,locked\n");
        StringBuilder m = new StringBuilder(f);
        for (int i = 0; i < points.length; i++) {
            double[] q = TRUTH.apply(points[i]);
            f.append("P").append(i).append(',').append(points[i][0]).append(',').append(points[i][1]).append(',')
                    .append(points[i][2]).append(",,false\n");
            m.append("P").append(i).append(',').append(q[0]).append(',').append(q[1]).append(',').append(q[2])
                    .append(",,false\n");
        }
        Path fl = dir.resolve("fixed-points.csv");
        Path ml = dir.resolve("moving-points.csv");
        Files.writeString(fl, f);
        Files.writeString(ml, m);
        return new Path[] {fl, ml};
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Path p) throws Exception {
        return (Map<String, Object>) Json.parse(Files.readString(p), p);
    }

    @Test
    void reportIsWrittenWithItsStatusAndEvidence() throws Exception {
        Path tfm = dir.resolve("t.tfm");
        Path report = dir.resolve("r.json");
        CliRun r = CliRun.run("register", "--fixed", fixed.toString(), "--moving", moving.toString(),
                "--out-transform", tfm.toString(), "--out-report", report.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("status ok");
        Map<String, Object> j = json(report);
        assertThat(j).containsEntry("status", "ok").containsKeys("reasons", "metric_start", "metric_final",
                "overlap", "stages", "seed", "alternatives");
        assertThat(((Number) j.get("metric_final")).doubleValue())
                .isLessThan(((Number) j.get("metric_start")).doubleValue());
        assertThat((List<Object>) j.get("stages")).containsExactly("rigid");
    }

    @Test
    void aFailedRunWritesItsReportButNoTransformAndExitsOne() throws Exception {
        Path tfm = dir.resolve("t.tfm");
        Path img = dir.resolve("out.nrrd");
        Path report = dir.resolve("r.json");
        CliRun r = CliRun.run("register", "--fixed", fixed.toString(), "--moving", moving.toString(),
                "--roi", "0,0,0,2,2,2", "--out-transform", tfm.toString(), "--out-image", img.toString(),
                "--out-report", report.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("registration failed, no transform written").contains("at least 500")
                .doesNotContain("Exception");
        assertThat(tfm).doesNotExist();
        assertThat(img).doesNotExist();
        assertThat(json(report)).containsEntry("status", "failed");
    }

    @Test
    void anUncertainRunWarnsOnceAndStillWrites() throws Exception {
        Path tfm = dir.resolve("t.tfm");
        CliRun r = CliRun.run("register", "--fixed", fixed.toString(), "--moving", moving.toString(),
                "--roi", "-9,-9,-9,9,9,9", "--out-transform", tfm.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err().lines().filter(l -> l.startsWith("warning:")).count()).isEqualTo(1);
        assertThat(r.err()).contains("constrains rotations poorly");
        assertThat(tfm).exists();
    }

    @Test
    void pureLandmarkFitIsExactOnNoiselessPairsAndReportsThem() throws Exception {
        Path[] lm = landmarkFiles(LANDMARKS);
        Path tfm = dir.resolve("lm.tfm");
        Path report = dir.resolve("r.json");
        CliRun r = CliRun.run("register", "--fixed", fixed.toString(), "--moving", moving.toString(),
                "--stages", "landmarks", "--fixed-landmarks", lm[0].toString(), "--moving-landmarks",
                lm[1].toString(), "--out-transform", tfm.toString(), "--out-report", report.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("landmark P0: 0.00 mm").contains("5 pairs, mean 0.00 mm");
        AffineTransform t = (AffineTransform) TransformFiles.read(tfm);
        assertThat(t.map().maxAbsDifference(TRUTH)).isLessThan(1e-6);
        Map<String, Object> j = json(report);
        assertThat((List<Object>) j.get("stages")).containsExactly("landmarks");
        assertThat(j).containsKey("landmarks");
    }

    @Test
    void collinearLandmarksAreRefusedSayingWhy() throws Exception {
        Path[] lm = landmarkFiles(new double[][] {{0, 0, 0}, {10, 10, 10}, {30, 30, 30}});
        Path tfm = dir.resolve("lm.tfm");
        CliRun r = CliRun.run("register", "--fixed", fixed.toString(), "--moving", moving.toString(),
                "--stages", "landmarks", "--fixed-landmarks", lm[0].toString(), "--moving-landmarks",
                lm[1].toString(), "--out-transform", tfm.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("lie on one line");
        assertThat(tfm).doesNotExist();
    }

    @Test
    void landmarksStartTheIntensityStages() throws Exception {
        Path[] lm = landmarkFiles(LANDMARKS);
        Path tfm = dir.resolve("t.tfm");
        CliRun r = CliRun.run("register", "--fixed", fixed.toString(), "--moving", moving.toString(),
                "--fixed-landmarks", lm[0].toString(), "--moving-landmarks", lm[1].toString(),
                "--out-transform", tfm.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("landmarks: 5 pairs").contains("expected TRE");
        AffineTransform t = (AffineTransform) TransformFiles.read(tfm);
        assertThat(Phantom.cornerError(t.map(), TRUTH, new double[3], 60)).isLessThan(0.5);
    }

    @Test
    void singularInitialTransformIsRefusedPlainly() throws Exception {
        // An ITK file holds any 12 numbers (a 4x4 matrix file is refused as not invertible by its reader already).
        Path init = dir.resolve("flat.tfm");
        Files.writeString(init, "#Insight Transform File V1.0\n#Transform 0\nTransform: AffineTransform_double_3_3\n"
                + "Parameters: 1 0 0 0 1 0 0 0 0 0 0 0\nFixedParameters: 0 0 0\n");
        Path tfm = dir.resolve("t.tfm");
        CliRun r = CliRun.run("register", "--fixed", fixed.toString(), "--moving", moving.toString(),
                "--initial-transform", init.toString(), "--out-transform", tfm.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("initial transform is refused").contains("singular (rank 2)")
                .doesNotContain("Exception");
        assertThat(tfm).doesNotExist();
    }

    @Test
    void mirroringInitialTransformIsRefusedPlainly() throws Exception {
        Path init = dir.resolve("mirror.txt");
        Files.writeString(init, "# Coreg 4x4 matrix: LPS mm, fixed->moving\n-1 0 0 0\n0 1 0 0\n0 0 1 0\n0 0 0 1\n");
        CliRun r = CliRun.run("register", "--fixed", fixed.toString(), "--moving", moving.toString(),
                "--initial-transform", init.toString(), "--out-transform", dir.resolve("t.tfm").toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("mirrors space");
    }

    @Test
    void checkMeasuresAnyTransformAtThePairs() throws Exception {
        Path[] lm = landmarkFiles(LANDMARKS);
        Path tfm = dir.resolve("truth.tfm");
        TransformFiles.writeFixedToMoving(TRUTH, tfm);
        CliRun exact = CliRun.run("check", "--transform", tfm.toString(), "--fixed-landmarks", lm[0].toString(),
                "--moving-landmarks", lm[1].toString(), "--json");
        assertThat(exact.status()).as(exact.err()).isZero();
        @SuppressWarnings("unchecked")
        Map<String, Object> j = (Map<String, Object>) Json.parse(exact.out(), Path.of("stdout"));
        assertThat(((Number) j.get("max_mm")).doubleValue()).isLessThan(1e-6);
        assertThat((List<Object>) j.get("points")).hasSize(5);
        // Shifted by 3 mm along x: every pair misses by 3 mm.
        Path shifted = dir.resolve("shifted.tfm");
        TransformFiles.writeFixedToMoving(AffineMap.of(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1},
                new double[] {3, 0, 0}).after(TRUTH), shifted);
        CliRun off = CliRun.run("check", "--transform", shifted.toString(), "--fixed-landmarks", lm[0].toString(),
                "--moving-landmarks", lm[1].toString());
        assertThat(off.out()).contains("P0: 3.00 mm").contains("5 pairs: mean 3.00 mm, max 3.00 mm, RMS 3.00 mm");
    }

    @Test
    void aBSplineRunWritesItsReportToo() throws Exception {
        Path tfm = dir.resolve("b.tfm");
        Path report = dir.resolve("r.json");
        CliRun r = CliRun.run("register", "--fixed", fixed.toString(), "--moving", moving.toString(),
                "--stages", "rigid,affine,bspline", "--grid-spacing", "40", "--out-transform", tfm.toString(),
                "--out-report", report.toString());
        assertThat(r.status()).as(r.err()).isZero();
        Map<String, Object> j = json(report);
        assertThat(j.get("status")).isIn("ok", "uncertain");
        assertThat((List<Object>) j.get("stages")).containsExactly("rigid", "affine", "bspline");
        assertThat(tfm).exists();
    }

    @Test
    void batchSummaryListsUncertainAndFailedJobs() throws Exception {
        Path jobs = dir.resolve("jobs.txt");
        String base = "register --fixed " + fixed + " --moving " + moving;
        Files.writeString(jobs, base + " --out-transform " + dir.resolve("a.tfm") + "\n"
                + base + " --roi -9,-9,-9,9,9,9 --out-transform " + dir.resolve("b.tfm") + "\n"
                + base + " --roi 0,0,0,2,2,2 --out-transform " + dir.resolve("c.tfm") + "\n");
        CliRun r = CliRun.run("batch", jobs.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("batch: 2 of 3 jobs done, 1 failed, 1 uncertain")
                .contains("batch: uncertain: line 2").contains("batch: failed: line 3");
    }
}
