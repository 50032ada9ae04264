package org.coreg.registration;

import org.coreg.image.Volume;
import org.coreg.image.VoxelType;

/**
 * Real voxel values (rescale applied) as floats, with the type dispatch outside the loop, in parallel chunks; the
 * range of the values is taken in the same pass.
 */
final class RealValues {
    /** Voxels per parallel chunk. */
    static final int CHUNK = 1 << 20;

    /**
     * Real values and their range.
     *
     * @param values real values, x fastest
     * @param min    the smallest value, NaN skipped (+infinity when every value is NaN)
     * @param max    the largest value, NaN skipped
     */
    record Real(float[] values, float min, float max) {
    }

    private RealValues() {
    }

    static float[] of(Volume v) {
        return scan(v, new Workers(1)).values();
    }

    static Real scan(Volume v, Workers workers) {
        Object a = v.voxels().array();
        float s = (float) v.metadata().rescaleSlope();
        float o = (float) v.metadata().rescaleIntercept();
        boolean fast = switch (v.type()) {
            case INT16, UINT8, UINT16, FLOAT32 -> true;
            default -> false;
        };
        float[] f = fast ? new float[v.voxels().length()] : v.toFloatArray();
        int n = f.length;
        int chunks = (n + CHUNK - 1) / CHUNK;
        float[] mins = new float[chunks];
        float[] maxs = new float[chunks];
        workers.forEach(chunks, c -> {
            int from = c * CHUNK, to = Math.min(n, (c + 1) * CHUNK);
            float[] range = fast ? convertChunk(v.type(), a, s, o, f, from, to) : rangeOf(f, from, to);
            mins[c] = range[0];
            maxs[c] = range[1];
        });
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int c = 0; c < chunks; c++) {
            min = Math.min(min, mins[c]);
            max = Math.max(max, maxs[c]);
        }
        return new Real(f, min, max);
    }

    /**
     * Converts stored values {@code a[from..to)} of type {@code type} to real values in {@code f} and returns their
     * {min, max} (NaN skipped).
     */
    static float[] convertChunk(VoxelType type, Object a, float s, float o, float[] f, int from, int to) {
        boolean plain = s == 1 && o == 0;
        switch (type) {
            case INT16 -> {
                short[] x = (short[]) a;
                if (plain) {
                    for (int i = from; i < to; i++) {
                        f[i] = x[i];
                    }
                } else {
                    for (int i = from; i < to; i++) {
                        f[i] = x[i] * s + o;
                    }
                }
            }
            case UINT8 -> {
                byte[] x = (byte[]) a;
                for (int i = from; i < to; i++) {
                    f[i] = (x[i] & 0xff) * s + o;
                }
            }
            case UINT16 -> {
                short[] x = (short[]) a;
                for (int i = from; i < to; i++) {
                    f[i] = (x[i] & 0xffff) * s + o;
                }
            }
            case FLOAT32 -> {
                float[] x = (float[]) a;
                if (plain) {
                    System.arraycopy(x, from, f, from, to - from);
                } else {
                    for (int i = from; i < to; i++) {
                        f[i] = x[i] * s + o;
                    }
                }
            }
            default -> throw new IllegalStateException("no fast path for " + type);
        }
        return rangeOf(f, from, to);
    }

    /** {min, max} of {@code f[from..to)}; plain comparisons (not Math.min) skip NaN and cost no call per voxel. */
    private static float[] rangeOf(float[] f, int from, int to) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            float x = f[i];
            if (x < min) {
                min = x;
            }
            if (x > max) {
                max = x;
            }
        }
        return new float[] {min, max};
    }
}
