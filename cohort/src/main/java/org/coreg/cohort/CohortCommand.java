package org.coreg.cohort;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.coreg.cli.CoregCommand;
import picocli.CommandLine;

/**
 * {@code coreg-cohort MANIFEST --out DIR [--master URL] [--out-images] [register options...]}: registers every row
 * of a manifest on Spark (embedded {@code local[*]} by default; under spark-submit, the master spark-submit gives)
 * and writes {@code DIR/<id>.tfm}, {@code DIR/<id>.report.json}, optionally {@code DIR/<id>.nii.gz}, and
 * {@code DIR/results.csv}. Exit status 0 when no row failed, 1 when a row failed, 2 for bad arguments.
 */
public final class CohortCommand {
    static final String USAGE = """
            Usage: coreg-cohort MANIFEST --out DIR [--master URL] [--out-images] [register options...]
            Registers every row of MANIFEST (CSV with a header: id,fixed,moving and optionally stages,
            fixed_landmarks,moving_landmarks,initial_transform,roi) with coreg register, on Apache Spark.
              --out DIR        output folder: <id>.tfm (fixed->moving, ITK text, LPS), <id>.report.json (the
                               quality report with the row's fingerprint), results.csv
              --master URL     Spark master (default local[*]: embedded, all cores; under spark-submit its --master)
              --out-images     also write <id>.nii.gz, the moving image resampled onto the fixed grid
              register options: any of coreg register's (e.g. --stages rigid,affine --seed 7); a row's own stages,
                               roi, initial_transform and landmarks replace the same option for that row.
            A rerun skips rows whose outputs exist and whose inputs and settings are unchanged (the fingerprint in
            <id>.report.json). On a cluster, the inputs and DIR must be readable/writable at the same paths on every
            executor.""";

    /** The parsed command line. */
    record Arguments(Path manifest, Path out, String master, boolean outImages, List<String> registerOptions) {
    }

    private CohortCommand() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /** Runs the command; the exit status. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Arguments a;
        List<ManifestRow> rows;
        try {
            a = parse(args);
            if (a == null) {
                out.println(USAGE);
                return 0;
            }
            rows = Manifest.read(a.manifest());
        } catch (IllegalArgumentException | IOException e) {
            err.println("coreg-cohort: " + e.getMessage());
            return 2;
        }
        try {
            Path dir = a.out().toAbsolutePath().normalize();
            Files.createDirectories(dir);
            SparkConf conf = sparkConf(a);
            long t0 = System.nanoTime();
            List<RowResult> results;
            try (JavaSparkContext sc = new JavaSparkContext(conf)) {
                sc.setLogLevel("WARN");
                CohortSettings settings = new CohortSettings(dir.toString(), a.registerOptions(), a.outImages(),
                        threadsPerRow(conf, sc.defaultParallelism(), rows.size()));
                out.printf(Locale.ROOT, "cohort: %d rows on %s -> %s%n", rows.size(), sc.master(), dir);
                RowProgress bar = new RowProgress(err, rows.size());
                results = CohortRun.run(sc, rows, settings, bar);
                bar.finish(results.size());
            }
            ResultsCsv.write(dir.resolve("results.csv"), results);
            return summary(results, (System.nanoTime() - t0) / 1e9, dir, out);
        } catch (IOException | RuntimeException e) {
            err.println("coreg-cohort: " + e.getMessage());
            return 1;
        }
    }

    static SparkConf sparkConf(Arguments a) {
        SparkConf conf = new SparkConf().setAppName("coreg cohort " + a.manifest().getFileName());
        if (a.master() != null) {
            conf.setMaster(a.master());
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        if (conf.get("spark.master").startsWith("local")) {
            // Embedded: no web UI to serve, and the driver talks to itself on the loopback address only.
            conf.setIfMissing("spark.ui.enabled", "false");
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        return conf;
    }

    /**
     * Registration threads per row: the cores of one Spark task ({@code spark.task.cpus}); in local mode with fewer
     * rows than cores, the cores shared among the rows (a single row gets them all, as in {@code coreg register}).
     */
    static int threadsPerRow(SparkConf conf, int cores, int rows) {
        int perTask = conf.getInt("spark.task.cpus", 1);
        if (conf.get("spark.master").startsWith("local") && rows < cores) {
            return Math.max(perTask, cores / rows);
        }
        return perTask;
    }

    /** Prints the summary; 0 when no row failed. */
    static int summary(List<RowResult> results, double seconds, Path dir, PrintWriter out) {
        int ok = 0, uncertain = 0, skipped = 0, failed = 0;
        for (RowResult r : results) {
            switch (r.status()) {
                case RowResult.OK -> ok++;
                case RowResult.UNCERTAIN -> uncertain++;
                case RowResult.SKIPPED -> skipped++;
                default -> failed++;
            }
        }
        for (RowResult r : results) {
            if (r.failed() || r.status().equals(RowResult.UNCERTAIN)) {
                out.printf(Locale.ROOT, "  %s: %s: %s%n", r.status(), r.id(), r.message());
            }
        }
        out.printf(Locale.ROOT, "cohort: %d rows in %.1f s: %d registered (%d uncertain), %d skipped (unchanged), "
                + "%d failed; results in %s%n", results.size(), seconds, ok + uncertain, uncertain, skipped, failed,
                dir.resolve("results.csv"));
        return failed == 0 ? 0 : 1;
    }

    /** The arguments, or null for --help. MANIFEST comes first; other options pass to coreg register. */
    static Arguments parse(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("missing MANIFEST\n" + USAGE);
        }
        if (args[0].equals("--help") || args[0].equals("-h")) {
            return null;
        }
        if (args[0].startsWith("-")) {
            throw new IllegalArgumentException("the first argument must be the MANIFEST file, found " + args[0]);
        }
        Path manifest = Path.of(args[0]);
        Path outDir = null;
        String master = null;
        boolean images = false;
        List<String> register = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String x = args[i];
            if (x.equals("--help") || x.equals("-h")) {
                return null;
            } else if (x.equals("--out") || x.equals("--master")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(x + " needs a value");
                }
                if (x.equals("--out")) {
                    outDir = Path.of(args[++i]);
                } else {
                    master = args[++i];
                }
            } else if (x.startsWith("--out=")) {
                outDir = Path.of(x.substring("--out=".length()));
            } else if (x.startsWith("--master=")) {
                master = x.substring("--master=".length());
            } else if (x.equals("--out-images")) {
                images = true;
            } else {
                register.add(x);
            }
        }
        if (outDir == null) {
            throw new IllegalArgumentException("missing --out DIR (the output folder)");
        }
        checkRegisterOptions(register);
        return new Arguments(manifest, outDir, master, images, register);
    }

    /** The shared register options, checked by coreg register's own parser before Spark starts. */
    static void checkRegisterOptions(List<String> options) {
        for (String name : RegisterArgs.RESERVED) {
            if (RegisterArgs.has(options, name)) {
                throw new IllegalArgumentException(name + " is set per row by the cohort (manifest columns fixed and "
                        + "moving; outputs in --out DIR); remove it");
            }
        }
        List<String> probe = new ArrayList<>(List.of("register", "--fixed", "f", "--moving", "m", "--out-transform",
                "t.tfm"));
        probe.addAll(options);
        try {
            CoregCommand.newCommandLine().parseArgs(probe.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException("register options: " + e.getMessage(), e);
        }
    }
}
