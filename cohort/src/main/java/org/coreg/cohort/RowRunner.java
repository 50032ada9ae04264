package org.coreg.cohort;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coreg.cli.CoregCommand;

/**
 * Runs one row on an executor: exactly {@code coreg register} with the row's arguments (the same code path, so the
 * same transform bit for bit for the same row and seed), then its report. A row whose report holds the same
 * fingerprint with status ok, and whose outputs exist, is skipped. A failure of any kind (missing file, unreadable
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
        if (earlier != null && earlier.status().equals(RowResult.OK) && earlier.fingerprint().equals(fingerprint)
                && outputsExist(row, s)) {
            return new RowResult(row.id(), RowResult.SKIPPED, earlier.metric(), earlier.overlap(), earlier.seconds(),
                    "", fingerprint);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status;
        String thrown = null;
        try {
            Files.createDirectories(Path.of(s.outDir()));
            status = CoregCommand.execute(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            status = -1;
            thrown = e.toString();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        RowResult r;
        Matcher m = SUMMARY.matcher(out.toString());
        if (status == 0 && m.find()) {
            r = new RowResult(row.id(), RowResult.OK, Double.parseDouble(m.group(1)),
                    Double.parseDouble(m.group(2)) / 100, seconds, "", fingerprint);
        } else if (status == 0) {
            r = new RowResult(row.id(), RowResult.OK, Double.NaN, Double.NaN, seconds, "", fingerprint);
        } else {
            r = new RowResult(row.id(), RowResult.FAILED, Double.NaN, Double.NaN, seconds,
                    thrown != null ? thrown : message(err.toString(), status), fingerprint);
            removeStale(row, s);
        }
        try {
            RowReport.write(report, r, row, s, args);
        } catch (IOException | RuntimeException e) {
            return new RowResult(row.id(), RowResult.FAILED, r.metric(), r.overlap(), seconds,
                    "could not write " + report + ": " + e.getMessage(), fingerprint);
        }
        return r;
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
