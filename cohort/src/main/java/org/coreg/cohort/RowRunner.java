package org.coreg.cohort;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coreg.cli.CoregCommand;

/**
 * Runs one row on an executor: exactly {@code coreg register} with the row's arguments (the same code path, so the
 * same transform bit for bit for the same row and seed), which writes the row's quality report; then the cohort
 * completes that report with the row's fingerprint. A row whose report holds the same
 * fingerprint with status ok or uncertain, and whose outputs exist, is skipped. A failure of any kind (missing file, unreadable
 * image, registration failed) becomes the row's result with its message; it never escapes to fail the cohort.
 */
public final class RowRunner {
    /** The summary line coreg register prints on success (rigid/affine and B-spline alike). */
    private static final Pattern SUMMARY = Pattern.compile("final metric (-?[0-9.]+(?:e-?[0-9]+)?), overlap ([0-9.]+)%");

    private RowRunner() {
    }

    public static RowResult run(ManifestRow row, CohortSettings s) {
        long t0 = System.nanoTime();
        List<String> args = RegisterArgs.of(row, s);
        String fingerprint = Fingerprint.of(args, row.inputFiles());
        Path report = s.report(row.id());
        RowResult earlier = RowReport.read(report);
        if (earlier != null && earlier.registered() && earlier.fingerprint().equals(fingerprint)
                && outputsExist(row, s)) {
            return new RowResult(row.id(), RowResult.SKIPPED, earlier.metric(), earlier.overlap(), earlier.seconds(),
                    "unchanged since the earlier run (status " + earlier.status() + ")", fingerprint);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status;
        String thrown = null;
        try {
            Files.createDirectories(Path.of(s.outDir()));
            // Whatever report is there belongs to another run; register writes this run's (--out-report).
            Files.deleteIfExists(report);
            status = CoregCommand.execute(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            status = -1;
            thrown = e.toString();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<?, ?> quality = RowReport.readMap(report);
        RowResult r = result(row.id(), status, quality, out.toString(),
                thrown != null ? thrown : message(err.toString(), status), seconds, fingerprint);
        if (!r.registered()) {
            removeStale(row, s);
        }
        try {
            RowReport.write(report, quality, r, row, s, args);
        } catch (IOException | RuntimeException e) {
            return new RowResult(row.id(), RowResult.FAILED, r.metric(), r.overlap(), seconds,
                    "could not write " + report + ": " + e.getMessage(), fingerprint);
        }
        return r;
    }

    /**
     * The row's result from register's exit status and quality report (null when it wrote none): its verdict (ok,
     * uncertain) when a transform was written, else failed; metric and overlap from the report, else from the summary
     * line register printed.
     */
    static RowResult result(String id, int status, Map<?, ?> quality, String out, String errorMessage, double seconds,
            String fingerprint) {
        double metric = Double.NaN;
        double overlap = Double.NaN;
        Matcher m = SUMMARY.matcher(out);
        if (m.find()) {
            metric = Double.parseDouble(m.group(1));
            overlap = Double.parseDouble(m.group(2)) / 100;
        }
        String verdict = RowResult.OK;
        String reasons = "";
        if (quality != null) {
            metric = Double.isNaN(RowReport.number(quality.get("metric_final"))) ? metric
                    : RowReport.number(quality.get("metric_final"));
            overlap = Double.isNaN(RowReport.number(quality.get("overlap"))) ? overlap
                    : RowReport.number(quality.get("overlap"));
            verdict = RowResult.UNCERTAIN.equals(quality.get("status")) ? RowResult.UNCERTAIN : RowResult.OK;
            if (quality.get("reasons") instanceof List<?> l) {
                reasons = String.join(" ", l.stream().map(Object::toString).toList());
            }
        }
        if (status != 0) {
            return new RowResult(id, RowResult.FAILED, metric, overlap, seconds, errorMessage, fingerprint);
        }
        return new RowResult(id, verdict, metric, overlap, seconds, verdict.equals(RowResult.UNCERTAIN) ? reasons : "",
                fingerprint);
    }

    private static boolean outputsExist(ManifestRow row, CohortSettings s) {
        Path image = s.image(row.id());
        return Files.isRegularFile(s.transform(row.id())) && (image == null || Files.isRegularFile(image));
    }

    /** A failed row keeps no transform or image of an earlier run with other inputs or settings. */
    private static void removeStale(ManifestRow row, CohortSettings s) {
        try {
            Files.deleteIfExists(s.transform(row.id()));
            if (s.image(row.id()) != null) {
                Files.deleteIfExists(s.image(row.id()));
            }
        } catch (IOException ignored) {
            // The failed status in the report says the outputs are not this run's.
        }
    }

    /**
     * The error lines coreg printed ("coreg: ..."), without the "coreg: " prefix; else the first line (picocli's
     * usage errors, e.g. an unknown option, come first and the usage text after them).
     */
    static String message(String err, int status) {
        StringBuilder sb = new StringBuilder();
        String first = "";
        for (String line : err.split("[\r\n]+")) {
            String t = line.strip();
            if (t.startsWith("coreg: ") && !t.startsWith("coreg: warning:")) {
                sb.append(sb.isEmpty() ? "" : "; ").append(t.substring("coreg: ".length()));
            } else if (first.isEmpty() && !t.isEmpty()) {
                first = t;
            }
        }
        String msg = !sb.isEmpty() ? sb.toString() : !first.isEmpty() ? first : "coreg register failed";
        return msg + (status > 1 ? " (status " + status + ")" : "");
    }
}
