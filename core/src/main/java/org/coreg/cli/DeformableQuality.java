package org.coreg.cli;

import java.util.List;
import java.util.Locale;
import org.coreg.registration.RegistrationResult;
import org.coreg.registration.RegistrationSettings;
import org.coreg.registration.deformable.DeformableResult;
import org.coreg.registration.quality.QualityAssessor;
import org.coreg.registration.quality.QualityReport;
import org.coreg.registration.quality.QualityStatus;

/**
 * The quality report of a B-spline run: the linear part judged by {@link QualityAssessor} (overlap, metric, degenerate
 * map), and folding as an uncertain finding. The start metric and the search alternatives of the linear stages are not
 * carried through the deformable run, so those rules do not apply here.
 */
final class DeformableQuality {
    private DeformableQuality() {
    }

    static QualityReport assess(DeformableResult r, RegistrationSettings s) {
        QualityReport q = QualityAssessor.assess(new RegistrationResult(r.affine(), r.log(), r.finalMetric(),
                r.overlap(), false), stages(s), s.seed(), null);
        if (r.folding().folds()) {
            q = q.withFinding(QualityStatus.UNCERTAIN, "The deformation folds: " + r.warning());
        }
        return q;
    }

    static QualityReport failed(String reason, RegistrationSettings s) {
        return new QualityReport(QualityStatus.FAILED, List.of(reason), Double.NaN, Double.NaN, Double.NaN,
                stages(s), s.seed(), List.of(), null, null);
    }

    private static List<String> stages(RegistrationSettings s) {
        return s.stages().stream().map(x -> x.name().toLowerCase(Locale.ROOT)).toList();
    }
}
