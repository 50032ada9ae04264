package org.coreg.io.transform;

import java.nio.file.Path;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.io.ImageIOException.Problem;
import org.coreg.transform.AffineTransform;
import org.coreg.transform.BSplineTransform;
import org.coreg.transform.Direction;
import org.coreg.transform.LinearKind;
import org.coreg.transform.Rotations;
import org.coreg.transform.SpatialTransform;
import org.coreg.transform.ThinPlateSplineTransform;
import org.coreg.transform.DisplacementFieldTransform;

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
        // 3D Slicer writes the inverse of a nonlinear transform as Inverse<Type> (its own registered classes): the
        // same parameters, mapping the other way.
        boolean inverse = base.startsWith("Inverse") && !base.equals("InverseTransform");
        String type = inverse ? base.substring("Inverse".length()) : base;
        Direction d = inverse ? direction.reversed() : direction;
        double[] p = e.parameters();
        double[] f = e.fixed();
        try {
            if (ItkLinearTypes.NAMES.contains(type)) {
                ItkLinearTypes.Linear l = ItkLinearTypes.decode(type, p, f);
                return AffineTransform.of(l.map(), d).withCenter(l.center());
            }
            return switch (type) {
                // ITK 3's BSplineDeformableTransform stores the same grid layout as ITK 4's BSplineTransform.
                case "BSplineTransform", "BSplineDeformableTransform" -> bspline(e, d, file);
                // The smoothing variants are displacement fields that smooth their updates during registration.
                case "DisplacementFieldTransform", "GaussianSmoothingOnUpdateDisplacementFieldTransform",
                     "BSplineSmoothingOnUpdateDisplacementFieldTransform" -> ItkFieldParameters.decode(e, d, file);
                case "ThinPlateSplineKernelTransform" -> new ThinPlateSplineTransform(p, f, d);
                default -> throw new TransformFileException(file, e.line(), Problem.UNSUPPORTED,
                        "field Transform: expected a 3-D linear ITK transform (" + String.join(", ",
                        new java.util.TreeSet<>(ItkLinearTypes.NAMES)) + "), BSplineTransform, "
                        + "BSplineDeformableTransform, DisplacementFieldTransform or ThinPlateSplineKernelTransform, "
                        + "found " + e.type() + " (not supported)");
            };
        } catch (IllegalArgumentException ex) {
            throw new TransformFileException(file, e.line(), Problem.BAD_FIELD, e.type() + ": " + ex.getMessage());
        }
    }

    private static SpatialTransform bspline(Entry e, Direction direction, Path file) throws TransformFileException {
        ImageGeometry g = ItkGridParameters.decode(e, file, "grid", 4, "whole numbers of at least 4 nodes",
                "a valid control grid");
        count(e, e.parameters(), Numbers.coefficientCount(g), "Parameters (3 x grid nodes)", file);
        return new BSplineTransform(g, e.parameters(), direction);
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
            return new Entry("BSplineTransform_double_3_3", b.coefficients(), ItkGridParameters.encode(b.grid()), 0);
        }
        if (t instanceof ThinPlateSplineTransform s) {
            return new Entry("ThinPlateSplineKernelTransform_double_3_3", s.source(), s.target(), 0);
        }
        if (t instanceof DisplacementFieldTransform d) {
            return ItkFieldParameters.encode(d);
        }
        throw new TransformFileException(file, 0, Problem.UNSUPPORTED, "an ITK transform file cannot hold "
                + t.describe() + "; expected affine, rigid, similarity, B-spline, displacement field, thin-plate spline or a chain of those");
    }
}
