package org.coreg.app.register;

import java.util.Objects;
import org.coreg.image.AffineMap;
import org.coreg.registration.quality.QualityReport;

/**
 * A registration's transform with its quality report (status ok or uncertain; a failed run throws
 * {@link RegistrationFailedException} carrying its report).
 *
 * @param fixedToMoving fixed LPS mm to moving LPS mm (ITK resampling direction)
 * @param report        the verdict and its evidence, as {@code coreg register --out-report} writes it
 */
public record RegisteredTransform(AffineMap fixedToMoving, QualityReport report) {
    public RegisteredTransform {
        Objects.requireNonNull(fixedToMoving, "fixedToMoving");
        Objects.requireNonNull(report, "report");
    }
}
