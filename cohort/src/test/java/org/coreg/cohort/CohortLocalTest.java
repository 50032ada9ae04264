package org.coreg.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.coreg.cli.CoregCommand;
import org.coreg.io.json.Json;
import org.coreg.io.transform.TransformFiles;
import org.coreg.registration.Phantom;
import org.coreg.transform.AffineTransform;
import org.coreg.transform.Direction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cohort of small phantom pairs through Spark in local mode (in this JVM): every row's transform equals, byte for
 * byte, the one {@code coreg register} writes for the same pair and seed, and recovers the pair's known motion; a
 * row with a missing file and a row with an unreadable image fail alone with their messages; a rerun skips finished
 * rows and redoes a row whose input changed.
 */
class CohortLocalTest {
    @TempDir
    Path dir;

    /** The command's status, output and errors. */
    private record Run(int status, String out, String err) {
    }

    private static Run cohort(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = CohortCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void rowsEqualCoregRegisterAFailingRowIsIsolatedAndARerunResumes() throws Exception {
        List<CohortFiles.Pair> pairs = CohortFiles.pairs(dir, 3);
        Path broken = dir.resolve("broken-ct.nii.gz");
        Files.writeString(broken, "not an image");
        Path manifest = CohortFiles.manifest(dir.resolve("cohort.csv"), pairs,
                "missing,case0-mr.nii.gz,no-such-ct.nii.gz",
                "unreadable,case1-mr.nii.gz,broken-ct.nii.gz");
        Path out = dir.resolve("out");

        Run first = cohort(manifest.toString(), "--out", out.toString(), "--master", "local[2]", "--seed", "3");

        assertThat(first.status()).as(first.err()).isEqualTo(1);
        assertThat(first.out()).contains("5 rows").contains("3 registered (0 uncertain), 0 skipped (unchanged), 2 failed");
        assertThat(first.err()).contains("5/5");
        List<List<String>> results = CohortFiles.results(out);
        assertThat(results.get(0)).containsExactly("id", "status", "metric", "overlap", "seconds", "message");
        assertThat(results).extracting(r -> r.get(0)).containsExactly("id", "case0", "case1", "case2", "missing",
                "unreadable");
        for (int i = 0; i < pairs.size(); i++) {
            CohortFiles.Pair p = pairs.get(i);
            List<String> row = results.get(i + 1);
            assertThat(row.get(1)).isEqualTo("ok");
            assertThat(Double.parseDouble(row.get(2))).as("Mattes MI of a registered pair").isLessThan(-0.1);
            assertThat(Double.parseDouble(row.get(3))).isGreaterThan(0.5);
            Path tfm = out.resolve(p.id() + ".tfm");
            AffineTransform t = (AffineTransform) TransformFiles.read(tfm);
            assertThat(t.direction()).isEqualTo(Direction.FIXED_TO_MOVING);
            assertThat(Phantom.cornerError(t.map(), p.truth(), new double[3], 60)).as(p.id()).isLessThan(0.5);
            // The same pair through coreg register itself (all threads: the count never changes the result).
            Path alone = dir.resolve(p.id() + "-alone.tfm");
            int status = CoregCommand.execute(new String[] {"register", "--fixed", p.fixed().toString(), "--moving",
                p.moving().toString(), "--out-transform", alone.toString(), "--seed", "3"},
                    new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
            assertThat(status).isZero();
            assertThat(Files.readAllBytes(tfm)).as(p.id() + ": bit-identical to coreg register")
                    .isEqualTo(Files.readAllBytes(alone));
            Map<?, ?> report = (Map<?, ?>) Json.parse(Files.readString(out.resolve(p.id() + ".report.json")), null);
            assertThat(report.get("status")).isEqualTo("ok");
            assertThat(((Number) report.get("metric_final")).doubleValue()).as("coreg register's quality report")
                    .isCloseTo(Double.parseDouble(row.get(2)), org.assertj.core.data.Offset.offset(1e-6));
            assertThat(report.get("reasons")).isInstanceOf(List.class);
            assertThat(report.get("seed")).isEqualTo(3.0);
            assertThat(report.get("transform")).isEqualTo(tfm.toString());
            assertThat((String) report.get("fingerprint")).hasSize(64);
        }
        assertThat(results.get(4).get(1)).isEqualTo("failed");
        assertThat(results.get(4).get(5)).contains("no-such-ct.nii.gz");
        assertThat(results.get(5).get(1)).isEqualTo("failed");
        assertThat(results.get(5).get(5)).contains("broken-ct.nii.gz");
        assertThat(out.resolve("missing.tfm")).doesNotExist();
        assertThat(out.resolve("missing.report.json")).exists();

        // Resume: finished rows are skipped (their files untouched), failed rows are tried again.
        FileTime case0Time = FileTime.fromMillis(1_000_000_000L);
        Files.setLastModifiedTime(out.resolve("case0.tfm"), case0Time);
        byte[] case2Before = Files.readAllBytes(out.resolve("case2.tfm"));
        // case2's moving image changes (another noise seed): its fingerprint changes, so it runs again.
        CohortFiles.write(pairs.get(2).truth(), 99, dir.resolve("case2-mr-unused.nii.gz"), pairs.get(2).moving());

        Run second = cohort(manifest.toString(), "--out", out.toString(), "--master", "local[2]", "--seed", "3");

        assertThat(second.status()).isEqualTo(1);
        List<List<String>> again = CohortFiles.results(out);
        assertThat(again).extracting(r -> r.get(1)).containsExactly("status", "skipped", "skipped", "ok", "failed",
                "failed");
        assertThat(again.get(1).get(2)).as("a skipped row keeps its earlier metric").isEqualTo(results.get(1).get(2));
        assertThat(Files.getLastModifiedTime(out.resolve("case0.tfm"))).isEqualTo(case0Time);
        assertThat(Files.readAllBytes(out.resolve("case2.tfm"))).isNotEqualTo(case2Before);
        assertThat(second.out()).contains("1 registered (0 uncertain), 2 skipped (unchanged), 2 failed");
    }

    @Test
    void perRowStagesAndImagesAreWrittenWithTheirTransform() throws Exception {
        List<CohortFiles.Pair> pairs = CohortFiles.pairs(dir, 1);
        CohortFiles.Pair p = pairs.get(0);
        Path manifest = dir.resolve("m.csv");
        Files.writeString(manifest, "id,fixed,moving,stages\n"
                + "rigid," + p.fixed() + "," + p.moving() + ",rigid\n"
                + "affine," + p.fixed() + "," + p.moving() + ",\"rigid,affine\"\n");
        Path out = dir.resolve("out");

        Run run = cohort(manifest.toString(), "--out", out.toString(), "--master", "local[1]", "--out-images");

        assertThat(run.status()).as(run.out() + run.err()).isZero();
        assertThat(TransformFiles.read(out.resolve("rigid.tfm")).describe()).containsIgnoringCase("rigid");
        assertThat(TransformFiles.read(out.resolve("affine.tfm")).describe()).containsIgnoringCase("affine");
        assertThat(out.resolve("rigid.nii.gz")).exists();
        assertThat(out.resolve("affine.nii.gz")).exists();
        String command = (String) ((Map<?, ?>) Json.parse(Files.readString(out.resolve("affine.report.json")), null))
                .get("command");
        assertThat(command).contains("--stages rigid,affine").contains("--out-image " + out.resolve("affine.nii.gz"));
    }

    @Test
    void badArgumentsFailBeforeSparkStarts() throws Exception {
        Path manifest = CohortFiles.manifest(dir.resolve("m.csv"), CohortFiles.pairs(dir, 1));
        Run typo = cohort(manifest.toString(), "--out", dir.resolve("o").toString(), "--stagez", "rigid");
        assertThat(typo.status()).isEqualTo(2);
        assertThat(typo.err()).contains("--stagez");
        Run reserved = cohort(manifest.toString(), "--out", dir.resolve("o").toString(), "--fixed", "x.nii");
        assertThat(reserved.status()).isEqualTo(2);
        assertThat(reserved.err()).contains("--fixed is set per row");
        Run noOut = cohort(manifest.toString());
        assertThat(noOut.status()).isEqualTo(2);
        assertThat(noOut.err()).contains("--out DIR");
        assertThat(dir.resolve("o")).doesNotExist();
    }
}
