package org.coreg.cohort;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.coreg.io.AtomicOutput;

/** {@code DIR/results.csv}: one line per row in manifest order: id, status, metric, overlap, seconds, message. */
final class ResultsCsv {
    static final String HEADER = "id,status,metric,overlap,seconds,message";

    private ResultsCsv() {
    }

    static void write(Path file, List<RowResult> results) throws IOException {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (RowResult r : results) {
            sb.append(Csv.field(r.id())).append(',').append(r.status()).append(',')
                    .append(Double.isNaN(r.metric()) ? "" : String.format(Locale.ROOT, "%.6f", r.metric())).append(',')
                    .append(Double.isNaN(r.overlap()) ? "" : String.format(Locale.ROOT, "%.4f", r.overlap()))
                    .append(',').append(String.format(Locale.ROOT, "%.2f", r.seconds())).append(',')
                    .append(Csv.field(r.message())).append('\n');
        }
        try (AtomicOutput out = new AtomicOutput()) {
            try (OutputStream os = out.open(file)) {
                os.write(sb.toString().getBytes(StandardCharsets.UTF_8));
            }
            out.commit();
        }
    }
}
