package org.coreg.app.render;

/**
 * The three orthogonal view planes, in LPS world space, shown in radiological convention: the patient's right on
 * the left of the screen. {@link #right()} and {@link #down()} are the LPS unit vectors along the screen's x and y.
 */
public enum ViewPlane {
    /** Seen from the feet: screen right = patient left (+L), screen down = posterior (+P). */
    AXIAL(new double[] {1, 0, 0}, new double[] {0, 1, 0}, 2),
    /** Seen from the front: screen right = patient left (+L), screen down = inferior (-S). */
    CORONAL(new double[] {1, 0, 0}, new double[] {0, 0, -1}, 1),
    /** Seen from the patient's left: screen right = posterior (+P), screen down = inferior (-S). */
    SAGITTAL(new double[] {0, 1, 0}, new double[] {0, 0, -1}, 0);

    private final double[] right;
    private final double[] down;
    private final int normalAxis;

    ViewPlane(double[] right, double[] down, int normalAxis) {
        this.right = right;
        this.down = down;
        this.normalAxis = normalAxis;
    }

    /** LPS unit vector along the screen's +x (a copy). */
    public double[] right() {
        return right.clone();
    }

    /** LPS unit vector along the screen's +y (a copy). */
    public double[] down() {
        return down.clone();
    }

    /** The LPS axis (0 = L, 1 = P, 2 = S) perpendicular to the plane. */
    public int normalAxis() {
        return normalAxis;
    }

    /** The screen axis (0 = x, 1 = y) along which LPS axis {@code lpsAxis} runs, or -1 if it is the normal. */
    public int screenAxisOf(int lpsAxis) {
        if (right[lpsAxis] != 0) {
            return 0;
        }
        return down[lpsAxis] != 0 ? 1 : -1;
    }
}
