package org.coreg.registration.quality;

import java.util.List;
import java.util.Locale;
import org.coreg.registration.RegistrationResult;
import org.coreg.registration.RegistrationSettings;
import org.coreg.registration.deformable.DeformableResult;

/**
 * The quality report of a B-spline run: the linear part judged by {@link QualityAssessor} (overlap, metric, degenerate
 * map), and folding as an uncertain finding. The start metric and the search alternatives of the linear stages are not
 * carried through the deformable run, so those rules do not apply here. Shared by {@code coreg register} and the
 * workstation.
 */
public final class DeformableQuality {
    private DeformableQuality() {
    }

    /** The report of a finished B-spline run made with {@code s}. */
    public static QualityReport assess(DeformableResult r, RegistrationSettings s) {
        QualityReport q = QualityAssessor.assess(new RegistrationResult(r.affine(), r.log(), r.finalMetric(),
                r.overlap(), false), stages(s), s.seed(), null);
        if (r.folding().folds()) {
            // the warning already begins "the deformation folds: ..."; said once, as a sentence
            String w = r.warning();
            q = q.withFinding(QualityStatus.UNCERTAIN, Character.toUpperCase(w.charAt(0)) + w.substring(1));
        }
        return q;
    }

    /** The report of a B-spline run the engine refused or gave up ({@code reason}). */
    public static QualityReport failed(String reason, RegistrationSettings s) {
        return new QualityReport(QualityStatus.FAILED, List.of(reason), Double.NaN, Double.NaN, Double.NaN,
                stages(s), s.seed(), List.of(), null, null);
    }

    private static List<String> stages(RegistrationSettings s) {
        return s.stages().stream().map(x -> x.name().toLowerCase(Locale.ROOT)).toList();
    }
}
