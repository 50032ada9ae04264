package org.coreg.registration;

import org.coreg.image.AffineMap;

/**
 * Similarity transform (rotation, isotropic scale, translation) about a fixed centre {@code c} (LPS mm):
 * {@code y = s R (x - c) + c + t}, with {@code R = Rz(az) Ry(ay) Rx(ax)} as in {@link EulerRigidTransform}.
 * Parameters: {@code ax, ay, az} in radians, {@code tx, ty, tz} in mm, then the scale {@code s} (1 = none). Maps
 * fixed to moving.
 */
public final class SimilarityTransform implements AffineFamilyTransform {
    private final EulerRigidTransform rotation;
    private final double[] centre;
    private double scale = 1;
    /** Cached rotation and translation of the current parameters (the hot loops must not allocate). */
    private double[] r = {1, 0, 0, 0, 1, 0, 0, 0, 1};
    private final double[] t = new double[3];

    public SimilarityTransform(double[] centre) {
        this.centre = centre.clone();
        this.rotation = new EulerRigidTransform(centre);
    }

    /** The similarity transform equal to {@code rigid} (same centre, scale 1), the start of a similarity stage. */
    public static SimilarityTransform from(EulerRigidTransform rigid) {
        SimilarityTransform s = new SimilarityTransform(rigid.centre());
        double[] q = new double[7];
        System.arraycopy(rigid.parameters(), 0, q, 0, 6);
        q[6] = 1;
        s.setParameters(q);
        return s;
    }

    public double[] centre() {
        return centre.clone();
    }

    /** The scale factor s. */
    public double scale() {
        return scale;
    }

    /** {@code s R}, row-major (a copy). */
    public double[] linear() {
        double[] a = r.clone();
        for (int i = 0; i < 9; i++) {
            a[i] *= scale;
        }
        return a;
    }

    /** The translation parameters {@code tx, ty, tz} (mm). */
    public double[] translation() {
        return t.clone();
    }

    @Override
    public int parameterCount() {
        return 7;
    }

    @Override
    public double[] parameters() {
        double[] p = java.util.Arrays.copyOf(rotation.parameters(), 7);
        p[6] = scale;
        return p;
    }

    @Override
    public void setParameters(double[] q) {
        rotation.setParameters(java.util.Arrays.copyOf(q, 6));
        scale = q[6];
        r = rotation.rotation();
        System.arraycopy(q, 3, t, 0, 3);
    }

    @Override
    public void transformPoint(double[] x, double[] out) {
        double a = x[0] - centre[0], b = x[1] - centre[1], c = x[2] - centre[2];
        double o0 = scale * (r[0] * a + r[1] * b + r[2] * c) + centre[0] + t[0];
        double o1 = scale * (r[3] * a + r[4] * b + r[5] * c) + centre[1] + t[1];
        double o2 = scale * (r[6] * a + r[7] * b + r[8] * c) + centre[2] + t[2];
        out[0] = o0;
        out[1] = o1;
        out[2] = o2;
    }

    /**
     * {@code d y / d angle = s dR/d angle (x - c)}; {@code d y / d t = I}; {@code d y / d s = R (x - c)}.
     */
    @Override
    public void jacobian(double[] x, double[] jac) {
        rotation.jacobian(x, jac);
        for (int i = 0; i < 9; i++) {
            jac[i] *= scale;
        }
        double a = x[0] - centre[0], b = x[1] - centre[1], c = x[2] - centre[2];
        jac[18] = r[0] * a + r[1] * b + r[2] * c;
        jac[19] = r[3] * a + r[4] * b + r[5] * c;
        jac[20] = r[6] * a + r[7] * b + r[8] * c;
    }

    @Override
    public AffineMap toAffineMap() {
        double[] a = linear();
        double[] off = new double[3];
        for (int i = 0; i < 3; i++) {
            off[i] = centre[i] + t[i] - (a[3 * i] * centre[0] + a[3 * i + 1] * centre[1] + a[3 * i + 2] * centre[2]);
        }
        return AffineMap.of(a, off);
    }

    @Override
    public SimilarityTransform copy() {
        SimilarityTransform t = new SimilarityTransform(centre);
        t.setParameters(parameters());
        return t;
    }

    @Override
    public String name() {
        return "similarity";
    }
}
