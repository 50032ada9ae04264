package org.coreg.registration.deformable;

import java.util.List;
import org.coreg.image.AffineMap;
import org.coreg.registration.LevelLog;
import org.coreg.transform.BSplineTransform;
import org.coreg.transform.SpatialTransform;

/**
 * The outcome of a deformable registration. Points map fixed to moving, LPS mm: {@code y = bspline(affine(x))}.
 *
 * @param affine        the linear part, applied first (from the rigid/affine stages or given)
 * @param bspline       the B-spline deformation applied after it (grid in the fixed image's direction cosines)
 * @param fixedToMoving the two composed (affine, then B-spline), ready for ITK .tfm or elastix files
 * @param folding       the Jacobian-determinant check of the whole map on the fixed grid
 * @param log           one entry per level (linear stages first when they ran)
 * @param finalMetric   minus Mattes MI at full resolution (nats), without the penalty
 * @param overlap       fraction of fixed samples that map inside the moving image at the end
 */
public record DeformableResult(AffineMap affine, BSplineTransform bspline, SpatialTransform fixedToMoving,
                               FoldingCheck.Report folding, List<LevelLog> log, double finalMetric, double overlap) {
    public DeformableResult {
        log = List.copyOf(log);
    }

    /** A plain-language warning (folding), or empty. */
    public String warning() {
        return folding.warning();
    }
}
