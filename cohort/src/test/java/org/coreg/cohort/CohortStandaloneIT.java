package org.coreg.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.coreg.cli.CoregCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cohort through spark-submit on a real Spark standalone cluster on 127.0.0.1: a Master and a Worker started as
 * child JVMs from the Spark jars on the class path, the application jar target/coreg-cohort.jar (built by the package
 * phase, before this integration test), executors launched by the Worker. The transforms equal those of coreg
 * register; a missing file fails its row only. Everything is stopped at the end, and the whole test is bounded.
 */
class CohortStandaloneIT {
    @TempDir
    Path dir;

    @Test
    @Timeout(240)
    void spark_submitRunsACohortOnAStandaloneMasterAndWorker() throws Exception {
        Path appJar = Path.of("cohort", "target", "coreg-cohort.jar").toAbsolutePath();
        assertThat(appJar).as("built by mvn package before the integration tests").exists();
        List<CohortFiles.Pair> pairs = CohortFiles.pairs(dir, 2);
        Path manifest = CohortFiles.manifest(dir.resolve("cohort.csv"), pairs, "missing,case0-mr.nii.gz,gone.nii.gz");
        Path out = dir.resolve("out");
        Path work = Files.createDirectories(dir.resolve("cluster"));
        Path log = work.resolve("submit.log");
        try (LocalStandaloneCluster cluster = new LocalStandaloneCluster(work, 1, 2, Duration.ofSeconds(90))) {
            int status = cluster.submit(List.of("--class", CohortCommand.class.getName(), appJar.toString(),
                    manifest.toString(), "--out", out.toString(), "--seed", "5"), log, Duration.ofSeconds(150));
            String submitLog = Files.readString(log);
            assertThat(status).as(submitLog + cluster.log("worker0")).isEqualTo(1);
            assertThat(submitLog).contains("cohort: 3 rows on " + cluster.masterUrl())
                    .contains("2 registered (0 uncertain), 0 skipped (unchanged), 1 failed");
        }
        List<List<String>> results = CohortFiles.results(out);
        assertThat(results).extracting(r -> r.get(1)).containsExactly("status", "ok", "ok", "failed");
        assertThat(results.get(3).get(5)).contains("gone.nii.gz");
        for (CohortFiles.Pair p : pairs) {
            Path alone = dir.resolve(p.id() + "-alone.tfm");
            int status = CoregCommand.execute(new String[] {"register", "--fixed", p.fixed().toString(), "--moving",
                p.moving().toString(), "--out-transform", alone.toString(), "--seed", "5"},
                    new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
            assertThat(status).isZero();
            assertThat(Files.readAllBytes(out.resolve(p.id() + ".tfm"))).as(p.id())
                    .isEqualTo(Files.readAllBytes(alone));
        }
    }
}
