package org.coreg.registration;

import org.coreg.image.Volume;

/** Real voxel values (rescale applied) as floats, with the type dispatch outside the loop. */
final class RealValues {
    private RealValues() {
    }

    static float[] of(Volume v) {
        Object a = v.voxels().array();
        float s = (float) v.metadata().rescaleSlope();
        float o = (float) v.metadata().rescaleIntercept();
        int n = v.voxels().length();
        float[] f = new float[n];
        switch (v.type()) {
            case INT16 -> {
                short[] x = (short[]) a;
                for (int i = 0; i < n; i++) {
                    f[i] = x[i] * s + o;
                }
            }
            case UINT8 -> {
                byte[] x = (byte[]) a;
                for (int i = 0; i < n; i++) {
                    f[i] = (x[i] & 0xff) * s + o;
                }
            }
            case UINT16 -> {
                short[] x = (short[]) a;
                for (int i = 0; i < n; i++) {
                    f[i] = (x[i] & 0xffff) * s + o;
                }
            }
            case FLOAT32 -> {
                float[] x = (float[]) a;
                if (s == 1 && o == 0) {
                    System.arraycopy(x, 0, f, 0, n);
                } else {
                    for (int i = 0; i < n; i++) {
                        f[i] = x[i] * s + o;
                    }
                }
            }
            default -> {
                return v.toFloatArray();
            }
        }
        return f;
    }
}
