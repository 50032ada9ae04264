package org.coreg.image;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;

/**
 * Voxel values in their stored type, as one flat primitive array in x-fastest order ({@code i + nx*(j + ny*k)}).
 * Hot loops read {@link #array()} directly; {@link #asImg} wraps the same memory as an ImgLib2 image without
 * copying. Unsigned types share the array of the signed type of the same width and are read unsigned.
 */
public final class VoxelData {
    /** Java arrays hold at most this many elements (JDK limit, with headroom). */
    public static final long MAX_VOXELS = Integer.MAX_VALUE - 8;

    private final VoxelType type;
    private final Object array;
    private final int length;

    private VoxelData(VoxelType type, Object array, int length) {
        this.type = type;
        this.array = array;
        this.length = length;
    }

    /**
     * Allocates zeroed storage.
     *
     * @throws IllegalArgumentException if {@code count} is negative or larger than {@link #MAX_VOXELS}
     */
    public static VoxelData allocate(VoxelType type, long count) {
        if (count < 0 || count > MAX_VOXELS) {
            throw new IllegalArgumentException("cannot hold " + count + " voxels in one array (at most " + MAX_VOXELS + ")");
        }
        int n = (int) count;
        Object a = switch (type) {
            case UINT8, INT8 -> new byte[n];
            case UINT16, INT16 -> new short[n];
            case UINT32, INT32 -> new int[n];
            case FLOAT32 -> new float[n];
            case FLOAT64 -> new double[n];
        };
        return new VoxelData(type, a, n);
    }

    /** Wraps an existing array (not copied); its Java type must match {@code type}. */
    public static VoxelData wrap(VoxelType type, Object array) {
        int n = switch (type) {
            case UINT8, INT8 -> ((byte[]) array).length;
            case UINT16, INT16 -> ((short[]) array).length;
            case UINT32, INT32 -> ((int[]) array).length;
            case FLOAT32 -> ((float[]) array).length;
            case FLOAT64 -> ((double[]) array).length;
        };
        return new VoxelData(type, array, n);
    }

    public VoxelType type() {
        return type;
    }

    /** The backing primitive array (not a copy): byte[], short[], int[], float[] or double[]. */
    public Object array() {
        return array;
    }

    public int length() {
        return length;
    }

    /** The stored value at flat index {@code i} as a double (unsigned types read unsigned). */
    public double get(int i) {
        return switch (type) {
            case UINT8 -> ((byte[]) array)[i] & 0xff;
            case INT8 -> ((byte[]) array)[i];
            case UINT16 -> ((short[]) array)[i] & 0xffff;
            case INT16 -> ((short[]) array)[i];
            case UINT32 -> ((int[]) array)[i] & 0xffffffffL;
            case INT32 -> ((int[]) array)[i];
            case FLOAT32 -> ((float[]) array)[i];
            case FLOAT64 -> ((double[]) array)[i];
        };
    }

    /** Stores {@code v} at flat index {@code i}; integer types round half away from zero and clamp to their range. */
    public void set(int i, double v) {
        switch (type) {
            case UINT8, INT8 -> ((byte[]) array)[i] = (byte) (long) toInteger(v);
            case UINT16, INT16 -> ((short[]) array)[i] = (short) (long) toInteger(v);
            case UINT32, INT32 -> ((int[]) array)[i] = (int) (long) toInteger(v);
            case FLOAT32 -> ((float[]) array)[i] = (float) v;
            case FLOAT64 -> ((double[]) array)[i] = v;
        }
    }

    private double toInteger(double v) {
        if (Double.isNaN(v)) {
            return 0;
        }
        double r = Math.signum(v) * Math.floor(Math.abs(v) + 0.5);
        return Math.max(type.min(), Math.min(type.max(), r));
    }

    /** A deep copy. */
    public VoxelData copy() {
        Object a = switch (type) {
            case UINT8, INT8 -> ((byte[]) array).clone();
            case UINT16, INT16 -> ((short[]) array).clone();
            case UINT32, INT32 -> ((int[]) array).clone();
            case FLOAT32 -> ((float[]) array).clone();
            case FLOAT64 -> ((double[]) array).clone();
        };
        return new VoxelData(type, a, length);
    }

    /** Smallest and largest stored value, ignoring NaN: {@code {min, max}}; {@code {NaN, NaN}} if none. */
    public double[] range() {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < length; i++) {
            double v = get(i);
            if (v < min) {
                min = v;
            }
            if (v > max) {
                max = v;
            }
        }
        return min > max ? new double[] {Double.NaN, Double.NaN} : new double[] {min, max};
    }

    /**
     * The same memory as an ImgLib2 image of the matching type ({@code ShortType} for int16, {@code
     * UnsignedByteType} for uint8, ...). Writes through the image change this data.
     */
    public ArrayImg<?, ?> asImg(long... dims) {
        return switch (type) {
            case UINT8 -> ArrayImgs.unsignedBytes((byte[]) array, dims);
            case INT8 -> ArrayImgs.bytes((byte[]) array, dims);
            case UINT16 -> ArrayImgs.unsignedShorts((short[]) array, dims);
            case INT16 -> ArrayImgs.shorts((short[]) array, dims);
            case UINT32 -> ArrayImgs.unsignedInts((int[]) array, dims);
            case INT32 -> ArrayImgs.ints((int[]) array, dims);
            case FLOAT32 -> ArrayImgs.floats((float[]) array, dims);
            case FLOAT64 -> ArrayImgs.doubles((double[]) array, dims);
        };
    }
}
