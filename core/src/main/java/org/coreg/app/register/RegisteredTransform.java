package org.coreg.app.register;

import java.util.Objects;
import org.coreg.image.AffineMap;
import org.coreg.registration.deformable.DeformableResult;
import org.coreg.registration.quality.QualityReport;

/**
 * A registration's transform with its quality report (status ok or uncertain; a failed run throws
 * {@link RegistrationFailedException} carrying its report).
 *
 * @param fixedToMoving fixed LPS mm to moving LPS mm (ITK resampling direction)
 * @param report        the verdict and its evidence, as {@code coreg register --out-report} writes it
 * @param deformable    after a B-spline stage, its full result ({@code fixedToMoving} is then its affine part, the
 *                      B-spline applied after it), with the folding check and Jacobian-determinant map; else null
 */
public record RegisteredTransform(AffineMap fixedToMoving, QualityReport report, DeformableResult deformable) {
    public RegisteredTransform {
        Objects.requireNonNull(fixedToMoving, "fixedToMoving");
        Objects.requireNonNull(report, "report");
    }

    /** A linear result. */
    public RegisteredTransform(AffineMap fixedToMoving, QualityReport report) {
        this(fixedToMoving, report, null);
    }
}
