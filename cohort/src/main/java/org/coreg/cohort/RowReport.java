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
 * {@code DIR/<id>.report.json}: the quality report {@code coreg register --out-report} wrote for the row (status,
 * reasons, metric_start, metric_final, overlap, stages, seed, alternatives, landmarks; docs/quality.md), completed
 * with the cohort's fields: id, seconds, message, inputs, outputs, the exact register command and the fingerprint of
 * inputs and settings, which a rerun compares to skip the row. When register wrote no report (an input missing or
 * unreadable, the B-spline stage), the cohort's fields alone. Written atomically, after the transform and image.
 */
final class RowReport {
    private RowReport() {
    }

    static void write(Path file, Map<?, ?> quality, RowResult r, ManifestRow row, CohortSettings s, List<String> args)
            throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("status", r.status());
        if (quality != null) {
            quality.forEach((k, v) -> m.putIfAbsent(k.toString(), v));
        }
        m.putIfAbsent("metric_final", Double.isNaN(r.metric()) ? null : r.metric());
        m.putIfAbsent("overlap", Double.isNaN(r.overlap()) ? null : r.overlap());
        m.put("seconds", r.seconds());
        m.put("message", r.message());
        m.put("fixed", row.fixed());
        m.put("moving", row.moving());
        m.put("transform", r.registered() ? s.transform(row.id()).toString() : null);
        m.put("transform_direction", "fixed->moving (LPS mm)");
        Path image = s.image(row.id());
        m.put("image", r.registered() && image != null ? image.toString() : null);
        m.put("command", "coreg " + String.join(" ", args));
        m.put("fingerprint", r.fingerprint());
        try (AtomicOutput out = new AtomicOutput()) {
            try (OutputStream os = out.open(file)) {
                os.write(Json.write(m).getBytes(StandardCharsets.UTF_8));
            }
            out.commit();
        }
    }

    /** The JSON object in {@code file}, or null when there is none or it cannot be read. */
    static Map<?, ?> readMap(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Json.parse(Files.readString(file, StandardCharsets.UTF_8), file) instanceof Map<?, ?> m ? m : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The earlier result recorded in {@code file}, or null when there is none or it cannot be read. */
    static RowResult read(Path file) {
        Map<?, ?> m = readMap(file);
        if (m == null) {
            return null;
        }
        return new RowResult(text(m.get("id")), text(m.get("status")), number(m.get("metric_final")),
                number(m.get("overlap")), number(m.get("seconds")), text(m.get("message")), text(m.get("fingerprint")));
    }

    static String text(Object o) {
        return o instanceof String s ? s : "";
    }

    static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
