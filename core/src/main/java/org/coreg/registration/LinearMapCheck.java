package org.coreg.registration;

import java.util.Locale;
import org.coreg.image.AffineMap;

/**
 * Whether a linear map (an initial transform, a result) is a usable fixed-to-moving registration transform: finite,
 * invertible, not mirroring, and not squashing space along any direction.
 */
public final class LinearMapCheck {
    /**
     * A singular value below this (a direction squashed to under a tenth of its length) makes the map degenerate: no
     * CT/MR pair of one patient differs by such a scale, and below it the inverse amplifies errors tenfold.
     */
    public static final double MIN_SINGULAR_VALUE = 0.1;
    /** A singular value above this (stretched more than tenfold) is as implausible. */
    public static final double MAX_SINGULAR_VALUE = 10;

    private LinearMapCheck() {
    }

    /** The problem with {@code m} in a plain sentence, or null when it is usable. */
    public static String problem(AffineMap m) {
        double[] a = m.rowMajor3x4();
        for (double v : a) {
            if (!Double.isFinite(v)) {
                return "it holds a non-finite number (NaN or infinity)";
            }
        }
        double det = m.determinant();
        double[] sv = singularValues(m);
        if (sv[2] < 1e-9 * Math.max(1, sv[0]) || det == 0) {
            return String.format(Locale.ROOT, "it is singular (rank %d): it flattens space onto a %s and cannot "
                    + "be inverted", rank(sv), rank(sv) == 2 ? "plane" : rank(sv) == 1 ? "line" : "point");
        }
        if (det < 0) {
            return "it mirrors space (determinant " + String.format(Locale.ROOT, "%.3g", det) + " < 0): left and "
                    + "right would be swapped; a registration of one patient's scans never mirrors";
        }
        if (sv[2] < MIN_SINGULAR_VALUE || sv[0] > MAX_SINGULAR_VALUE) {
            return String.format(Locale.ROOT, "it is nearly degenerate: it scales space by %.3g to %.3g along its "
                    + "principal directions (usable: %.1f to %.0f)", sv[2], sv[0], MIN_SINGULAR_VALUE,
                    MAX_SINGULAR_VALUE);
        }
        return null;
    }

    /** Singular values of the linear part, decreasing. */
    public static double[] singularValues(AffineMap m) {
        double[] l = m.linear();
        double[] ata = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    s += l[3 * k + i] * l[3 * k + j];
                }
                ata[3 * i + j] = s;
            }
        }
        double[] v = SymmetricEigen.vectors(ata);
        double[] out = new double[3];
        for (int c = 0; c < 3; c++) {
            double[] x = {v[c], v[3 + c], v[6 + c]};
            double q = 0;
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    q += x[i] * ata[3 * i + j] * x[j];
                }
            }
            out[c] = Math.sqrt(Math.max(0, q));
        }
        java.util.Arrays.sort(out);
        return new double[] {out[2], out[1], out[0]};
    }

    private static int rank(double[] sv) {
        int r = 0;
        for (double s : sv) {
            if (s > 1e-9 * Math.max(1, sv[0])) {
                r++;
            }
        }
        return r;
    }
}
