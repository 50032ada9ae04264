package org.coreg.cohort;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Helpers of bench/cohort-vs-batch.sh (not a test):
 * {@code make DIR N} writes N phantom pairs, DIR/manifest.csv and DIR/jobs.txt (the same registrations as
 * {@code coreg batch} lines);
 * {@code standalone DIR WORKERS CORES OUT [register options]} starts a localhost standalone cluster, submits the
 * cohort of DIR/manifest.csv with spark-submit and prints the wall time of the submission.
 */
public final class CohortBench {
    private CohortBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]).toAbsolutePath();
        if (args[0].equals("make")) {
            int n = Integer.parseInt(args[2]);
            Files.createDirectories(dir);
            List<CohortFiles.Pair> pairs = CohortFiles.pairs(dir, n);
            CohortFiles.manifest(dir.resolve("manifest.csv"), pairs);
            StringBuilder jobs = new StringBuilder();
            for (CohortFiles.Pair p : pairs) {
                jobs.append(String.format(Locale.ROOT, "register --fixed %s --moving %s --out-transform %s%n",
                        p.fixed(), p.moving(), dir.resolve("batch-out").resolve(p.id() + ".tfm")));
            }
            Files.writeString(dir.resolve("jobs.txt"), jobs, StandardCharsets.UTF_8);
            return;
        }
        int workers = Integer.parseInt(args[2]);
        int cores = Integer.parseInt(args[3]);
        Path out = Path.of(args[4]).toAbsolutePath();
        Path appJar = Path.of("cohort", "target", "coreg-cohort.jar").toAbsolutePath();
        Path work = Files.createDirectories(dir.resolve("cluster"));
        long t0 = System.nanoTime();
        try (LocalStandaloneCluster cluster = new LocalStandaloneCluster(work, workers, cores, Duration.ofSeconds(120))) {
            long t1 = System.nanoTime();
            List<String> submit = new java.util.ArrayList<>(List.of("--class", CohortCommand.class.getName(),
                    appJar.toString(), dir.resolve("manifest.csv").toString(), "--out", out.toString()));
            submit.addAll(List.of(args).subList(5, args.length));
            int status = cluster.submit(submit, work.resolve("submit.log"), Duration.ofMinutes(20));
            long t2 = System.nanoTime();
            System.out.printf(Locale.ROOT, "cluster start %.1f s, spark-submit %.1f s (status %d)%n", (t1 - t0) / 1e9,
                    (t2 - t1) / 1e9, status);
        }
    }
}
