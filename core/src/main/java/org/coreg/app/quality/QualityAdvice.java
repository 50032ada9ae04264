package org.coreg.app.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.coreg.app.session.RegistrationVerdict;
import org.coreg.app.session.Session;
import org.coreg.registration.quality.QualityAssessor;
import org.coreg.registration.quality.QualityReport;
import org.coreg.registration.quality.QualityStatus;

/**
 * What the workstation's status badge says about the last registration: a headline for its status and, when the
 * result is uncertain or failed, the ways out that fit the evidence (widen the crop box, add or check landmarks,
 * pre-align). The report's own reasons say what was found; this says what to do about it.
 */
public final class QualityAdvice {
    /** Fewest complete landmark pairs that give a registration its start (a rigid fit). */
    static final int START_PAIRS = 3;

    private QualityAdvice() {
    }

    /** One line for the badge, e.g. "UNCERTAIN: the result may be wrong". */
    public static String headline(RegistrationVerdict v, boolean current) {
        String text = switch (v.report().status()) {
            case OK -> "OK: no evidence against the result";
            case UNCERTAIN -> "UNCERTAIN: the result may be wrong";
            case FAILED -> "FAILED: no transform was applied";
        };
        return current || v.result() == null ? text : text + " (the transform has changed since)";
    }

    /**
     * The ways out for an uncertain or failed report, most specific first; empty when the report is ok.
     *
     * @param session for what the user has already set up (crop box, landmark pairs)
     */
    public static List<String> remedies(RegistrationVerdict v, Session session) {
        QualityReport r = v.report();
        List<String> out = new ArrayList<>();
        if (r.status() == QualityStatus.OK) {
            return out;
        }
        boolean boxFinding = mentions(r, "crop box") || mentions(r, "mask");
        if (boxFinding || session.roi().isPresent()) {
            out.add(String.format(Locale.ROOT, "Widen the crop box: it should hold the anatomy both images show, "
                    + "at least %.0f mm along every axis, or remove it (Edit > Remove crop box).",
                    QualityAssessor.MIN_REGION_MM));
        }
        long pairs = session.landmarks().stream().filter(p -> p.complete()).count();
        if (r.landmarks() != null && mentions(r, "landmark")) {
            out.add("Check the landmarks: the pairs with the largest error in the Landmarks table may be misplaced; "
                    + "move or delete them and register again.");
        } else if (pairs < START_PAIRS) {
            out.add("Add landmarks: in Landmarks mode plant at least " + START_PAIRS + " pairs spread over the anatomy"
                    + (pairs > 0 ? " (" + pairs + " so far)" : "") + "; Register then starts from their fit, or "
                    + "'Align from landmarks' uses the fit alone.");
        }
        out.add("Pre-align: bring the moving image roughly into place by hand (Pre-align mode) and register again.");
        return out;
    }

    private static boolean mentions(QualityReport r, String word) {
        return r.reasons().stream().anyMatch(s -> s.toLowerCase(Locale.ROOT).contains(word));
    }
}
