package org.coreg.registration;

import java.util.ArrayList;
import java.util.List;

/** Small 3x3 matrix helpers (row-major) for rotations. */
final class RotationMath {
    private RotationMath() {
    }

    static double[] mul(double[] a, double[] b) {
        double[] c = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                c[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
            }
        }
        return c;
    }

    /** Angles {@code ax, ay, az} (radians) with {@code R = Rz Ry Rx}. */
    static double[] eulerZyx(double[] r) {
        double ay = Math.asin(Math.max(-1, Math.min(1, -r[6])));
        double ax;
        double az;
        if (Math.abs(r[6]) < 1 - 1e-12) {
            ax = Math.atan2(r[7], r[8]);
            az = Math.atan2(r[3], r[0]);
        } else {
            ax = Math.atan2(-r[5], r[4]);
            az = 0;
        }
        return new double[] {ax, ay, az};
    }

    /** Rotation by {@code angle} radians about a unit axis. */
    static double[] axisAngle(double[] axis, double angle) {
        double c = Math.cos(angle), s = Math.sin(angle), t = 1 - c;
        double x = axis[0], y = axis[1], z = axis[2];
        return new double[] {
            t * x * x + c, t * x * y - s * z, t * x * z + s * y,
            t * x * y + s * z, t * y * y + c, t * y * z - s * x,
            t * x * z - s * y, t * y * z + s * x, t * z * z + c
        };
    }

    /** Angle (radians) of the rotation {@code r}. */
    static double angle(double[] r) {
        double c = (r[0] + r[4] + r[8] - 1) / 2;
        return Math.acos(Math.max(-1, Math.min(1, c)));
    }

    /** The 24 proper rotations that map the coordinate axes onto (signed) coordinate axes. */
    static List<double[]> axisAlignedRotations() {
        List<double[]> out = new ArrayList<>();
        int[][] perms = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        for (int[] perm : perms) {
            for (int signs = 0; signs < 8; signs++) {
                double[] m = new double[9];
                for (int row = 0; row < 3; row++) {
                    m[3 * row + perm[row]] = (signs >> row & 1) == 0 ? 1 : -1;
                }
                double det = m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6])
                        + m[2] * (m[3] * m[7] - m[4] * m[6]);
                if (det > 0) {
                    out.add(m);
                }
            }
        }
        return out;
    }
}
