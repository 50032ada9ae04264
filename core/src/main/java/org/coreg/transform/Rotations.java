package org.coreg.transform;

/**
 * Rotation parameterisations ITK and elastix store: Euler angles (radians, applied as {@code Rz * Rx * Ry}, ITK's
 * default with ComputeZYX off) and versors (the vector part of a unit quaternion). Matrices are row-major 3x3 and act
 * on LPS column vectors.
 */
public final class Rotations {
    private Rotations() {
    }

    /** {@code Rz(az) * Rx(ax) * Ry(ay)} (ITK Euler3DTransform with ComputeZYX = false). */
    public static double[] eulerZXY(double ax, double ay, double az) {
        double cx = Math.cos(ax), sx = Math.sin(ax), cy = Math.cos(ay), sy = Math.sin(ay);
        double cz = Math.cos(az), sz = Math.sin(az);
        return new double[] {
            cz * cy - sz * sx * sy, -sz * cx, cz * sy + sz * sx * cy,
            sz * cy + cz * sx * sy, cz * cx, sz * sy - cz * sx * cy,
            -cx * sy, sx, cx * cy
        };
    }

    /** {@code Rz(az) * Ry(ay) * Rx(ax)} (ITK Euler3DTransform with ComputeZYX = true). */
    public static double[] eulerZYX(double ax, double ay, double az) {
        double cx = Math.cos(ax), sx = Math.sin(ax), cy = Math.cos(ay), sy = Math.sin(ay);
        double cz = Math.cos(az), sz = Math.sin(az);
        return new double[] {
            cz * cy, cz * sy * sx - sz * cx, cz * sy * cx + sz * sx,
            sz * cy, sz * sy * sx + cz * cx, sz * sy * cx - cz * sx,
            -sy, cy * sx, cy * cx
        };
    }

    /** Angles {@code (ax, ay, az)} with {@code eulerZXY(ax, ay, az) = r} for a rotation matrix {@code r}. */
    public static double[] eulerZXYAngles(double[] r) {
        double ax = Math.asin(Math.max(-1, Math.min(1, r[7])));
        double cx = Math.cos(ax);
        double ay;
        double az;
        if (Math.abs(cx) > 1e-9) {
            ay = Math.atan2(-r[6] / cx, r[8] / cx);
            az = Math.atan2(-r[1] / cx, r[4] / cx);
        } else {
            // Gimbal lock: only az - ay (or az + ay) is defined; put it all in az.
            ay = 0;
            az = Math.atan2(r[3], r[0]);
        }
        return new double[] {ax, ay, az};
    }

    /**
     * The rotation of the versor {@code (x, y, z)}: the unit quaternion with {@code w = sqrt(1 - |v|^2)}; a vector
     * longer than 1 is normalised (w = 0), as ITK does.
     */
    public static double[] versorMatrix(double x, double y, double z) {
        double n2 = x * x + y * y + z * z;
        double w;
        if (n2 > 1) {
            double n = Math.sqrt(n2);
            x /= n;
            y /= n;
            z /= n;
            w = 0;
        } else {
            w = Math.sqrt(1 - n2);
        }
        return new double[] {
            1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w),
            2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w),
            2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)
        };
    }

    /** The versor (vector part of the unit quaternion with {@code w >= 0}) of a rotation matrix. */
    public static double[] versorOf(double[] r) {
        double tr = r[0] + r[4] + r[8];
        double w, x, y, z;
        if (tr > 0) {
            double s = 2 * Math.sqrt(1 + tr);
            w = s / 4;
            x = (r[7] - r[5]) / s;
            y = (r[2] - r[6]) / s;
            z = (r[3] - r[1]) / s;
        } else if (r[0] > r[4] && r[0] > r[8]) {
            double s = 2 * Math.sqrt(1 + r[0] - r[4] - r[8]);
            w = (r[7] - r[5]) / s;
            x = s / 4;
            y = (r[1] + r[3]) / s;
            z = (r[2] + r[6]) / s;
        } else if (r[4] > r[8]) {
            double s = 2 * Math.sqrt(1 + r[4] - r[0] - r[8]);
            w = (r[2] - r[6]) / s;
            x = (r[1] + r[3]) / s;
            y = s / 4;
            z = (r[5] + r[7]) / s;
        } else {
            double s = 2 * Math.sqrt(1 + r[8] - r[0] - r[4]);
            w = (r[3] - r[1]) / s;
            x = (r[2] + r[6]) / s;
            y = (r[5] + r[7]) / s;
            z = s / 4;
        }
        double sign = w < 0 ? -1 : 1;
        return new double[] {sign * x, sign * y, sign * z};
    }

    /** The affine map {@code y = A (x - c) + c + t} in LPS mm. */
    public static org.coreg.image.AffineMap aboutCenter(double[] a, double[] c, double[] t) {
        double[] o = new double[3];
        for (int r = 0; r < 3; r++) {
            o[r] = c[r] + t[r] - (a[3 * r] * c[0] + a[3 * r + 1] * c[1] + a[3 * r + 2] * c[2]);
        }
        return org.coreg.image.AffineMap.of(a, o);
    }

    /** Splits a similarity matrix {@code s R} into {@code s} (positive) and {@code R}; returns {@code s}. */
    public static double similarityScale(double[] a) {
        double det = a[0] * (a[4] * a[8] - a[5] * a[7]) - a[1] * (a[3] * a[8] - a[5] * a[6])
                + a[2] * (a[3] * a[7] - a[4] * a[6]);
        return Math.cbrt(det);
    }
}
