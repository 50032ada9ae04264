package org.coreg.io.transform;

import java.nio.file.Path;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.image.InvalidGeometryException;
import org.coreg.io.ImageIOException.Problem;
import org.coreg.transform.AffineTransform;
import org.coreg.transform.BSplineTransform;
import org.coreg.transform.Direction;
import org.coreg.transform.LinearKind;
import org.coreg.transform.Rotations;
import org.coreg.transform.SpatialTransform;

/**
 * One ITK transform (class name, Parameters, FixedParameters) to a Coreg transform and back. All ITK transforms are
 * in LPS mm; the class names are those of ITK 4/5 with {@code _double_3_3} or {@code _float_3_3} suffixes.
 */
final class ItkTransformCodec {
    /** One transform as the file holds it. */
    record Entry(String type, double[] parameters, double[] fixed, int line) {
    }

    private ItkTransformCodec() {
    }

    /** The class name without its {@code _double_3_3} / {@code _float_3_3} suffix. */
    static String baseName(String type) {
        int u = type.indexOf('_');
        return u < 0 ? type : type.substring(0, u);
    }

    static SpatialTransform decode(Entry e, Direction direction, Path file) throws TransformFileException {
        String base = baseName(e.type());
        if (!e.type().equals(base) && !e.type().endsWith("_3_3") && !e.type().endsWith("_3")) {
            throw new TransformFileException(file, e.line(), Problem.UNSUPPORTED, "field Transform: expected a "
                    + "3-D transform (_double_3_3), found " + e.type() + " (not supported)");
        }
        double[] p = e.parameters();
        double[] f = e.fixed();
        try {
            return switch (base) {
                case "IdentityTransform" -> AffineTransform.identity(direction);
                case "TranslationTransform" -> {
                    count(e, p, 3, "Parameters", file);
                    yield AffineTransform.of(AffineMap.ofRowMajor3x4(1, 0, 0, p[0], 0, 1, 0, p[1], 0, 0, 1, p[2]),
                            direction);
                }
                case "AffineTransform", "MatrixOffsetTransformBase" -> {
                    count(e, p, 12, "Parameters", file);
                    double[] c = center(e, f, file);
                    double[] a = java.util.Arrays.copyOf(p, 9);
                    double[] t = {p[9], p[10], p[11]};
                    AffineMap m = Rotations.aboutCenter(a, c, t);
                    yield AffineTransform.of(m, direction).withCenter(c);
                }
                case "Euler3DTransform" -> {
                    count(e, p, 6, "Parameters", file);
                    double[] c = center(e, f, file);
                    boolean zyx = f.length >= 4 && f[3] != 0;
                    double[] r = zyx ? Rotations.eulerZYX(p[0], p[1], p[2]) : Rotations.eulerZXY(p[0], p[1], p[2]);
                    yield AffineTransform.of(Rotations.aboutCenter(r, c, new double[] {p[3], p[4], p[5]}), direction,
                            LinearKind.RIGID, c);
                }
                case "VersorRigid3DTransform" -> {
                    count(e, p, 6, "Parameters", file);
                    double[] c = center(e, f, file);
                    double[] r = Rotations.versorMatrix(p[0], p[1], p[2]);
                    yield AffineTransform.of(Rotations.aboutCenter(r, c, new double[] {p[3], p[4], p[5]}), direction,
                            LinearKind.RIGID, c);
                }
                case "Similarity3DTransform" -> {
                    count(e, p, 7, "Parameters", file);
                    double[] c = center(e, f, file);
                    double[] r = Rotations.versorMatrix(p[0], p[1], p[2]);
                    if (!(p[6] > 0)) {
                        throw TransformFileException.badField(file, e.line(), "Parameters (scale, 7th value)",
                                "a positive scale", p[6]);
                    }
                    for (int i = 0; i < 9; i++) {
                        r[i] *= p[6];
                    }
                    yield AffineTransform.of(Rotations.aboutCenter(r, c, new double[] {p[3], p[4], p[5]}), direction,
                            LinearKind.SIMILARITY, c);
                }
                // ITK 3's BSplineDeformableTransform stores the same grid layout as ITK 4's BSplineTransform.
                case "BSplineTransform", "BSplineDeformableTransform" -> bspline(e, direction, file);
                default -> throw new TransformFileException(file, e.line(), Problem.UNSUPPORTED,
                        "field Transform: expected AffineTransform, MatrixOffsetTransformBase, Euler3DTransform, "
                                + "VersorRigid3DTransform, Similarity3DTransform, TranslationTransform, "
                                + "IdentityTransform, BSplineTransform or BSplineDeformableTransform, found " + e.type() + " (not supported)");
            };
        } catch (IllegalArgumentException ex) {
            throw new TransformFileException(file, e.line(), Problem.BAD_FIELD, e.type() + ": " + ex.getMessage());
        }
    }

