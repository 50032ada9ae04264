package org.coreg.app.landmarks;

import java.util.ArrayList;
import java.util.List;
import org.coreg.app.points.PointMarkers;
import org.coreg.image.AffineMap;

/**
 * Which landmark points a slice view draws and where, in the view's space (fixed LPS mm). Fixed points are drawn where
 * they were planted; a moving point is drawn where the views show its anatomy, at {@code T^-1(moving)} with {@code T}
 * the displayed fixed-to-moving transform, so the gap between the two marks of a pair is its error on screen.
 */
public final class LandmarkMarkers {
    /**
     * One mark to draw.
     *
     * @param index      position in the session's landmark list
     * @param label      the pair's name
     * @param movingSide true for the moving point of the pair, false for the fixed point
     * @param fixedLps   where to draw it, fixed LPS mm
     * @param distanceMm signed distance from the plane along its normal axis
     */
    public record Marker(int index, String label, boolean movingSide, double[] fixedLps, double distanceMm) {
    }

    private LandmarkMarkers() {
    }

    /**
     * The fixed and moving points within {@link PointMarkers#SLAB_MM} of the plane
     * {@code lps[normalAxis] == planeCoordinate}; moving points are mapped into fixed space by the inverse of
     * {@code displayed} (fixed LPS mm -> moving LPS mm). A singular transform hides the moving points.
     */
    public static List<Marker> nearPlane(List<PlantedPair> pairs, AffineMap displayed, int normalAxis,
                                         double planeCoordinate) {
        AffineMap back = Math.abs(displayed.determinant()) > 1e-12 ? displayed.inverse() : null;
        List<Marker> out = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            PlantedPair p = pairs.get(i);
            add(out, i, p.label(), false, p.fixedLps(), normalAxis, planeCoordinate);
            if (p.complete() && back != null) {
                add(out, i, p.label(), true, back.apply(p.movingLps()), normalAxis, planeCoordinate);
            }
        }
        return out;
    }

    private static void add(List<Marker> out, int i, String label, boolean moving, double[] at, int axis,
                            double plane) {
        double d = at[axis] - plane;
        if (Math.abs(d) <= PointMarkers.SLAB_MM) {
            out.add(new Marker(i, label, moving, at, d));
        }
    }
}
