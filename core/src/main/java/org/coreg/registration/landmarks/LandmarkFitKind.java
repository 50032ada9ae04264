package org.coreg.registration.landmarks;

import java.util.Locale;

/** Which transform a landmark fit solves for, fixed to moving. */
public enum LandmarkFitKind {
    /** Rotation and translation (Horn 1987); at least 3 pairs not on one line. */
    RIGID(3),
    /** Rotation, one isotropic scale and translation (Umeyama 1991); at least 3 pairs not on one line. */
    SIMILARITY(3),
    /** A general affine map by linear least squares; at least 4 pairs not in one plane. */
    AFFINE(4);

    private final int minimumPairs;

    LandmarkFitKind(int minimumPairs) {
        this.minimumPairs = minimumPairs;
    }

    /** Fewest pairs that determine this transform. */
    public int minimumPairs() {
        return minimumPairs;
    }

    /** The lower-case name used on the command line and in reports. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named {@code s} (rigid, similarity or affine), or null. */
    public static LandmarkFitKind parse(String s) {
        for (LandmarkFitKind k : values()) {
            if (k.label().equals(s == null ? "" : s.trim().toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        return null;
    }
}
