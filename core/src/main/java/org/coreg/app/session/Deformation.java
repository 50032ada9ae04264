package org.coreg.app.session;

import java.util.Objects;
import org.coreg.app.render.SampledVolume;
import org.coreg.image.AffineMap;
import org.coreg.registration.deformable.FoldingCheck;
import org.coreg.transform.SpatialTransform;

/**
 * A B-spline registration result kept beside the session's affine transform. It holds while the session's transform is
 * still {@code affine} (its linear part): any manual edit, undo to another transform or new registration replaces the
 * transform and so retires it.
 *
 * @param affine        the linear part, fixed LPS mm -> moving LPS mm; the session's transform when it was made
 * @param fixedToMoving the whole map, affine then B-spline, fixed LPS mm -> moving LPS mm
 * @param folding       the Jacobian-determinant check of the whole map on the fixed grid (its map kept, float)
 * @param jacobian      that determinant map ready to sample (fixed grid), or null when the check kept none
 */
public record Deformation(AffineMap affine, SpatialTransform fixedToMoving, FoldingCheck.Report folding,
                          SampledVolume jacobian) {
    public Deformation {
        Objects.requireNonNull(affine, "affine");
        Objects.requireNonNull(fixedToMoving, "fixedToMoving");
        Objects.requireNonNull(folding, "folding");
    }

    /** A deformation from its parts; the determinant map, when the report holds one, is prepared for display. */
    public static Deformation of(AffineMap affine, SpatialTransform fixedToMoving, FoldingCheck.Report folding) {
        return new Deformation(affine, fixedToMoving, folding,
                folding.map() == null ? null : SampledVolume.of(folding.map()));
    }
}
