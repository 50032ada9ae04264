package org.coreg.cli;

import java.nio.file.Path;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;
import org.coreg.io.ImageFormats;
import org.coreg.registration.deformable.BSplineDeformation;
import org.coreg.registration.deformable.Deformations;
import org.coreg.registration.deformable.SyntheticBSplineRecoveryTestAccess;
import org.coreg.transform.AffineTransform;

/** A textured pair for the B-spline CLI tests: fixed seen through a known smooth deformation, moving undeformed. */
final class DeformedPairFiles {
    private DeformedPairFiles() {
    }

    /** Writes DIR/fixed.nrrd and DIR/moving.nrrd on {@code grid}; returns {fixed, moving}. */
    static Path[] write(ImageGeometry grid, Path dir) throws Exception {
        BSplineDeformation truth = Deformations.random(grid, 40, 8, 7);
        Volume fixed = Deformations.render(grid, truth.toTransform(), SyntheticBSplineRecoveryTestAccess::textured,
                "fixed");
        Volume moving = Deformations.render(grid, AffineTransform.fixedToMoving(AffineMap.identity()),
                SyntheticBSplineRecoveryTestAccess::textured, "moving");
        Path f = dir.resolve("fixed.nrrd");
        Path m = dir.resolve("moving.nrrd");
        ImageFormats.standard().write(fixed, f);
        ImageFormats.standard().write(moving, m);
        return new Path[] {f, m};
    }
}
