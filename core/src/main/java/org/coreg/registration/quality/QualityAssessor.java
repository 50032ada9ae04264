package org.coreg.registration.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.coreg.registration.LinearMapCheck;
import org.coreg.registration.PoseAlternative;
import org.coreg.registration.RegistrationDiagnostics;
import org.coreg.registration.RegistrationResult;
import org.coreg.registration.landmarks.LandmarkSummary;

/**
 * Decides a registration result's {@link QualityStatus} from the evidence its run gathered. The rules, each with the
 * measurement behind its threshold, are in docs/quality.md; in short:
 * <ul>
 *   <li>failed: a degenerate result ({@link LinearMapCheck}); overlap below {@value #FAILED_OVERLAP}; the final
 *   metric clearly worse than the start's.</li>
 *   <li>uncertain: overlap below {@value #LOW_OVERLAP}; the final metric no better than the start's; a distant
 *   alternative pose (over {@value #DISTANT_DEG} degrees or {@value #DISTANT_MM} mm away) within
 *   {@value #TIE_MARGIN} (relative) of the chosen pose's metric; a sampled region narrower than
 *   {@value #MIN_REGION_MM} mm along some axis; a scaling beyond {@value #MAX_SCALE_CHANGE} (relative); landmark
 *   pairs the result misses by more than {@value #LANDMARK_SLACK_MM} mm plus twice their expected TRE.</li>
 * </ul>
 */
public final class QualityAssessor {
    /** Below this fraction of fixed samples inside the moving image the result is failed. */
    public static final double FAILED_OVERLAP = 0.10;
    /** Below this fraction the result is uncertain. */
    public static final double LOW_OVERLAP = 0.30;
    /** The final metric worse than the start's by more than this (relative) is failed. */
    public static final double WORSE_THAN_START = 0.05;
    /**
     * The final metric worse than the start's by more than this (relative) is uncertain: a start that was already
     * right (headers of one scanner, exact landmarks) may end a hair worse from the stochastic descent's last steps.
     */
    public static final double NO_BETTER_TOLERANCE = 0.005;
    /** A pose this far (degrees) from the chosen one is a distinct alternative. */
    public static final double DISTANT_DEG = 10;
    /** A pose this far (mm, at the region centre) from the chosen one is a distinct alternative. */
    public static final double DISTANT_MM = 10;
    /** A distinct alternative within this relative metric margin of the chosen pose is a near-tie. */
    public static final double TIE_MARGIN = 0.02;
    /**
     * A sampled region narrower than this (mm) along some axis leaves rotations poorly constrained: on the MNI T1
     * moved by 6 degrees, boxes of 24 mm ended within 0.5 mm everywhere in the head, 20 mm boxes up to 1.2 mm and 16 mm
     * boxes up to 2.4 mm off 60-70 mm away from the box (docs/quality.md).
     */
    public static final double MIN_REGION_MM = 24;
    /**
     * The levels restricted to a crop box or mask moving the whole-image (context) pose by more than this (mm, at the
     * fixed image's corners) make the result uncertain: on the MNI T1 and CT templates with 20-40 mm boxes, right
     * results moved it by at most 0.62 mm and wrong ones (CT boxes in the brain: 10-23 mm off) by 10.6-28.8 mm
     * (docs/quality.md).
     */
    public static final double MAX_CONTEXT_DRIFT_MM = 2;
    /** A similarity or affine result scaling any direction by more than this (relative) is uncertain. */
    public static final double MAX_SCALE_CHANGE = 0.10;
    /** Landmark pairs missed by more than this plus twice their expected TRE make the result uncertain. */
    public static final double LANDMARK_SLACK_MM = 2;

    private QualityAssessor() {
    }

