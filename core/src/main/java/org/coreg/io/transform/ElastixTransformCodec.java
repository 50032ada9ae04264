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

/** One elastix transform (the "Transform" parameter and its specific parameters) to a Coreg transform and back. */
final class ElastixTransformCodec {
    private ElastixTransformCodec() {
    }

    static SpatialTransform decode(ElastixParameters p, Path file) throws TransformFileException {
        String type = p.string("Transform", null);
        if (type == null) {
            throw new TransformFileException(file, 0, Problem.BAD_FIELD, "field Transform: expected "
                    + "(Transform \"EulerTransform\") or another transform name, found none");
        }
        Direction d = Direction.FIXED_TO_MOVING;
        int n = p.has("NumberOfParameters") ? (int) p.numbers("NumberOfParameters", 1)[0] : -1;
        double[] t = p.numbers("TransformParameters", n);
        try {
            return switch (type) {
                case "EulerTransform" -> {
                    count(p, t, 6, type, file);
                    double[] c = p.numbers("CenterOfRotationPoint", 3);
                    boolean zyx = p.string("ComputeZYX", "false").equals("true");
                    double[] r = zyx ? Rotations.eulerZYX(t[0], t[1], t[2]) : Rotations.eulerZXY(t[0], t[1], t[2]);
                    yield AffineTransform.of(Rotations.aboutCenter(r, c, new double[] {t[3], t[4], t[5]}), d,
                            LinearKind.RIGID, c);
                }
                case "SimilarityTransform" -> {
                    count(p, t, 7, type, file);
                    double[] c = p.numbers("CenterOfRotationPoint", 3);
                    double[] r = Rotations.versorMatrix(t[0], t[1], t[2]);
                    for (int i = 0; i < 9; i++) {
                        r[i] *= t[6];
                    }
                    yield AffineTransform.of(Rotations.aboutCenter(r, c, new double[] {t[3], t[4], t[5]}), d,
                            LinearKind.SIMILARITY, c);
                }
                case "AffineTransform" -> {
                    count(p, t, 12, type, file);
                    double[] c = p.numbers("CenterOfRotationPoint", 3);
                    AffineMap m = Rotations.aboutCenter(java.util.Arrays.copyOf(t, 9), c,
                            new double[] {t[9], t[10], t[11]});
                    yield AffineTransform.of(m, d, LinearKind.AFFINE, c);
                }
                case "TranslationTransform" -> {
                    count(p, t, 3, type, file);
                    yield AffineTransform.of(AffineMap.ofRowMajor3x4(1, 0, 0, t[0], 0, 1, 0, t[1], 0, 0, 1, t[2]), d);
                }
                case "BSplineTransform", "RecursiveBSplineTransform" -> bspline(p, t, file);
                default -> throw new TransformFileException(file, p.line("Transform"), Problem.UNSUPPORTED,
                        "field Transform: expected EulerTransform, SimilarityTransform, AffineTransform, "
                                + "TranslationTransform or BSplineTransform, found \"" + type + "\" (not supported)");
            };
        } catch (IllegalArgumentException e) {
            throw new TransformFileException(file, p.line("Transform"), Problem.BAD_FIELD, type + ": "
                    + e.getMessage());
        }
    }

