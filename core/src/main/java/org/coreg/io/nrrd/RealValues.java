package org.coreg.io.nrrd;

import org.coreg.image.Volume;
import org.coreg.image.VoxelData;
import org.coreg.image.VoxelType;

/**
 * For formats without a rescale field: a volume whose stored values are the real values. A rescaled volume's real
 * values ({@code stored * slope + intercept}) are stored exactly, in its own type when they are whole numbers in
 * its range (CT stored with intercept -1024 stays int16), else in float32 when every value is a float, else float64.
 */
final class RealValues {
    private RealValues() {
    }

    /** {@code v} itself when its rescale is the identity, else a copy holding real values and an identity rescale. */
    static Volume of(Volume v) {
        if (v.metadata().hasIdentityRescale()) {
            return v;
        }
        int n = v.voxels().length();
        boolean integral = true;
        boolean floats = true;
        VoxelType own = v.type();
        for (int i = 0; i < n; i++) {
            double r = v.realValue(i);
            if (integral && !(r == Math.rint(r) && r >= own.min() && r <= own.max())) {
                integral = false;
            }
            if (floats && (double) (float) r != r && !Double.isNaN(r)) {
                floats = false;
            }
        }
        VoxelType type = integral && own.isInteger() ? own : floats ? VoxelType.FLOAT32 : VoxelType.FLOAT64;
        VoxelData out = VoxelData.allocate(type, n);
        for (int i = 0; i < n; i++) {
            out.set(i, v.realValue(i));
        }
        return new Volume(out, v.geometry(), v.metadata().withRescale(1, 0));
    }
}
