package org.coreg.image;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What is known about a volume besides its voxels and geometry.
 *
 * @param name             a short name for display (file name without extension by default)
 * @param source           the file or folder it was read from, or {@code null} if made in memory
 * @param format           name of the format it was read from ({@code NIfTI-1}, {@code MetaImage}, ...), or
 *                         {@code null}
 * @param modality         acquisition modality if the file says it
 * @param rescaleSlope     real value = stored value * slope + intercept (NIfTI scl_slope, DICOM Rescale Slope)
 * @param rescaleIntercept see {@code rescaleSlope}
 */
public record ImageMetadata(String name, Path source, String format, Modality modality, double rescaleSlope,
                            double rescaleIntercept) {
    public ImageMetadata {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(modality, "modality");
        if (!Double.isFinite(rescaleSlope) || rescaleSlope == 0 || !Double.isFinite(rescaleIntercept)) {
            throw new IllegalArgumentException(
                    "rescale slope must be finite and non-zero and intercept finite, found slope " + rescaleSlope
                            + " intercept " + rescaleIntercept);
        }
    }

    /** Metadata for a volume made in memory: no source, unknown modality, identity rescale. */
    public static ImageMetadata named(String name) {
        return new ImageMetadata(name, null, null, Modality.UNKNOWN, 1, 0);
    }

    /** True when stored values are the real values (slope 1, intercept 0). */
    public boolean hasIdentityRescale() {
        return rescaleSlope == 1 && rescaleIntercept == 0;
    }

    public ImageMetadata withRescale(double slope, double intercept) {
        return new ImageMetadata(name, source, format, modality, slope, intercept);
    }

    public ImageMetadata withSource(Path newSource, String newFormat) {
        return new ImageMetadata(name, newSource, newFormat, modality, rescaleSlope, rescaleIntercept);
    }

    public ImageMetadata withName(String newName) {
        return new ImageMetadata(newName, source, format, modality, rescaleSlope, rescaleIntercept);
    }

    public ImageMetadata withModality(Modality newModality) {
        return new ImageMetadata(name, source, format, newModality, rescaleSlope, rescaleIntercept);
    }
}
