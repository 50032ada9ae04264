package org.coreg.app.session;

import org.coreg.app.render.ViewPlane;
import org.coreg.image.AffineMap;

/**
 * Manual pre-alignment gestures as changes of the fixed-to-moving transform (LPS mm). Moving the moving image's
 * content by a rigid motion {@code M} in fixed space makes fixed point {@code p} show the moving value that was at
 * {@code M^-1 p}, so the new transform is {@code T ∘ M^-1}.
 */
public final class PreAlign {
    private PreAlign() {
    }

    /**
     * Shows the moving image shifted by {@code right} mm along the screen x and {@code down} mm along the screen y of
     * {@code plane}.
     */
    public static AffineMap translate(AffineMap fixedToMoving, ViewPlane plane, double right, double down) {
        double[] r = plane.right();
        double[] d = plane.down();
        double[] shift = new double[3];
        for (int a = 0; a < 3; a++) {
            shift[a] = -(r[a] * right + d[a] * down);
        }
        return fixedToMoving.after(AffineMap.of(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, shift));
    }

    /**
     * Shows the moving image rotated by {@code radians} in {@code plane} about the LPS point {@code centre}; positive
     * turns screen +x towards screen +y (clockwise on screen).
     */
    public static AffineMap rotate(AffineMap fixedToMoving, ViewPlane plane, double radians, double[] centre) {
        return fixedToMoving.after(rotationAbout(plane, -radians, centre));
    }

    /** Rotation in the plane by {@code radians} (screen +x towards +y) about {@code c}, as an LPS map. */
    static AffineMap rotationAbout(ViewPlane plane, double radians, double[] c) {
        double[] r = plane.right();
        double[] d = plane.down();
        double cos = Math.cos(radians);
        double sin = Math.sin(radians);
        double[] m = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double inPlane = r[i] * r[j] + d[i] * d[j];
                double normal = (i == j ? 1 : 0) - inPlane;
                m[3 * i + j] = cos * inPlane + sin * (d[i] * r[j] - r[i] * d[j]) + normal;
            }
        }
        double[] t = new double[3];
        for (int i = 0; i < 3; i++) {
            t[i] = c[i] - (m[3 * i] * c[0] + m[3 * i + 1] * c[1] + m[3 * i + 2] * c[2]);
        }
        return AffineMap.of(m, t);
    }

    /**
     * A rigid motion of the moving image given as numbers: rotations (degrees) about L, P and S applied in that order
     * about {@code centre}, then a translation (mm, LPS); returned as the fixed-to-moving transform it implies
     * when starting from {@code base}.
     */
    public static AffineMap fromNumbers(AffineMap base, double[] rotationDeg, double[] translationMm, double[] centre) {
        AffineMap motion = AffineMap.identity();
        ViewPlane[] about = {ViewPlane.SAGITTAL, ViewPlane.CORONAL, ViewPlane.AXIAL};
        for (int a = 0; a < 3; a++) {
            motion = rotationAbout(about[a], Math.toRadians(rotationDeg[a]), centre).after(motion);
        }
        motion = AffineMap.of(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, translationMm).after(motion);
        return base.after(motion.inverse());
    }

    /**
     * The translation that puts the centre of the moving grid on the centre of the fixed grid: fixed LPS mm ->
     * moving LPS mm, {@code p -> p + (movingCentre - fixedCentre)}.
     */
    public static AffineMap centreOnFixed(org.coreg.image.ImageGeometry fixed, org.coreg.image.ImageGeometry moving) {
        double[] f = fixed.center();
        double[] m = moving.center();
        return AffineMap.of(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, new double[] {m[0] - f[0], m[1] - f[1], m[2] - f[2]});
    }
}
