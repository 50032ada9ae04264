package org.coreg.registration;

import org.coreg.image.AffineMap;

/**
 * Affine transform about a fixed centre {@code c} (LPS mm): {@code y = A (x - c) + c + t}. Parameters: the nine
 * entries of {@code A} row-major, then {@code t} in mm. Maps fixed to moving.
 */
public final class AffineTransform implements AffineFamilyTransform {
    private final double[] centre;
    private final double[] p = new double[12];

    public AffineTransform(double[] centre) {
        this.centre = centre.clone();
        p[0] = 1;
        p[4] = 1;
        p[8] = 1;
    }

    /** The affine transform equal to {@code rigid} (same centre), the start of an affine stage. */
    public static AffineTransform from(EulerRigidTransform rigid) {
        AffineTransform a = new AffineTransform(rigid.centre());
        double[] q = new double[12];
        System.arraycopy(rigid.rotation(), 0, q, 0, 9);
        double[] rp = rigid.parameters();
        q[9] = rp[3];
        q[10] = rp[4];
        q[11] = rp[5];
        a.setParameters(q);
        return a;
    }

    /** The affine transform equal to {@code sim} (same centre), the start of an affine stage after a similarity one. */
    public static AffineTransform from(SimilarityTransform sim) {
        AffineTransform a = new AffineTransform(sim.centre());
        double[] q = new double[12];
        System.arraycopy(sim.linear(), 0, q, 0, 9);
        System.arraycopy(sim.translation(), 0, q, 9, 3);
        a.setParameters(q);
        return a;
    }

    @Override
    public int parameterCount() {
        return 12;
    }

    @Override
    public double[] parameters() {
        return p.clone();
    }

    @Override
    public void setParameters(double[] q) {
        System.arraycopy(q, 0, p, 0, 12);
    }

    @Override
    public void transformPoint(double[] x, double[] out) {
        double a = x[0] - centre[0], b = x[1] - centre[1], c = x[2] - centre[2];
        double o0 = p[0] * a + p[1] * b + p[2] * c + centre[0] + p[9];
        double o1 = p[3] * a + p[4] * b + p[5] * c + centre[1] + p[10];
        double o2 = p[6] * a + p[7] * b + p[8] * c + centre[2] + p[11];
        out[0] = o0;
        out[1] = o1;
        out[2] = o2;
    }

    @Override
    public void jacobian(double[] x, double[] jac) {
        java.util.Arrays.fill(jac, 0, 36, 0);
        double u0 = x[0] - centre[0], u1 = x[1] - centre[1], u2 = x[2] - centre[2];
        for (int row = 0; row < 3; row++) {
            jac[3 * (3 * row) + row] = u0;
            jac[3 * (3 * row + 1) + row] = u1;
            jac[3 * (3 * row + 2) + row] = u2;
            jac[3 * (9 + row) + row] = 1;
        }
    }

    @Override
    public AffineMap toAffineMap() {
        double[] a = java.util.Arrays.copyOf(p, 9);
        double[] t = new double[3];
        for (int i = 0; i < 3; i++) {
            t[i] = centre[i] + p[9 + i] - (a[3 * i] * centre[0] + a[3 * i + 1] * centre[1] + a[3 * i + 2] * centre[2]);
        }
        return AffineMap.of(a, t);
    }

    @Override
    public AffineTransform copy() {
        AffineTransform t = new AffineTransform(centre);
        t.setParameters(p);
        return t;
    }

    @Override
    public String name() {
        return "affine";
    }
}
