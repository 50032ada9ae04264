package org.coreg.transform;

/**
 * Which way a transform maps points. Coreg's registrations produce {@link #FIXED_TO_MOVING} transforms (the ITK and
 * elastix resampling convention: a point of the fixed image's space is mapped to where it lies in the moving image).
 */
public enum Direction {
    /** Maps LPS mm points of the fixed space to the moving space (what resampling the moving image needs). */
    FIXED_TO_MOVING("fixed->moving"),
    /** Maps LPS mm points of the moving space to the fixed space (what moving a plan from moving to fixed needs). */
    MOVING_TO_FIXED("moving->fixed");

    private final String label;

    Direction(String label) {
        this.label = label;
    }

    /** The opposite direction (that of the inverse transform). */
    public Direction reversed() {
        return this == FIXED_TO_MOVING ? MOVING_TO_FIXED : FIXED_TO_MOVING;
    }

    /** A short label as written in files and messages, e.g. {@code fixed->moving}. */
    public String label() {
        return label;
    }

    /** The direction a label names ({@code fixed->moving}, {@code fixed-to-moving}, case-insensitive), or null. */
    public static Direction parse(String s) {
        String t = s.trim().toLowerCase(java.util.Locale.ROOT).replace("-to-", "->").replace('_', '-');
        for (Direction d : values()) {
            if (d.label.equals(t)) {
                return d;
            }
        }
        return null;
    }
}
