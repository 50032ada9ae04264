package org.coreg.io.nifti;

/**
 * The qform's rotation as the NIfTI standard encodes it: a unit quaternion {@code (a, b, c, d)} with {@code a >= 0}
 * of which only {@code b, c, d} are stored, plus {@code qfac} (pixdim[0]) = -1 when the third axis is flipped.
 * All matrices are row-major 3x3 in RAS.
 */
final class NiftiQuaternion {
    private NiftiQuaternion() {
    }

    /**
     * The rotation of {@code (b, c, d)}, with the third column multiplied by {@code qfac}. Like the standard
     * says, {@code a = sqrt(1 - b^2 - c^2 - d^2)}; when that is (nearly) imaginary, {@code (b, c, d)} is
     * normalised and {@code a = 0}.
     */
    static double[] toRotation(double b, double c, double d, double qfac) {
        double a = 1 - (b * b + c * c + d * d);
        if (a < 1e-7) {
            double n = 1 / Math.sqrt(b * b + c * c + d * d);
            b *= n;
            c *= n;
            d *= n;
            a = 0;
        } else {
            a = Math.sqrt(a);
        }
        double z = qfac < 0 ? -1 : 1;
        return new double[] {
            a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c) * z,
            2 * (b * c + a * d), a * a + c * c - b * b - d * d, 2 * (c * d - a * b) * z,
            2 * (b * d - a * c), 2 * (c * d + a * b), (a * a + d * d - c * c - b * b) * z
        };
    }

    /**
     * {@code {b, c, d, qfac}} of an orthonormal direction matrix: qfac = -1 when its determinant is negative (the
     * third column is then negated to make a rotation).
     */
    static double[] fromDirection(double[] m) {
        double[] r = m.clone();
        double det = r[0] * (r[4] * r[8] - r[5] * r[7]) - r[1] * (r[3] * r[8] - r[5] * r[6])
                + r[2] * (r[3] * r[7] - r[4] * r[6]);
        double qfac = det < 0 ? -1 : 1;
        if (det < 0) {
            r[2] = -r[2];
            r[5] = -r[5];
            r[8] = -r[8];
        }
        double a;
        double b;
        double c;
        double d;
        double trace = r[0] + r[4] + r[8];
        // Shepperd's method: divide by the largest of the four candidates for numerical stability.
        if (trace > 0) {
            double s = 2 * Math.sqrt(trace + 1);
            a = s / 4;
            b = (r[7] - r[5]) / s;
            c = (r[2] - r[6]) / s;
            d = (r[3] - r[1]) / s;
        } else if (r[0] > r[4] && r[0] > r[8]) {
            double s = 2 * Math.sqrt(1 + r[0] - r[4] - r[8]);
            a = (r[7] - r[5]) / s;
            b = s / 4;
            c = (r[1] + r[3]) / s;
            d = (r[2] + r[6]) / s;
        } else if (r[4] > r[8]) {
            double s = 2 * Math.sqrt(1 + r[4] - r[0] - r[8]);
            a = (r[2] - r[6]) / s;
            b = (r[1] + r[3]) / s;
            c = s / 4;
            d = (r[5] + r[7]) / s;
        } else {
            double s = 2 * Math.sqrt(1 + r[8] - r[0] - r[4]);
            a = (r[3] - r[1]) / s;
            b = (r[2] + r[6]) / s;
            c = (r[5] + r[7]) / s;
            d = s / 4;
        }
        double sign = a < 0 ? -1 : 1; // the standard stores a >= 0; q and -q are the same rotation
        double n = sign / Math.sqrt(a * a + b * b + c * c + d * d);
        return new double[] {b * n, c * n, d * n, qfac};
    }
}
