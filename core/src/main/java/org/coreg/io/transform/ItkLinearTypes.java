package org.coreg.io.transform;

import java.util.Arrays;
import java.util.Set;
import org.coreg.image.AffineMap;
import org.coreg.transform.Rotations;

/**
 * The matrix, centre and translation of every 3-D linear transform type ITK 5 registers by default, from its
 * Parameters and FixedParameters, computed the way ITK computes them (each type's {@code SetParameters} and
 * {@code ComputeMatrix}); all in LPS mm, {@code y = A (x - c) + c + t}. 3D Slicer reads these types the same way: it
 * asks ITK for the matrix and offset. ITK's own reading is the oracle in the tests (ItkTransformOracleTest).
 */
final class ItkLinearTypes {
    /** A linear map as ITK parameterises it: matrix (row-major), centre of rotation, translation (LPS mm). */
    record Linear(double[] matrix, double[] center, double[] translation) {
        AffineMap map() {
            return Rotations.aboutCenter(matrix, center, translation);
        }
    }

    /** The ITK class names (without {@code _double_3_3}) this class decodes. */
    static final Set<String> NAMES = Set.of("IdentityTransform", "TranslationTransform", "AffineTransform",
            "MatrixOffsetTransformBase", "Rigid3DTransform", "ScalableAffineTransform",
            "FixedCenterOfRotationAffineTransform", "CenteredAffineTransform", "Euler3DTransform",
            "CenteredEuler3DTransform", "VersorTransform", "VersorRigid3DTransform", "QuaternionRigidTransform",
            "Similarity3DTransform", "ScaleVersor3DTransform", "ScaleSkewVersor3DTransform",
            "ComposeScaleSkewVersor3DTransform", "ScaleTransform", "ScaleLogarithmicTransform");

    private static final double[] ZERO = new double[3];

    private ItkLinearTypes() {
    }

    /**
     * Decodes {@code base} (an entry of {@link #NAMES}).
     *
     * @throws IllegalArgumentException naming the parameter count a type needs when the counts are wrong
     */
    static Linear decode(String base, double[] p, double[] f) {
        return switch (base) {
            case "IdentityTransform" -> new Linear(identity(), ZERO, ZERO);
            case "TranslationTransform" -> new Linear(identity(), ZERO, slice(need(base, p, 3), 0));
            // Matrix (row-major) then translation; FixedParameters: centre. ScalableAffine and FixedCenterOfRotation
            // keep their extra scale outside the parameters (1 when read from a file).
            case "AffineTransform", "MatrixOffsetTransformBase", "Rigid3DTransform", "ScalableAffineTransform",
                 "FixedCenterOfRotationAffineTransform" -> {
                need(base, p, 12);
                yield new Linear(Arrays.copyOf(p, 9), center(base, f), slice(p, 9));
            }
            case "CenteredAffineTransform" -> {
                need(base, p, 15);
                yield new Linear(Arrays.copyOf(p, 9), slice(p, 9), slice(p, 12));
            }
            case "Euler3DTransform" -> {
                need(base, p, 6);
                yield new Linear(euler(p, f), center(base, f), slice(p, 3));
            }
            case "CenteredEuler3DTransform" -> {
                need(base, p, 9);
                yield new Linear(euler(p, f), slice(p, 3), slice(p, 6));
            }
            // ITK's VersorTransform computes only the matrix when its parameters are set, after the centre, so the
            // offset stays 0 and a file's centre has no effect on reading: y = R x (ITK 5.2, checked by the oracle).
            case "VersorTransform" -> new Linear(versor(need(base, p, 3)), ZERO, ZERO);
            case "VersorRigid3DTransform" -> new Linear(versor(need(base, p, 6)), center(base, f), slice(p, 3));
            case "QuaternionRigidTransform" -> new Linear(quaternion(need(base, p, 7)), center(base, f), slice(p, 4));
            case "Similarity3DTransform" -> {
                double[] m = versor(need(base, p, 7));
                if (!(p[6] > 0)) {
                    throw new IllegalArgumentException("the scale (7th parameter) must be positive, found " + p[6]);
                }
                for (int i = 0; i < 9; i++) {
                    m[i] *= p[6];
                }
                yield new Linear(m, center(base, f), slice(p, 3));
            }
            case "ScaleVersor3DTransform" -> {
                // ITK adds (scale - 1) to the rotation's diagonal (itkScaleVersor3DTransform ComputeMatrix).
                double[] m = versor(need(base, p, 9));
                addDiagonal(m, p, 6);
                yield new Linear(m, center(base, f), slice(p, 3));
            }
            case "ScaleSkewVersor3DTransform" -> {
                // ITK adds (scale - 1) to the diagonal and the six skews to the off-diagonal entries, row by row.
                double[] m = versor(need(base, p, 15));
                addDiagonal(m, p, 6);
                int[] offDiagonal = {1, 2, 3, 5, 6, 7};
                for (int k = 0; k < 6; k++) {
                    m[offDiagonal[k]] += p[9 + k];
                }
                yield new Linear(m, center(base, f), slice(p, 3));
            }
            case "ComposeScaleSkewVersor3DTransform" -> {
                // R * diag(scale) * upper unit triangle of the three skews.
                double[] r = versor(need(base, p, 12));
                double[] q = {p[6], p[6] * p[9], p[6] * p[10], 0, p[7], p[7] * p[11], 0, 0, p[8]};
                yield new Linear(multiply(r, q), center(base, f), slice(p, 3));
            }
            case "ScaleTransform" -> new Linear(diagonal(need(base, p, 3)), center(base, f), ZERO);
            case "ScaleLogarithmicTransform" -> {
                need(base, p, 3);
                yield new Linear(diagonal(new double[] {Math.exp(p[0]), Math.exp(p[1]), Math.exp(p[2])}),
                        center(base, f), ZERO);
            }
            default -> throw new IllegalArgumentException("not a linear ITK type: " + base);
        };
    }

