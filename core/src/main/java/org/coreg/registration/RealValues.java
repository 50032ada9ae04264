package org.coreg.registration;

import org.coreg.image.Volume;

/** Real voxel values (rescale applied) as floats, with the type dispatch outside the loop, in parallel chunks. */
final class RealValues {
    /** Voxels per parallel chunk. */
    private static final int CHUNK = 1 << 20;

    private RealValues() {
    }

    static float[] of(Volume v) {
        return of(v, new Workers(1));
    }

    static float[] of(Volume v, Workers workers) {
        Object a = v.voxels().array();
        float s = (float) v.metadata().rescaleSlope();
        float o = (float) v.metadata().rescaleIntercept();
        int n = v.voxels().length();
        switch (v.type()) {
            case INT16, UINT8, UINT16, FLOAT32 -> {
            }
            default -> {
                return v.toFloatArray();
            }
        }
        float[] f = new float[n];
        workers.forEach((n + CHUNK - 1) / CHUNK, c -> convert(v, a, s, o, f, c * CHUNK, Math.min(n, (c + 1) * CHUNK)));
        return f;
    }

    private static void convert(Volume v, Object a, float s, float o, float[] f, int from, int to) {
        switch (v.type()) {
            case INT16 -> {
                short[] x = (short[]) a;
                for (int i = from; i < to; i++) {
                    f[i] = x[i] * s + o;
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
                if (s == 1 && o == 0) {
                    System.arraycopy(x, from, f, from, to - from);
                } else {
                    for (int i = from; i < to; i++) {
                        f[i] = x[i] * s + o;
                    }
                }
            }
            default -> throw new IllegalStateException("no fast path for " + v.type());
        }
    }
}