    /**
     * The report for {@code r}.
     *
     * @param stages    the stages that produced it, e.g. [rigid]
     * @param seed      the run's seed
     * @param landmarks the landmark summary of the result, or null
     */
    public static QualityReport assess(RegistrationResult r, List<String> stages, long seed,
                                       LandmarkSummary landmarks) {
        RegistrationDiagnostics d = r.diagnostics();
        List<String> failed = new ArrayList<>();
        List<String> uncertain = new ArrayList<>();
        String bad = LinearMapCheck.problem(r.fixedToMoving());
        if (bad != null) {
            failed.add("The resulting transform is unusable: " + bad + ".");
        }
        if (r.overlap() < FAILED_OVERLAP) {
            failed.add(String.format(Locale.ROOT, "Only %.0f%% of the fixed samples fall inside the moving image "
                    + "at the end (at least %.0f%% needed).", 100 * r.overlap(), 100 * FAILED_OVERLAP));
        } else if (r.overlap() < LOW_OVERLAP) {
            uncertain.add(String.format(Locale.ROOT, "Only %.0f%% of the fixed samples fall inside the moving image "
                    + "at the end; below %.0f%% the metric sees too little shared anatomy to be trusted.",
                    100 * r.overlap(), 100 * LOW_OVERLAP));
        }
        double start = d.metricStart(), end = r.finalMetric();
        double rel = (end - start) / Math.max(1e-12, Math.abs(start));
        if (Double.isFinite(start) && Double.isFinite(end) && rel > NO_BETTER_TOLERANCE) {
            String s = String.format(Locale.ROOT, "The final metric (%.4f) is no better than at the start "
                    + "(%.4f): the optimisation did not improve the alignment.", end, start);
            (rel > WORSE_THAN_START ? failed : uncertain).add(s);
        }
        for (PoseAlternative a : d.alternatives()) {
            boolean distant = a.rotationDeg() > DISTANT_DEG || a.translationMm() > DISTANT_MM;
            double margin = (a.metric() - a.chosenMetric()) / Math.max(1e-12, Math.abs(a.chosenMetric()));
            if (distant && margin < TIE_MARGIN) {
                uncertain.add(String.format(Locale.ROOT, "A pose %.0f degrees and %.0f mm away from the chosen one "
                        + "scores almost as well (metric %.4f against %.4f): the images may not tell them apart.",
                        a.rotationDeg(), a.translationMm(), a.metric(), a.chosenMetric()));
                break;
            }
        }
        if (Double.isFinite(d.regionExtentMm()) && d.regionExtentMm() < MIN_REGION_MM) {
            uncertain.add(String.format(Locale.ROOT, "The crop box or mask is only %.0f mm across along its "
                    + "narrowest axis (under %.0f mm): it constrains rotations poorly.", d.regionExtentMm(),
                    MIN_REGION_MM));
        }
        if (Double.isFinite(d.contextDriftMm()) && d.contextDriftMm() > MAX_CONTEXT_DRIFT_MM) {
            uncertain.add(String.format(Locale.ROOT, "Restricted to the crop box or mask, the registration moved "
                    + "%.1f mm away from the pose the whole image gave (more than %.0f mm): the region alone does "
                    + "not hold enough structure to decide.", d.contextDriftMm(), MAX_CONTEXT_DRIFT_MM));
        }
        if (bad == null) {
            double[] sv = LinearMapCheck.singularValues(r.fixedToMoving());
            double worst = Math.max(Math.abs(sv[0] - 1), Math.abs(sv[2] - 1));
            if (worst > MAX_SCALE_CHANGE) {
                uncertain.add(String.format(Locale.ROOT, "The result scales space by %.3f to %.3f: more than "
                        + "%.0f%% is implausible between scans of one patient.", sv[2], sv[0],
                        100 * MAX_SCALE_CHANGE));
            }
        }
        if (landmarks != null && Double.isFinite(landmarks.errors().meanMm())) {
            double tre = Double.isFinite(landmarks.expectedTreMm()) ? landmarks.expectedTreMm() : 0;
            double limit = LANDMARK_SLACK_MM + 2 * tre;
            if (landmarks.errors().meanMm() > limit) {
                uncertain.add(String.format(Locale.ROOT, "The result misses the landmark pairs by %.1f mm on "
                        + "average (more than %.1f mm, the landmarks' own expected error allowing).",
                        landmarks.errors().meanMm(), limit));
            }
        }
        QualityStatus status = !failed.isEmpty() ? QualityStatus.FAILED
                : !uncertain.isEmpty() ? QualityStatus.UNCERTAIN : QualityStatus.OK;
        List<String> reasons = new ArrayList<>(failed);
        reasons.addAll(uncertain);
        return new QualityReport(status, reasons, start, end, r.overlap(), stages, seed, d.alternatives(), landmarks,
                null);
    }
}
