package org.coreg.app.sessionfile;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A session file's link to its B-spline result: the transform file beside it that holds the whole map, fixed LPS mm
 * to moving LPS mm (affine, then B-spline; {@link DeformationFile}).
 *
 * @param file        the transform file (absolute once read; written relative to the session file's folder)
 * @param jacobianMap whether the result kept its Jacobian-determinant map, so that reopening computes it again
 */
public record SessionDeformation(Path file, boolean jacobianMap) {
    public SessionDeformation {
        Objects.requireNonNull(file, "file");
    }
}
