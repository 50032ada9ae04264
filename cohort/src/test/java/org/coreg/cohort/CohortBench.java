package org.coreg.cohort;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;
import org.coreg.io.ImageFormats;
import org.coreg.registration.Phantom;

/**
 * Helpers of bench/cohort-vs-batch.sh (not a test):
 * {@code make DIR N} writes N phantom pairs, DIR/manifest.csv and DIR/jobs.txt (the same registrations as
 * {@code coreg batch} lines);
 * {@code make-real DIR N FIXED MOVING} the same with N real pairs: FIXED, and MOVING moved by its own rigid map
 * (rotations up to 9 degrees, shifts up to 12 mm) by rewriting its header only (no resampling), when FIXED and MOVING
 * are aligned (the MNI CT and T1 templates are);
 * {@code standalone DIR WORKERS CORES OUT [register options]} starts a localhost standalone cluster, submits the
 * cohort of DIR/manifest.csv with spark-submit and prints the wall time of the submission.
 */
public final class CohortBench {
    private CohortBench() {
    }

    private static List<CohortFiles.Pair> realPairs(Path dir, int n, Path fixed, Path moving) throws Exception {
        ImageFormats formats = ImageFormats.standard();
        Volume m = formats.read(moving);
        ImageGeometry g = m.geometry();
        List<CohortFiles.Pair> pairs = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            AffineMap truth = Phantom.rigid(3 + i, -5 + 2 * i, 7 - 3 * i, new double[] {6 - 2 * i, -8 + 3 * i, 4},
                    g.center());
            double[] r = truth.linear();
            double[] d = g.direction();
            double[] rd = new double[9];
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    for (int k = 0; k < 3; k++) {
                        rd[3 * a + b] += r[3 * a + k] * d[3 * k + b];
                    }
                }
            }
            // World of a voxel: before x, now truth(x); so a fixed point x lies at truth(x) in the moved image.
            Volume moved = m.withGeometry(g.withOrigin(truth.apply(g.origin())).withDirection(rd));
            Path mp = dir.resolve("case" + i + "-ct.nii.gz");
            formats.write(moved, mp);
            pairs.add(new CohortFiles.Pair("case" + i, fixed.toAbsolutePath(), mp, truth));
        }
        return pairs;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]).toAbsolutePath();
        if (args[0].startsWith("make")) {
            int n = Integer.parseInt(args[2]);
            Files.createDirectories(dir);
            List<CohortFiles.Pair> pairs = args[0].equals("make") ? CohortFiles.pairs(dir, n)
                    : realPairs(dir, n, Path.of(args[3]), Path.of(args[4]));
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
