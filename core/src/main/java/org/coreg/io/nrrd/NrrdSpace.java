package org.coreg.io.nrrd;

import java.nio.file.Path;
import java.util.Locale;
import org.coreg.image.RasLps;
import org.coreg.io.ImageIOException;

/**
 * The world space a NRRD header names with {@code space:}, and how its vectors become Coreg's LPS millimetres.
 *
 * <p>The anatomical spaces convert by their axis names: RAS through {@link RasLps}, LAS by the sign of its
 * anterior axis. (ITK 5 flips the first axis of LAS instead, so ITK-based tools place LAS files mirrored; Coreg
 * follows the axis names the spec gives. Slicer and ITK write LPS, and LAS files are rare.) The spec gives {@code scanner-xyz} (ACR/NEMA 2.0) and the {@code 3D-*-handed} spaces no anatomical
 * orientation, so no conversion is defined; their coordinates are taken as they stand, as ITK (and so 3D Slicer)
 * take them. Spaces with a time axis describe 4-D data and are not supported.
 */
enum NrrdSpace {
    RIGHT_ANTERIOR_SUPERIOR("right-anterior-superior", "ras"),
    LEFT_ANTERIOR_SUPERIOR("left-anterior-superior", "las"),
    LEFT_POSTERIOR_SUPERIOR("left-posterior-superior", "lps"),
    SCANNER_XYZ("scanner-xyz", null),
    RIGHT_HANDED_3D("3d-right-handed", null),
    LEFT_HANDED_3D("3d-left-handed", null);

    private static final String EXPECTED = "a 3-D space: left-posterior-superior, right-anterior-superior, "
            + "left-anterior-superior (or LPS, RAS, LAS), scanner-xyz, 3D-right-handed or 3D-left-handed";

    private final String name;
    private final String abbreviation;

    NrrdSpace(String name, String abbreviation) {
        this.name = name;
        this.abbreviation = abbreviation;
    }

    /**
     * The space a {@code space:} value names (case-insensitive).
     *
     * @throws ImageIOException UNSUPPORTED for the 4-D (time) spaces, BAD_FIELD for unknown names
     */
    static NrrdSpace parse(Path file, String value) throws ImageIOException {
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (NrrdSpace s : values()) {
            if (s.name.equals(v) || v.equals(s.abbreviation)) {
                return s;
            }
        }
        if (v.endsWith("-time") || v.equals("rast") || v.equals("last") || v.equals("lpst")) {
            throw ImageIOException.unsupported(file, "space", EXPECTED, "'" + value.trim() + "' (a 4-D space)");
        }
        throw ImageIOException.badField(file, "space", EXPECTED, "'" + value.trim() + "'");
    }

    /** A point or vector of this space as LPS (a new array; {@code v} has three components). */
    double[] toLps(double[] v) {
        return switch (this) {
            case RIGHT_ANTERIOR_SUPERIOR -> RasLps.rasToLps(v);
            case LEFT_ANTERIOR_SUPERIOR -> new double[] {v[0], -v[1], v[2]};
            default -> v.clone();
        };
    }
}
