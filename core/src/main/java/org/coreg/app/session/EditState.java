package org.coreg.app.session;

import java.util.List;
import org.coreg.image.AffineMap;
import org.coreg.points.PlanningPoint;

/**
 * The undoable part of a session: the fixed-to-moving transform (LPS mm to LPS mm), the ROI box (may be null) and
 * the planning points (fixed LPS mm).
 */
public record EditState(AffineMap fixedToMoving, RoiBox roi, List<PlanningPoint> points) {
    public EditState {
        points = List.copyOf(points);
    }

    public EditState(AffineMap fixedToMoving, RoiBox roi) {
        this(fixedToMoving, roi, List.of());
    }
}
