package org.coreg.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.coreg.io.AtomicOutput;
import org.coreg.io.json.Json;
import org.coreg.registration.landmarks.LandmarkErrors;
import org.coreg.registration.landmarks.LandmarkSummary;
import org.coreg.registration.quality.QualityReport;
import org.coreg.registration.quality.QualityStatus;

/** What the command line says about a registration's quality: the report file, the warning line, the landmark table. */
final class QualityOutput {
    private QualityOutput() {
    }

    /** Writes {@code report} as one JSON object to {@code file} (atomically). */
    static void writeReport(QualityReport report, Path file) throws IOException {
        try (AtomicOutput out = new AtomicOutput()) {
            try (OutputStream os = out.open(file)) {
                os.write(Json.write(report.toJson()).getBytes(StandardCharsets.UTF_8));
            }
            out.commit();
        }
    }

    /** One {@code warning:} line for an uncertain result; nothing otherwise. */
    static void warn(QualityReport report, PrintWriter err) {
        if (report.status() == QualityStatus.UNCERTAIN) {
            err.println("warning: the registration result is uncertain: " + report.reasonsText());
        }
    }

    /** The landmark errors of the result, one line per pair, then mean, max, FRE and expected TRE. */
    static void printLandmarks(LandmarkSummary s, PrintWriter out) {
        if (s == null) {
            return;
        }
        for (LandmarkErrors.PairError e : s.errors().points()) {
            out.printf(Locale.ROOT, "landmark %s: %.2f mm%n", e.label(), e.errorMm());
        }
        double[] t = s.target();
        out.printf(Locale.ROOT, "landmarks: %d pairs, mean %.2f mm, max %.2f mm, RMS %.2f mm; %s fit FRE %.2f mm; "
                + "expected TRE at (%.1f, %.1f, %.1f) LPS %.2f mm%n", s.errors().points().size(), s.errors().meanMm(),
                s.errors().maxMm(), s.errors().rmsMm(), s.fit().label(), s.freMm(), t[0], t[1], t[2],
                s.expectedTreMm());
    }
}
