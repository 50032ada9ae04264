package org.coreg.transform;

/**
 * How an affine transform is parameterised around its centre of rotation, as ITK and elastix store it: rigid
 * (rotation + translation), similarity (plus one isotropic scale) or general affine (12 parameters).
 */
public enum LinearKind {
    RIGID, SIMILARITY, AFFINE;

    /** The least general kind that represents {@code m} within {@code tolerance} (unitless, on matrix entries). */
    public static LinearKind classify(org.coreg.image.AffineMap m, double tolerance) {
        double[] a = m.linear();
        double det = m.determinant();
        if (det <= 0) {
            return AFFINE;
        }
        double s = Math.cbrt(det);
        double err = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double dot = 0;
                for (int k = 0; k < 3; k++) {
                    dot += a[3 * k + i] * a[3 * k + j];
                }
                err = Math.max(err, Math.abs(dot / (s * s) - (i == j ? 1 : 0)));
            }
        }
        if (err > tolerance) {
            return AFFINE;
        }
        return Math.abs(s - 1) <= tolerance ? RIGID : SIMILARITY;
    }
}
