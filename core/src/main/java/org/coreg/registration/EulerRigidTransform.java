package org.coreg.registration;

import org.coreg.image.AffineMap;

/**
 * Rigid transform about a fixed centre {@code c} (LPS mm): {@code y = R (x - c) + c + t}, with
 * {@code R = Rz(az) Ry(ay) Rx(ax)}. Parameters: {@code ax, ay, az} in radians, then {@code tx, ty, tz} in mm.
 * Maps fixed to moving.
 */
public final class EulerRigidTransform implements AffineFamilyTransform {
    private final double[] centre;
    private final double[] p = new double[6];
    private double[] r = new double[9];
    private double[] drx = new double[9];
    private double[] dry = new double[9];
    private double[] drz = new double[9];

    public EulerRigidTransform(double[] centre) {
        this.centre = centre.clone();
        setParameters(new double[6]);
    }

    /** The rigid transform with rotation {@code rotation} (row-major, proper) about {@code centre}, then {@code t}. */
    public static EulerRigidTransform of(double[] centre, double[] rotation, double[] translation) {
        EulerRigidTransform t = new EulerRigidTransform(centre);
        double[] a = RotationMath.eulerZyx(rotation);
        t.setParameters(new double[] {a[0], a[1], a[2], translation[0], translation[1], translation[2]});
        return t;
    }

    public double[] centre() {
        return centre.clone();
    }

    /** Rotation matrix, row-major (a copy). */
    public double[] rotation() {
        return r.clone();
    }

    @Override
    public int parameterCount() {
        return 6;
    }

    @Override
    public double[] parameters() {
        return p.clone();
    }

    @Override
    public void setParameters(double[] q) {
        System.arraycopy(q, 0, p, 0, 6);
        double cx = Math.cos(p[0]), sx = Math.sin(p[0]), cy = Math.cos(p[1]), sy = Math.sin(p[1]);
        double cz = Math.cos(p[2]), sz = Math.sin(p[2]);
        double[] rx = {1, 0, 0, 0, cx, -sx, 0, sx, cx};
        double[] ry = {cy, 0, sy, 0, 1, 0, -sy, 0, cy};
        double[] rz = {cz, -sz, 0, sz, cz, 0, 0, 0, 1};
        double[] dRx = {0, 0, 0, 0, -sx, -cx, 0, cx, -sx};
        double[] dRy = {-sy, 0, cy, 0, 0, 0, -cy, 0, -sy};
        double[] dRz = {-sz, -cz, 0, cz, -sz, 0, 0, 0, 0};
        r = RotationMath.mul(rz, RotationMath.mul(ry, rx));
        drx = RotationMath.mul(rz, RotationMath.mul(ry, dRx));
        dry = RotationMath.mul(rz, RotationMath.mul(dRy, rx));
        drz = RotationMath.mul(dRz, RotationMath.mul(ry, rx));
    }

    @Override
    public void transformPoint(double[] x, double[] out) {
        double a = x[0] - centre[0], b = x[1] - centre[1], c = x[2] - centre[2];
        double o0 = r[0] * a + r[1] * b + r[2] * c + centre[0] + p[3];
        double o1 = r[3] * a + r[4] * b + r[5] * c + centre[1] + p[4];
        double o2 = r[6] * a + r[7] * b + r[8] * c + centre[2] + p[5];
        out[0] = o0;
        out[1] = o1;
        out[2] = o2;
    }

    @Override
    public void jacobian(double[] x, double[] jac) {
        // Written out: this runs for every sample of every iteration, and the first JIT tier does not remove
        // temporary arrays.
        double a = x[0] - centre[0], b = x[1] - centre[1], c = x[2] - centre[2];
        rotated(drx, a, b, c, jac, 0);
        rotated(dry, a, b, c, jac, 3);
        rotated(drz, a, b, c, jac, 6);
        jac[9] = 1;
        jac[10] = 0;
        jac[11] = 0;
        jac[12] = 0;
        jac[13] = 1;
        jac[14] = 0;
        jac[15] = 0;
        jac[16] = 0;
        jac[17] = 1;
    }

    private static void rotated(double[] d, double a, double b, double c, double[] out, int at) {
        out[at] = d[0] * a + d[1] * b + d[2] * c;
        out[at + 1] = d[3] * a + d[4] * b + d[5] * c;
        out[at + 2] = d[6] * a + d[7] * b + d[8] * c;
    }

    @Override
    public AffineMap toAffineMap() {
        double[] t = new double[3];
        for (int i = 0; i < 3; i++) {
            t[i] = centre[i] + p[3 + i] - (r[3 * i] * centre[0] + r[3 * i + 1] * centre[1] + r[3 * i + 2] * centre[2]);
        }
        return AffineMap.of(r, t);
    }

    @Override
    public EulerRigidTransform copy() {
        EulerRigidTransform t = new EulerRigidTransform(centre);
        t.setParameters(p);
        return t;
    }

    @Override
    public String name() {
        return "rigid";
    }
}
