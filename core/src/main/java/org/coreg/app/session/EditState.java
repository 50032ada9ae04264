package org.coreg.app.session;

import java.util.List;
import org.coreg.app.landmarks.PlantedPair;
import org.coreg.image.AffineMap;
import org.coreg.points.PlanningPoint;

/**
 * The undoable part of a session: the fixed-to-moving transform (LPS mm to LPS mm), the ROI box (may be null), the
 * planning points (fixed LPS mm) and the landmark pairs (fixed and moving LPS mm).
 */
public record EditState(AffineMap fixedToMoving, RoiBox roi, List<PlanningPoint> points,
                        List<PlantedPair> landmarks) {
    public EditState {
        points = List.copyOf(points);
        landmarks = List.copyOf(landmarks);
    }

    public EditState(AffineMap fixedToMoving, RoiBox roi, List<PlanningPoint> points) {
        this(fixedToMoving, roi, points, List.of());
    }

    public EditState(AffineMap fixedToMoving, RoiBox roi) {
        this(fixedToMoving, roi, List.of(), List.of());
    }
}
