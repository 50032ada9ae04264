package org.coreg.points;

import java.util.Arrays;
import java.util.Objects;

/**
 * A point a planner placed: a label, a position in LPS millimetres of the space it was planned in, a free-text
 * description, and whether it is locked against editing.
 *
 * @param label       short name, e.g. "target" or "F-1"
 * @param lps         LPS mm (3 values; copied)
 * @param description free text, may be empty
 * @param locked      true when the point must not be moved by hand
 */
public record PlanningPoint(String label, double[] lps, String description, boolean locked) {
    public PlanningPoint {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(description, "description");
        if (lps == null || lps.length != 3) {
            throw new IllegalArgumentException("a planning point needs 3 LPS coordinates, got "
                    + (lps == null ? "none" : lps.length));
        }
        for (double v : lps) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("planning point '" + label + "' has a non-finite coordinate: "
                        + Arrays.toString(lps));
            }
        }
        lps = lps.clone();
    }

    /** An unlocked point with no description. */
    public static PlanningPoint of(String label, double x, double y, double z) {
        return new PlanningPoint(label, new double[] {x, y, z}, "", false);
    }

    /** LPS mm (a copy). */
    @Override
    public double[] lps() {
        return lps.clone();
    }

    /** The same point at another LPS position. */
    public PlanningPoint movedTo(double[] newLps) {
        return new PlanningPoint(label, newLps, description, locked);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlanningPoint p && label.equals(p.label) && Arrays.equals(lps, p.lps)
                && description.equals(p.description) && locked == p.locked;
    }

    @Override
    public int hashCode() {
        return Objects.hash(label, Arrays.hashCode(lps), description, locked);
    }

    @Override
    public String toString() {
        return "PlanningPoint[" + label + " LPS " + Arrays.toString(lps) + (locked ? " locked" : "") + "]";
    }
}
