package org.coreg.image;

/**
 * The element types a {@link Volume} can hold in memory, matching the types that NIfTI, MetaImage and NRRD store.
 * Unsigned types live in the Java array of the same width ({@code uint8} in {@code byte[]}, {@code uint16} in
 * {@code short[]}, {@code uint32} in {@code int[]}) and are read back unsigned.
 */
public enum VoxelType {
    UINT8(1, true, 0, 255),
    INT8(1, true, Byte.MIN_VALUE, Byte.MAX_VALUE),
    UINT16(2, true, 0, 65535),
    INT16(2, true, Short.MIN_VALUE, Short.MAX_VALUE),
    UINT32(4, true, 0, 4294967295.0),
    INT32(4, true, Integer.MIN_VALUE, Integer.MAX_VALUE),
    FLOAT32(4, false, -Float.MAX_VALUE, Float.MAX_VALUE),
    FLOAT64(8, false, -Double.MAX_VALUE, Double.MAX_VALUE);

    private final int bytes;
    private final boolean integer;
    private final double min;
    private final double max;

    VoxelType(int bytes, boolean integer, double min, double max) {
        this.bytes = bytes;
        this.integer = integer;
        this.min = min;
        this.max = max;
    }

    /** Bytes per voxel on disk and in memory. */
    public int bytes() {
        return bytes;
    }

    /** True for the integer types, whose stored values are rounded and clamped on conversion. */
    public boolean isInteger() {
        return integer;
    }

    /** Smallest representable value. */
    public double min() {
        return min;
    }

    /** Largest representable value. */
    public double max() {
        return max;
    }

    /** Lower-case name as the command line and JSON print it ({@code int16}, {@code float32}, ...). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
