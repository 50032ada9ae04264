package org.coreg.image;

/**
 * Thrown when size, spacing, origin or direction cosines cannot describe a voxel grid: non-positive or non-finite
 * spacing, a direction matrix that is not orthonormal, non-positive dimensions. The message names the field, what
 * was expected and what was found; {@link #field()} names the field alone so that readers can cite it.
 */
public final class InvalidGeometryException extends IllegalArgumentException {
    private final String field;

    public InvalidGeometryException(String field, String expected, String found) {
        super(field + ": expected " + expected + ", found " + found);
        this.field = field;
    }

    /** The geometry field at fault: {@code size}, {@code spacing}, {@code origin} or {@code direction}. */
    public String field() {
        return field;
    }
}
