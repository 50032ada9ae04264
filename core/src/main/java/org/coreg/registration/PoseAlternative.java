package org.coreg.registration;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A distinct pose the global search refined, measured from the chosen pose: so a near-tie between two far-apart poses
 * is visible.
 *
 * @param rotationDeg   angle of the rotation between this pose and the chosen one, degrees
 * @param translationMm distance between where the two poses map the fixed region's centre, mm (moving LPS)
 * @param metric        its metric on the search samples (lower is better), same scale as the chosen pose's
 * @param chosenMetric  the chosen pose's metric on the same samples
 */
public record PoseAlternative(double rotationDeg, double translationMm, double metric, double chosenMetric) {
    /** JSON-ready map. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rotation_deg", rotationDeg);
        m.put("translation_mm", translationMm);
        m.put("metric", metric);
        m.put("metric_margin", metric - chosenMetric);
        return m;
    }
}
