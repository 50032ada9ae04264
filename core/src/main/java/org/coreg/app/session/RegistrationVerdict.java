package org.coreg.app.session;

import java.util.Objects;
import org.coreg.image.AffineMap;
import org.coreg.registration.quality.QualityReport;

/**
 * The quality report of the session's last registration and the transform it judged.
 *
 * @param report the verdict and its evidence (ok, uncertain or failed, with reasons)
 * @param result the transform the report is about (fixed LPS mm -> moving LPS mm), or null when the run failed and
 *               produced none
 */
public record RegistrationVerdict(QualityReport report, AffineMap result) {
    public RegistrationVerdict {
        Objects.requireNonNull(report, "report");
    }
}
