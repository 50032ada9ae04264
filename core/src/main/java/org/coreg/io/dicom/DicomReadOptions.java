package org.coreg.io.dicom;

/**
 * Choices for building a volume from a series.
 *
 * @param resampleUneven resample onto a uniform grid (at the smallest slice spacing, linear between slices) when
 *                       slices are unevenly spaced or missing; otherwise refuse with a message naming the gap
 * @param correctTilt    resample a gantry-tilted stack onto an orthogonal grid (each slice shifted in its plane);
 *                       otherwise refuse with a message naming the tilt angle
 */
public record DicomReadOptions(boolean resampleUneven, boolean correctTilt) {
    /** Refuse uneven spacing and gantry tilt. */
    public static final DicomReadOptions STRICT = new DicomReadOptions(false, false);
}
