package org.coreg.app.sessionfile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coreg.app.session.RegistrationVerdict;
import org.coreg.image.AffineMap;
import org.coreg.registration.PoseAlternative;
import org.coreg.registration.landmarks.LandmarkErrors;
import org.coreg.registration.landmarks.LandmarkFitKind;
import org.coreg.registration.landmarks.LandmarkSummary;
import org.coreg.registration.quality.QualityReport;
import org.coreg.registration.quality.QualityStatus;

/**
 * The session file's {@code "quality"} field: the last registration's report exactly as {@code coreg register
 * --out-report} writes it ({@link QualityReport#toJson()}, under {@code "report"}; each landmark's mapped position is
 * added as {@code mapped_lps}) and the transform it judged ({@code "result"}, fixed -> moving, or null when the run
 * failed). Non-finite figures are written as null and read back as NaN. Absent or null: no report.
 */
final class QualityReportJson {
    private QualityReportJson() {
    }

    static Object write(RegistrationVerdict v) {
        if (v == null) {
            return null;
        }
        Map<String, Object> report = new LinkedHashMap<>(v.report().toJson());
        LandmarkSummary lm = v.report().landmarks();
        if (lm != null) {
            Map<String, Object> l = new LinkedHashMap<>(lm.toJson());
            List<Object> points = new ArrayList<>();
            for (LandmarkErrors.PairError e : lm.errors().points()) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("label", e.label());
                p.put("error_mm", e.errorMm());
                p.put("mapped_lps", e.mapped() == null ? null : JsonFields.list(e.mapped()));
                points.add(p);
            }
            l.put("points", points);
            report.put("landmarks", l);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("report", JsonFields.finite(report));
        if (v.result() == null) {
            m.put("result", null);
        } else {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("direction", SessionJson.DIRECTION);
            r.put("matrix", JsonFields.list(v.result().rowMajor3x4()));
            m.put("result", r);
        }
        return m;
    }

    static RegistrationVerdict read(Object v, JsonFields f) throws SessionFileException {
        if (v == null) {
            return null;
        }
        Map<?, ?> m = f.object(v, "quality");
        AffineMap result = null;
        if (m.get("result") != null) {
            Map<?, ?> r = f.object(m.get("result"), "quality.result");
            if (!SessionJson.DIRECTION.equals(r.get("direction"))) {
                throw f.bad("quality.result.direction", "\"" + SessionJson.DIRECTION + "\"", r.get("direction"));
            }
            List<?> a = f.list(r.get("matrix"), "quality.result.matrix");
            if (a.size() != 12) {
                throw f.bad("quality.result.matrix", "12 numbers", a.size() + " values");
            }
            double[] rm = new double[12];
            for (int i = 0; i < 12; i++) {
                rm[i] = f.number(a.get(i), "quality.result.matrix[" + i + "]");
            }
            result = AffineMap.ofRowMajor3x4(rm);
        }
        return new RegistrationVerdict(report(f.object(m.get("report"), "quality.report"), f), result);
    }

    private static QualityReport report(Map<?, ?> r, JsonFields f) throws SessionFileException {
        String p = "quality.report.";
        String statusText = f.string(r.get("status"), p + "status");
        QualityStatus status = null;
        for (QualityStatus s : QualityStatus.values()) {
            if (s.label().equals(statusText)) {
                status = s;
            }
        }
        if (status == null) {
            throw f.bad(p + "status", "ok, uncertain or failed", "\"" + statusText + "\"");
        }
        List<PoseAlternative> alternatives = new ArrayList<>();
        List<?> alt = f.list(r.get("alternatives"), p + "alternatives");
        for (int i = 0; i < alt.size(); i++) {
            String q = p + "alternatives[" + i + "]";
            Map<?, ?> a = f.object(alt.get(i), q);
            double metric = f.numberOrNaN(a.get("metric"), q + ".metric");
            alternatives.add(new PoseAlternative(f.numberOrNaN(a.get("rotation_deg"), q + ".rotation_deg"),
                    f.numberOrNaN(a.get("translation_mm"), q + ".translation_mm"), metric,
                    metric - f.numberOrNaN(a.get("metric_margin"), q + ".metric_margin")));
        }
        Double inverse = r.get("inverse_consistency_mm") == null ? null
                : f.number(r.get("inverse_consistency_mm"), p + "inverse_consistency_mm");
        return new QualityReport(status, strings(r.get("reasons"), p + "reasons", f),
                f.numberOrNaN(r.get("metric_start"), p + "metric_start"),
                f.numberOrNaN(r.get("metric_final"), p + "metric_final"),
                f.numberOrNaN(r.get("overlap"), p + "overlap"), strings(r.get("stages"), p + "stages", f),
                (long) f.number(r.get("seed"), p + "seed"), alternatives,
                r.get("landmarks") == null ? null : landmarks(f.object(r.get("landmarks"), p + "landmarks"), f),
                inverse);
    }

    private static LandmarkSummary landmarks(Map<?, ?> l, JsonFields f) throws SessionFileException {
        String p = "quality.report.landmarks.";
        LandmarkFitKind fit = LandmarkFitKind.parse(f.string(l.get("fit"), p + "fit"));
        if (fit == null) {
            throw f.bad(p + "fit", "rigid, similarity or affine", l.get("fit"));
        }
        List<LandmarkErrors.PairError> points = new ArrayList<>();
        List<?> pts = f.list(l.get("points"), p + "points");
        for (int i = 0; i < pts.size(); i++) {
            String q = p + "points[" + i + "]";
            Map<?, ?> e = f.object(pts.get(i), q);
            double[] mapped = e.get("mapped_lps") == null ? null : f.vector(e.get("mapped_lps"), q + ".mapped_lps");
            points.add(new LandmarkErrors.PairError(f.string(e.get("label"), q + ".label"),
                    f.number(e.get("error_mm"), q + ".error_mm"), mapped));
        }
        LandmarkErrors errors = new LandmarkErrors(points, f.numberOrNaN(l.get("mean_mm"), p + "mean_mm"),
                f.numberOrNaN(l.get("max_mm"), p + "max_mm"), f.numberOrNaN(l.get("rms_mm"), p + "rms_mm"));
        return new LandmarkSummary(fit, errors, f.numberOrNaN(l.get("fre_mm"), p + "fre_mm"),
                f.numberOrNaN(l.get("expected_tre_mm"), p + "expected_tre_mm"),
                f.vector(l.get("tre_target_lps"), p + "tre_target_lps"));
    }

    private static List<String> strings(Object v, String field, JsonFields f) throws SessionFileException {
        List<String> out = new ArrayList<>();
        List<?> l = f.list(v, field);
        for (int i = 0; i < l.size(); i++) {
            out.add(f.string(l.get(i), field + "[" + i + "]"));
        }
        return out;
    }
}
