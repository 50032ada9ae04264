package org.coreg.cohort;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coreg.io.AtomicOutput;
import org.coreg.io.json.Json;

/**
 * {@code DIR/<id>.report.json}: the row's result (status, final metric, overlap, seconds, message), the register
 * command that made it and the fingerprint of its inputs and settings, which a rerun compares to skip the row.
 * Written atomically, after the transform and image, so a report names only outputs that exist.
 */
final class RowReport {
    private RowReport() {
    }

    static void write(Path file, RowResult r, ManifestRow row, CohortSettings s, List<String> args) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("status", r.status());
        m.put("metric_final", Double.isNaN(r.metric()) ? null : r.metric());
        m.put("overlap", Double.isNaN(r.overlap()) ? null : r.overlap());
        m.put("seconds", r.seconds());
        m.put("message", r.message());
        m.put("fixed", row.fixed());
        m.put("moving", row.moving());
        m.put("transform", r.failed() ? null : s.transform(row.id()).toString());
        m.put("transform_direction", "fixed->moving (LPS mm)");
        Path image = s.image(row.id());
        m.put("image", r.failed() || image == null ? null : image.toString());
        m.put("command", "coreg " + String.join(" ", args));
        m.put("fingerprint", r.fingerprint());
        try (AtomicOutput out = new AtomicOutput()) {
            try (OutputStream os = out.open(file)) {
                os.write(Json.write(m).getBytes(StandardCharsets.UTF_8));
            }
            out.commit();
        }
    }

    /** The earlier result recorded in {@code file}, or null when there is none or it cannot be read. */
    static RowResult read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            if (!(Json.parse(Files.readString(file, StandardCharsets.UTF_8), file) instanceof Map<?, ?> m)) {
                return null;
            }
            return new RowResult(text(m.get("id")), text(m.get("status")), number(m.get("metric_final")),
                    number(m.get("overlap")), number(m.get("seconds")), text(m.get("message")),
                    text(m.get("fingerprint")));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String text(Object o) {
        return o instanceof String s ? s : "";
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