    private static SpatialTransform bspline(Entry e, Direction direction, Path file) throws TransformFileException {
        double[] f = e.fixed();
        count(e, f, 18, "FixedParameters (grid size, origin, spacing, direction)", file);
        int[] size = new int[3];
        for (int d = 0; d < 3; d++) {
            if (f[d] != Math.rint(f[d]) || f[d] < 4 || f[d] > 1e5) {
                throw TransformFileException.badField(file, e.line(), "FixedParameters (grid size)",
                        "whole numbers of at least 4 nodes", f[0] + " " + f[1] + " " + f[2]);
            }
            size[d] = (int) f[d];
        }
        ImageGeometry g;
        try {
            g = ImageGeometry.of(size, new double[] {f[6], f[7], f[8]}, new double[] {f[3], f[4], f[5]},
                    java.util.Arrays.copyOfRange(f, 9, 18));
        } catch (InvalidGeometryException ex) {
            throw TransformFileException.badField(file, e.line(), "FixedParameters", "a valid control grid",
                    ex.getMessage());
        }
        count(e, e.parameters(), Numbers.coefficientCount(g), "Parameters (3 x grid nodes)", file);
        return new BSplineTransform(g, e.parameters(), direction);
    }

    private static double[] center(Entry e, double[] f, Path file) throws TransformFileException {
        if (f.length < 3) {
            throw TransformFileException.badField(file, e.line(), "FixedParameters (centre of rotation)",
                    "3 values for " + e.type(), f.length + " values");
        }
        return new double[] {f[0], f[1], f[2]};
    }

    private static void count(Entry e, double[] v, long n, String field, Path file) throws TransformFileException {
        if (v.length != n) {
            throw TransformFileException.badField(file, e.line(), field, n + " values for " + e.type(),
                    v.length + " values");
        }
    }

    private static Entry affine(double[] m, double[] tr, double[] c) {
        double[] p = java.util.Arrays.copyOf(m, 12);
        System.arraycopy(tr, 0, p, 9, 3);
        return new Entry("AffineTransform_double_3_3", p, c, 0);
    }

    /**
     * The entry for {@code t}: rigid as VersorRigid3DTransform, everything else linear as AffineTransform (the kinds
     * every ITK-based reader knows: plastimatch 1.9, for one, reads neither Euler3D nor Similarity3D), B-spline as
     * BSplineTransform. The kind is inferred again from the matrix on reading.
     */
    static Entry encode(SpatialTransform t, Path file) throws TransformFileException {
        if (t instanceof AffineTransform a) {
            double[] c = a.center();
            double[] tr = a.translationAboutCenter();
            double[] m = a.map().linear();
            return switch (a.kind()) {
                case RIGID -> {
                    double[] v = Rotations.versorOf(m);
                    yield new Entry("VersorRigid3DTransform_double_3_3",
                            new double[] {v[0], v[1], v[2], tr[0], tr[1], tr[2]}, c, 0);
                }
                case SIMILARITY -> affine(m, tr, c);
                case AFFINE -> affine(m, tr, c);
            };
        }
        if (t instanceof BSplineTransform b) {
            ImageGeometry g = b.grid();
            double[] f = new double[18];
            for (int d = 0; d < 3; d++) {
                f[d] = g.size(d);
                f[3 + d] = g.origin()[d];
                f[6 + d] = g.spacing(d);
            }
            System.arraycopy(g.direction(), 0, f, 9, 9);
            return new Entry("BSplineTransform_double_3_3", b.coefficients(), f, 0);
        }
        throw new TransformFileException(file, 0, Problem.UNSUPPORTED, "an ITK transform file cannot hold "
                + t.describe() + "; expected affine, rigid, similarity, B-spline or a chain of those");
    }
}
