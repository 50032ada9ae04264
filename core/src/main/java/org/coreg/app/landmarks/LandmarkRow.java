package org.coreg.app.landmarks;

/**
 * One landmark pair as the landmark table shows it.
 *
 * @param index     position in the session's landmark list
 * @param label     the pair's name
 * @param fixedLps  the fixed point, fixed LPS mm
 * @param movingLps the moving point, moving LPS mm, or null while it is still to be planted
 * @param errorMm   distance in moving space between the current transform's image of the fixed point and the moving
 *                  point (mm); NaN while the pair is incomplete
 */
public record LandmarkRow(int index, String label, double[] fixedLps, double[] movingLps, double errorMm) {
    public boolean complete() {
        return movingLps != null;
    }
}
