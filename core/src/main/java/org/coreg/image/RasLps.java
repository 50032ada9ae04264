package org.coreg.image;

/**
 * The one place where RAS (NIfTI, 3D Slicer, display) and LPS (Coreg's world, DICOM, ITK, elastix) meet. The two
 * differ by the sign of the first two axes: {@code (x, y, z)_RAS = (-x, -y, z)_LPS}, so the conversion is its own
 * inverse.
 */
public final class RasLps {
    private static final AffineMap FLIP = AffineMap.ofRowMajor3x4(-1, 0, 0, 0, 0, -1, 0, 0, 0, 0, 1, 0);

    private RasLps() {
    }

    /** A point or vector in RAS converted to LPS (or back: the same flip). */
    public static double[] flip(double[] p) {
        return new double[] {-p[0], -p[1], p[2]};
    }

    /** A point or vector in LPS to RAS. */
    public static double[] lpsToRas(double[] lps) {
        return flip(lps);
    }

    /** A point or vector in RAS to LPS. */
    public static double[] rasToLps(double[] ras) {
        return flip(ras);
    }

    /**
     * A row-major 3x3 matrix whose rows are world coordinates (a direction matrix, or the linear part of an
     * index-to-world map), converted between RAS and LPS rows: rows 0 and 1 change sign.
     */
    public static double[] flipRows(double[] m3x3) {
        double[] r = m3x3.clone();
        for (int i = 0; i < 6; i++) {
            r[i] = -r[i];
        }
        return r;
    }

    /** An affine map whose output is world coordinates, converted between RAS and LPS output. */
    public static AffineMap flipOutput(AffineMap m) {
        return FLIP.after(m);
    }

    /**
     * A world-to-world affine map (a point transform), converted between RAS and LPS on both sides:
     * {@code F * m * F}.
     */
    public static AffineMap flipBothSides(AffineMap m) {
        return FLIP.after(m).after(FLIP);
    }
}
