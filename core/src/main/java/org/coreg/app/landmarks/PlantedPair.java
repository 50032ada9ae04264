package org.coreg.app.landmarks;

import java.util.Arrays;
import java.util.Objects;

/**
 * A landmark pair as the workstation holds it while the user plants it: a label, the point on the fixed image (fixed
 * LPS mm) and the corresponding point on the moving image (moving LPS mm), which is null until it is planted. Only
 * complete pairs take part in fits and errors; a pending pair waits for its moving click.
 *
 * @param label     unique name within the session, e.g. "L-3"
 * @param fixedLps  fixed-space position, LPS mm (3 values; copied)
 * @param movingLps moving-space position, LPS mm (3 values; copied), or null while pending
 */
public record PlantedPair(String label, double[] fixedLps, double[] movingLps) {
    public PlantedPair {
        Objects.requireNonNull(label, "label");
        fixedLps = checked(fixedLps, label);
        movingLps = movingLps == null ? null : checked(movingLps, label);
    }

    private static double[] checked(double[] p, String label) {
        if (p == null || p.length != 3 || !Arrays.stream(p).allMatch(Double::isFinite)) {
            throw new IllegalArgumentException("landmark '" + label + "' needs 3 finite LPS coordinates, got "
                    + Arrays.toString(p));
        }
        return p.clone();
    }

    /** A pair with only its fixed point planted. */
    public static PlantedPair pending(String label, double[] fixedLps) {
        return new PlantedPair(label, fixedLps, null);
    }

    /** True when both points are planted. */
    public boolean complete() {
        return movingLps != null;
    }

    @Override
    public double[] fixedLps() {
        return fixedLps.clone();
    }

    /** Moving LPS mm (a copy), or null while pending. */
    @Override
    public double[] movingLps() {
        return movingLps == null ? null : movingLps.clone();
    }

    public PlantedPair withMoving(double[] lps) {
        return new PlantedPair(label, fixedLps, lps);
    }

    public PlantedPair withLabel(String l) {
        return new PlantedPair(l, fixedLps, movingLps);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlantedPair p && label.equals(p.label) && Arrays.equals(fixedLps, p.fixedLps)
                && Arrays.equals(movingLps, p.movingLps);
    }

    @Override
    public int hashCode() {
        return Objects.hash(label, Arrays.hashCode(fixedLps), Arrays.hashCode(movingLps));
    }

    @Override
    public String toString() {
        return "PlantedPair[" + label + " fixed LPS " + Arrays.toString(fixedLps) + " moving LPS "
                + (movingLps == null ? "pending" : Arrays.toString(movingLps)) + "]";
    }
}
