package org.coreg.app.session;

import java.util.Arrays;

/**
 * An axis-aligned box in fixed LPS space (mm): the crop region of interest. {@code min[a] <= max[a]} on every axis.
 */
public record RoiBox(double[] min, double[] max) {
    public RoiBox {
        min = min.clone();
        max = max.clone();
        for (int a = 0; a < 3; a++) {
            if (!(min[a] <= max[a]) || !Double.isFinite(min[a]) || !Double.isFinite(max[a])) {
                throw new IllegalArgumentException("ROI box needs finite min <= max on every axis, found min "
                        + Arrays.toString(min) + " max " + Arrays.toString(max));
            }
        }
    }

    @Override
    public double[] min() {
        return min.clone();
    }

    @Override
    public double[] max() {
        return max.clone();
    }

    public double min(int axis) {
        return min[axis];
    }

    public double max(int axis) {
        return max[axis];
    }

    /** True when the LPS point lies inside or on the box. */
    public boolean contains(double[] p) {
        for (int a = 0; a < 3; a++) {
            if (p[a] < min[a] || p[a] > max[a]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The box with one face moved to {@code value} (mm) along LPS {@code axis}: {@code upper} picks the max face. The
     * face stops at the opposite face, so the box never turns inside out.
     */
    public RoiBox withFace(int axis, boolean upper, double value) {
        double[] lo = min.clone();
        double[] hi = max.clone();
        if (upper) {
            hi[axis] = Math.max(value, lo[axis]);
        } else {
            lo[axis] = Math.min(value, hi[axis]);
        }
        return new RoiBox(lo, hi);
    }

    /** The box moved by {@code delta} (LPS mm). */
    public RoiBox translated(double[] delta) {
        double[] lo = min.clone();
        double[] hi = max.clone();
        for (int a = 0; a < 3; a++) {
            lo[a] += delta[a];
            hi[a] += delta[a];
        }
        return new RoiBox(lo, hi);
    }

    /** Edge lengths in mm. */
    public double[] extent() {
        return new double[] {max[0] - min[0], max[1] - min[1], max[2] - min[2]};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RoiBox b && Arrays.equals(min, b.min) && Arrays.equals(max, b.max);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(min) * 31 + Arrays.hashCode(max);
    }

    @Override
    public String toString() {
        return "RoiBox[min(LPS)=" + Arrays.toString(min) + ", max(LPS)=" + Arrays.toString(max) + "]";
    }
}
