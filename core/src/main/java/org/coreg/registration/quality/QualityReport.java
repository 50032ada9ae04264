package org.coreg.registration.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.coreg.registration.PoseAlternative;
import org.coreg.registration.landmarks.LandmarkSummary;

/**
 * The verdict on one registration result and the evidence behind it; written by {@code coreg register --out-report}
 * as one JSON object ({@link #toJson()}), shown by the workstation. How the status is decided: docs/quality.md and
 * {@link QualityAssessor}.
 *
 * @param status              ok, uncertain or failed
 * @param reasons             plain sentences, one per finding (empty when ok with nothing to say)
 * @param metricStart         the metric at the start pose on the finest level's check samples (lower is better)
 * @param metricFinal         the metric at the result on the same samples
 * @param overlap             fraction of the fixed samples inside the moving image at the end (0-1)
 * @param stages              the stages that ran and were kept, e.g. [rigid] or [landmarks]
 * @param seed                the random seed of the run
 * @param alternatives        the best distinct poses the global search saw, from the chosen pose (empty without a
 *                            search)
 * @param landmarks           the landmark summary, or null without landmark pairs
 * @param inverseConsistencyMm forward-backward residual of a deformable result, mm, or null when not computed
 */
public record QualityReport(QualityStatus status, List<String> reasons, double metricStart, double metricFinal,
                            double overlap, List<String> stages, long seed, List<PoseAlternative> alternatives,
                            LandmarkSummary landmarks, Double inverseConsistencyMm) {
    public QualityReport {
        Objects.requireNonNull(status, "status");
        reasons = List.copyOf(reasons);
        stages = List.copyOf(stages);
        alternatives = List.copyOf(alternatives);
    }

    /** The same report with the landmark summary set. */
    public QualityReport withLandmarks(LandmarkSummary l) {
        return new QualityReport(status, reasons, metricStart, metricFinal, overlap, stages, seed, alternatives, l,
                inverseConsistencyMm);
    }

    /** The same report with the inverse-consistency figure set (mm). */
    public QualityReport withInverseConsistency(Double mm) {
        return new QualityReport(status, reasons, metricStart, metricFinal, overlap, stages, seed, alternatives,
                landmarks, mm);
    }

    /** The same report with one more finding and at least {@code atLeast} as its status. */
    public QualityReport withFinding(QualityStatus atLeast, String reason) {
        List<String> r = new ArrayList<>(reasons);
        r.add(reason);
        QualityStatus s = atLeast.compareTo(status) > 0 ? atLeast : status;
        return new QualityReport(s, r, metricStart, metricFinal, overlap, stages, seed, alternatives, landmarks,
                inverseConsistencyMm);
    }

    /** The reasons as one line, for a {@code warning:} or error message. */
    public String reasonsText() {
        return reasons.isEmpty() ? "no finding" : String.join(" ", reasons);
    }

    /**
     * JSON-ready map: {@code status, reasons, metric_start, metric_final, overlap, stages, seed, alternatives},
     * {@code landmarks} when present and {@code inverse_consistency_mm} when computed.
     */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status.label());
        m.put("reasons", reasons);
        m.put("metric_start", finite(metricStart));
        m.put("metric_final", finite(metricFinal));
        m.put("overlap", finite(overlap));
        m.put("stages", stages);
        m.put("seed", seed);
        m.put("alternatives", alternatives.stream().map(a -> (Object) a.toJson()).toList());
        if (landmarks != null) {
            m.put("landmarks", landmarks.toJson());
        }
        if (inverseConsistencyMm != null) {
            m.put("inverse_consistency_mm", inverseConsistencyMm);
        }
        return m;
    }

    private static Object finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
