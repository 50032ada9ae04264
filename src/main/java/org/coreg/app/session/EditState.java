package org.coreg.app.session;

import org.coreg.image.AffineMap;

/**
 * The undoable part of a session: the fixed-to-moving transform (LPS mm to LPS mm) and the ROI box (may be null).
 */
public record EditState(AffineMap fixedToMoving, RoiBox roi) {
}
