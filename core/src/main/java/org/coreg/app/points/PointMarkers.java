package org.coreg.app.points;

import java.util.ArrayList;
import java.util.List;
import org.coreg.points.PlanningPoint;

/** Which planning points a slice view draws: those within a slab (fixed LPS mm) around its plane. */
public final class PointMarkers {
    /** Slab half-width (mm) within which a point is drawn at all; nearer than one slice step it is drawn solid. */
    public static final double SLAB_MM = 10;

    /**
     * One point to draw.
     *
     * @param index      position in the session's list
     * @param point      the point (fixed LPS mm)
     * @param distanceMm signed distance from the plane along its normal axis
     */
    public record Marker(int index, PlanningPoint point, double distanceMm) {
    }

    private PointMarkers() {
    }

    /** The points within {@link #SLAB_MM} of the plane {@code lps[normalAxis] == planeCoordinate}. */
    public static List<Marker> nearPlane(List<PlanningPoint> points, int normalAxis, double planeCoordinate) {
        List<Marker> out = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            double d = points.get(i).lps()[normalAxis] - planeCoordinate;
            if (Math.abs(d) <= SLAB_MM) {
                out.add(new Marker(i, points.get(i), d));
            }
        }
        return out;
    }
}
