package org.coreg.points;

import java.util.List;
import java.util.Objects;

/**
 * An ordered list of planning points, all in LPS mm of one space.
 *
 * @param name    a name for display (e.g. the markups node name)
 * @param space   which image's space the points are in
 * @param points  the points, in order
 * @param history what happened to the list (mapped through a transform, read from a file), oldest first
 */
public record PointList(String name, Space space, List<PlanningPoint> points, List<String> history) {
    public PointList {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(space, "space");
        points = List.copyOf(points);
        history = List.copyOf(history);
    }

    /** A list with no history. */
    public static PointList of(String name, Space space, List<PlanningPoint> points) {
        return new PointList(name, space, points, List.of());
    }

    public int size() {
        return points.size();
    }

    public PlanningPoint get(int i) {
        return points.get(i);
    }

    /** The same list with other points in another space and one more history entry. */
    public PointList moved(List<PlanningPoint> newPoints, Space newSpace, String event) {
        List<String> h = new java.util.ArrayList<>(history);
        h.add(event);
        return new PointList(name, newSpace, newPoints, h);
    }
}