    private static double[] euler(double[] p, double[] f) {
        boolean zyx = f.length >= 4 && f[3] != 0;
        return zyx ? Rotations.eulerZYX(p[0], p[1], p[2]) : Rotations.eulerZXY(p[0], p[1], p[2]);
    }

    private static double[] versor(double[] p) {
        return Rotations.versorMatrix(p[0], p[1], p[2]);
    }

    /**
     * The matrix of the quaternion {@code (x, y, z, w)} as ITK's QuaternionRigidTransform computes it (vnl's
     * rotation matrix, not normalised: a quaternion of norm n scales by n squared).
     */
    private static double[] quaternion(double[] p) {
        double x = p[0];
        double y = p[1];
        double z = p[2];
        double w = p[3];
        return new double[] {
            w * w + x * x - y * y - z * z, 2 * (x * y - w * z), 2 * (x * z + w * y),
            2 * (x * y + w * z), w * w - x * x + y * y - z * z, 2 * (y * z - w * x),
            2 * (x * z - w * y), 2 * (y * z + w * x), w * w - x * x - y * y + z * z
        };
    }

    private static void addDiagonal(double[] m, double[] p, int from) {
        for (int d = 0; d < 3; d++) {
            m[4 * d] += p[from + d] - 1;
        }
    }

    private static double[] multiply(double[] a, double[] b) {
        double[] c = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                c[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
            }
        }
        return c;
    }

    private static double[] identity() {
        return diagonal(new double[] {1, 1, 1});
    }

    private static double[] diagonal(double[] s) {
        return new double[] {s[0], 0, 0, 0, s[1], 0, 0, 0, s[2]};
    }

    private static double[] slice(double[] p, int from) {
        return Arrays.copyOfRange(p, from, from + 3);
    }

    /** ITK files may leave the centre out (an empty FixedParameters line): ITK then uses the origin. */
    private static double[] center(String base, double[] f) {
        if (f.length == 0) {
            return ZERO;
        }
        if (f.length < 3) {
            throw new IllegalArgumentException("FixedParameters (centre of rotation): expected 3 values for " + base
                    + ", found " + f.length + " values");
        }
        return slice(f, 0);
    }

    private static double[] need(String base, double[] p, int n) {
        if (p.length != n) {
            throw new IllegalArgumentException("Parameters: expected " + n + " values for " + base + ", found "
                    + p.length + " values");
        }
        return p;
    }
}
