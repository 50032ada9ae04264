package org.coreg.app.points;

/**
 * One planning point as the points table shows it.
 *
 * @param index       position in the session's point list
 * @param label       the point's name
 * @param description free text
 * @param fixedLps    fixed-space position, LPS mm
 * @param fixedRas    the same position in RAS mm (display only)
 * @param movingLps   the position mapped into moving space by the current fixed-to-moving transform, LPS mm
 */
public record PointRow(int index, String label, String description, double[] fixedLps, double[] fixedRas,
                       double[] movingLps) {
}
