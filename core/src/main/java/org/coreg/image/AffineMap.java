package org.coreg.image;

import java.util.Arrays;

/**
 * An affine map of 3-D space, {@code y = A x + t}, stored as a row-major 3x4 matrix {@code [A | t]}. Immutable.
 * Units and coordinate system are those of the caller (voxel indices or LPS millimetres); the javadoc of whatever
 * returns one says which.
 *
 * <p>Composition reads as in ImgLib2's {@code Concatenable}: {@code ba = b.after(a)} applies {@code a} first,
 * then {@code b}.
 */
public final class AffineMap {
    private final double[] m;

    private AffineMap(double[] m) {
        this.m = m;
    }

    /** Builds the map from a row-major 3x4 matrix {@code [A | t]} (12 values); the array is copied. */
    public static AffineMap ofRowMajor3x4(double... rowMajor) {
        if (rowMajor.length != 12) {
            throw new IllegalArgumentException("an affine map needs 12 values (3x4 row-major), got " + rowMajor.length);
        }
        for (double v : rowMajor) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("affine map has a non-finite entry: " + Arrays.toString(rowMajor));
            }
        }
        return new AffineMap(rowMajor.clone());
    }

    /** Builds the map from a row-major 3x3 linear part and a translation. */
    public static AffineMap of(double[] linear3x3, double[] translation) {
        double[] m = new double[12];
        for (int r = 0; r < 3; r++) {
            m[4 * r] = linear3x3[3 * r];
            m[4 * r + 1] = linear3x3[3 * r + 1];
            m[4 * r + 2] = linear3x3[3 * r + 2];
            m[4 * r + 3] = translation[r];
        }
        return ofRowMajor3x4(m);
    }

    public static AffineMap identity() {
        return new AffineMap(new double[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0});
    }

    /** Entry at row {@code r} (0..2) and column {@code c} (0..3; column 3 is the translation). */
    public double get(int r, int c) {
        return m[4 * r + c];
    }

    /** The row-major 3x4 matrix (a copy). */
    public double[] rowMajor3x4() {
        return m.clone();
    }

    /** The row-major 4x4 homogeneous matrix (a copy). */
    public double[] rowMajor4x4() {
        double[] h = new double[16];
        System.arraycopy(m, 0, h, 0, 12);
        h[15] = 1;
        return h;
    }

    /** The linear part as a row-major 3x3 matrix (a copy). */
    public double[] linear() {
        return new double[] {m[0], m[1], m[2], m[4], m[5], m[6], m[8], m[9], m[10]};
    }

    /** The translation {@code t} (a copy). */
    public double[] translation() {
        return new double[] {m[3], m[7], m[11]};
    }

    /** Applies the map to {@code x} and writes the result into {@code out} (which may be {@code x}). */
    public void apply(double[] x, double[] out) {
        double x0 = x[0], x1 = x[1], x2 = x[2];
        out[0] = m[0] * x0 + m[1] * x1 + m[2] * x2 + m[3];
        out[1] = m[4] * x0 + m[5] * x1 + m[6] * x2 + m[7];
        out[2] = m[8] * x0 + m[9] * x1 + m[10] * x2 + m[11];
    }

    /** Applies the map to {@code x} and returns a new array. */
    public double[] apply(double... x) {
        double[] out = new double[3];
        apply(x, out);
        return out;
    }

    /** {@code this.after(a)}: the map that applies {@code a} first, then this. */
    public AffineMap after(AffineMap a) {
        double[] r = new double[12];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                double s = j == 3 ? m[4 * i + 3] : 0;
                for (int k = 0; k < 3; k++) {
                    s += m[4 * i + k] * a.m[4 * k + j];
                }
                r[4 * i + j] = s;
            }
        }
        return new AffineMap(r);
    }

    /** Determinant of the linear part. */
    public double determinant() {
        return m[0] * (m[5] * m[10] - m[6] * m[9]) - m[1] * (m[4] * m[10] - m[6] * m[8])
                + m[2] * (m[4] * m[9] - m[5] * m[8]);
    }

    /**
     * The inverse map.
     *
     * @throws IllegalStateException if the linear part is singular (|det| below 1e-12 relative to its scale)
     */
    public AffineMap inverse() {
        double det = determinant();
        double scale = 0;
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                scale = Math.max(scale, Math.abs(m[4 * r + c]));
            }
        }
        if (scale == 0 || Math.abs(det) <= 1e-12 * scale * scale * scale) {
            throw new IllegalStateException("the affine map is singular (determinant " + det + ") and has no inverse");
        }
        double[] a = linear();
        double[] inv = {
            (a[4] * a[8] - a[5] * a[7]) / det, (a[2] * a[7] - a[1] * a[8]) / det, (a[1] * a[5] - a[2] * a[4]) / det,
            (a[5] * a[6] - a[3] * a[8]) / det, (a[0] * a[8] - a[2] * a[6]) / det, (a[2] * a[3] - a[0] * a[5]) / det,
            (a[3] * a[7] - a[4] * a[6]) / det, (a[1] * a[6] - a[0] * a[7]) / det, (a[0] * a[4] - a[1] * a[3]) / det
        };
        double[] t = translation();
        double[] it = new double[3];
        for (int r = 0; r < 3; r++) {
            it[r] = -(inv[3 * r] * t[0] + inv[3 * r + 1] * t[1] + inv[3 * r + 2] * t[2]);
        }
        return of(inv, it);
    }

    /** Largest absolute difference between corresponding entries of the two 3x4 matrices. */
    public double maxAbsDifference(AffineMap other) {
        double d = 0;
        for (int i = 0; i < 12; i++) {
            d = Math.max(d, Math.abs(m[i] - other.m[i]));
        }
        return d;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AffineMap a && Arrays.equals(m, a.m);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(m);
    }

    @Override
    public String toString() {
        return "AffineMap" + Arrays.toString(m);
    }
}