    private static SpatialTransform bspline(ElastixParameters p, double[] t, Path file) throws TransformFileException {
        String order = p.string("BSplineTransformSplineOrder", "3");
        if (!order.equals("3")) {
            throw new TransformFileException(file, p.line("BSplineTransformSplineOrder"), Problem.UNSUPPORTED,
                    "field BSplineTransformSplineOrder: expected 3, found " + order + " (not supported)");
        }
        if (p.string("UseCyclicTransform", "false").equals("true")) {
            throw new TransformFileException(file, p.line("UseCyclicTransform"), Problem.UNSUPPORTED,
                    "field UseCyclicTransform: expected \"false\", found \"true\" (not supported)");
        }
        int[] size = wholeNumbers(p, "GridSize", file);
        int[] index = p.has("GridIndex") ? wholeNumbers(p, "GridIndex", file) : new int[3];
        double[] spacing = p.numbers("GridSpacing", 3);
        double[] origin = p.numbers("GridOrigin", 3);
        double[] dir = p.has("GridDirection") ? rowMajor(p.numbers("GridDirection", 9))
                : new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1};
        ImageGeometry g = ElastixTransformFile.checkedGrid(size, spacing, origin, dir, file, p.line("GridSize"),
                "GridSize/GridSpacing/GridOrigin/GridDirection");
        if (index[0] != 0 || index[1] != 0 || index[2] != 0) {
            g = g.withOrigin(g.indexToWorld(index[0], index[1], index[2]));
        }
        count(p, t, Numbers.coefficientCount(g), "BSplineTransform (3 x GridSize nodes)", file);
        return new BSplineTransform(g, t, Direction.FIXED_TO_MOVING);
    }

    /** The fixed image grid transformix resamples onto (Size, Index, Spacing, Origin, Direction). */
    static ImageGeometry fixedGrid(ElastixParameters p, Path file) throws TransformFileException {
        int[] size = wholeNumbers(p, "Size", file);
        int[] index = p.has("Index") ? wholeNumbers(p, "Index", file) : new int[3];
        double[] spacing = p.numbers("Spacing", 3);
        double[] origin = p.numbers("Origin", 3);
        double[] dir = p.has("Direction") ? rowMajor(p.numbers("Direction", 9))
                : new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1};
        ImageGeometry g = ElastixTransformFile.checkedGrid(size, spacing, origin, dir, file, p.line("Size"),
                "Size/Spacing/Origin/Direction");
        return index[0] == 0 && index[1] == 0 && index[2] == 0 ? g
                : g.withOrigin(g.indexToWorld(index[0], index[1], index[2]));
    }

    private static int[] wholeNumbers(ElastixParameters p, String key, Path file) throws TransformFileException {
        double[] v = p.numbers(key, 3);
        int[] r = new int[3];
        for (int i = 0; i < 3; i++) {
            if (v[i] != Math.rint(v[i]) || Math.abs(v[i]) > 1e7) {
                throw TransformFileException.badField(file, p.line(key), key, "whole numbers", Numbers.join(v));
            }
            r[i] = (int) v[i];
        }
        return r;
    }

    private static void count(ElastixParameters p, double[] t, long n, String type, Path file)
            throws TransformFileException {
        if (t.length != n) {
            throw TransformFileException.badField(file, p.line("TransformParameters"), "TransformParameters",
                    n + " values for " + type, t.length + " values");
        }
    }

    /** elastix lists a direction matrix column by column; this returns it row-major (its own inverse). */
    static double[] rowMajor(double[] columnMajor) {
        return new double[] {columnMajor[0], columnMajor[3], columnMajor[6], columnMajor[1], columnMajor[4],
            columnMajor[7], columnMajor[2], columnMajor[5], columnMajor[8]};
    }

    static double[] columnMajor(double[] rowMajor) {
        return rowMajor(rowMajor);
    }

    /**
     * The transform-specific lines of one step: rigid as EulerTransform, B-spline as BSplineTransform, everything
     * else linear (similarity included) as AffineTransform, because elastix builds such as Debian's 5.0.1 lack the
     * SimilarityTransform component; the map is the same.
     */
    static String encode(SpatialTransform t, Path file) throws TransformFileException {
        StringBuilder sb = new StringBuilder();
        if (t instanceof AffineTransform a) {
            double[] c = a.center();
            double[] tr = a.translationAboutCenter();
            double[] m = a.map().linear();
            double[] params;
            String type;
            switch (a.kind()) {
                case RIGID -> {
                    double[] ang = Rotations.eulerZXYAngles(m);
                    type = "EulerTransform";
                    params = new double[] {ang[0], ang[1], ang[2], tr[0], tr[1], tr[2]};
                }
                default -> {
                    type = "AffineTransform";
                    params = java.util.Arrays.copyOf(m, 12);
                    System.arraycopy(tr, 0, params, 9, 3);
                }
            }
            sb.append(ElastixParameters.line("Transform", type));
            sb.append(ElastixParameters.line("NumberOfParameters", params.length));
            sb.append(ElastixParameters.line("TransformParameters", params));
            sb.append(ElastixParameters.line("CenterOfRotationPoint", c));
            if (a.kind() == LinearKind.RIGID) {
                sb.append(ElastixParameters.line("ComputeZYX", "false"));
            }
            return sb.toString();
        }
        if (t instanceof BSplineTransform b) {
            ImageGeometry g = b.grid();
            double[] coef = b.coefficients();
            sb.append(ElastixParameters.line("Transform", "BSplineTransform"));
            sb.append(ElastixParameters.line("NumberOfParameters", coef.length));
            sb.append(ElastixParameters.line("TransformParameters", coef));
            sb.append(ElastixParameters.line("GridSize", g.size(0), g.size(1), g.size(2)));
            sb.append(ElastixParameters.line("GridIndex", 0, 0, 0));
            sb.append(ElastixParameters.line("GridSpacing", g.spacing()));
            sb.append(ElastixParameters.line("GridOrigin", g.origin()));
            sb.append(ElastixParameters.line("GridDirection", columnMajor(g.direction())));
            sb.append(ElastixParameters.line("BSplineTransformSplineOrder", 3));
            sb.append(ElastixParameters.line("UseCyclicTransform", "false"));
            return sb.toString();
        }
        throw new TransformFileException(file, 0, Problem.UNSUPPORTED, "an elastix file cannot hold "
                + t.describe() + "; expected affine, rigid, similarity, B-spline or a chain of those");
    }
}
