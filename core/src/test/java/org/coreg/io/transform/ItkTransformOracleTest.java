package org.coreg.io.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.coreg.testing.ItkOracle;
import org.coreg.testing.TestVolumes;
import org.coreg.transform.Rotations;
import org.coreg.transform.SpatialTransform;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ITK itself as the oracle for files ITK wrote: each transform type is given to ITK as text, ITK writes it back as
 * text and as HDF5 ({@code .h5}, double and float), and Coreg's reading of ITK's files must map 200 points as ITK
 * maps them, within 1e-4 mm (1e-3 mm for single precision, whose parameters ITK rounds).
 */
class ItkTransformOracleTest {
    @TempDir
    Path dir;

    static String tfm(String... transforms) {
        StringBuilder sb = new StringBuilder("#Insight Transform File V1.0\n");
        for (int i = 0; i < transforms.length; i++) {
            sb.append("#Transform ").append(i).append('\n').append(transforms[i]);
        }
        return sb.toString();
    }

    static String entry(String type, double[] p, double[] f) {
        return "Transform: " + type + "\nParameters: " + Numbers.join(p) + "\nFixedParameters: " + Numbers.join(f)
                + "\n";
    }

    static double[] v(double... x) {
        return x;
    }

    static double[] concat(double[]... parts) {
        return Stream.of(parts).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    static double[] random(int n, double scale, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = scale * (2 * r.nextDouble() - 1);
        }
        return x;
    }

    /** A 7x6x6 control grid (or field grid) with an oblique direction, row by row, as ITK's fixed parameters. */
    static double[] grid(int nx, int ny, int nz, double spacing) {
        return concat(v(nx, ny, nz), v(-22, -18, -15), v(spacing, spacing * 1.1, spacing * 1.2),
                TestVolumes.rotation(0.1, -0.05, 0.2));
    }

    static final double[] CENTER = {3, -4, 5};
    static final double[] ROT = Rotations.eulerZXY(0.1, -0.2, 0.3);

    static Stream<Arguments> itkFiles() {
        double[] bsGrid = grid(7, 6, 6, 9);
        double[] fieldGrid = grid(6, 5, 4, 9);
        String bspline = entry("BSplineTransform_double_3_3", random(3 * 7 * 6 * 6, 3, 1), bsGrid);
        String affine = entry("AffineTransform_double_3_3", v(1.1, 0.1, 0, -0.05, 0.9, 0.05, 0.02, 0, 1.05, 3, 4, 5),
                CENTER);
        return Stream.of(
                Arguments.of("Affine", tfm(affine)),
                Arguments.of("Rigid3D", tfm(entry("Rigid3DTransform_double_3_3", concat(ROT, v(1, -2, 3)), CENTER))),
                Arguments.of("ScalableAffine", tfm(entry("ScalableAffineTransform_double_3_3",
                        v(1.1, 0.1, 0, -0.05, 0.9, 0.05, 0.02, 0, 1.05, 3, 4, 5), CENTER))),
                Arguments.of("FixedCenterOfRotationAffine", tfm(entry("FixedCenterOfRotationAffineTransform_double_3_3",
                        v(1.1, 0.1, 0, -0.05, 0.9, 0.05, 0.02, 0, 1.05, 3, 4, 5), CENTER))),
                Arguments.of("CenteredAffine", tfm(entry("CenteredAffineTransform_double_3_3",
                        v(1.1, 0.1, 0, -0.05, 0.9, 0.05, 0.02, 0, 1.05, 7, 8, -9, 3, 4, 5), CENTER))),
                Arguments.of("Euler3D", tfm(entry("Euler3DTransform_double_3_3", v(0.1, -0.2, 0.3, 1, 2, 3), CENTER))),
                Arguments.of("Euler3D-ZYX", tfm(entry("Euler3DTransform_double_3_3", v(0.1, -0.2, 0.3, 1, 2, 3),
                        concat(CENTER, v(1))))),
                Arguments.of("CenteredEuler3D", tfm(entry("CenteredEuler3DTransform_double_3_3",
                        v(0.1, -0.2, 0.3, 7, 8, -9, 1, 2, 3), CENTER))),
                Arguments.of("Versor", tfm(entry("VersorTransform_double_3_3", v(0.1, -0.2, 0.05), CENTER))),
                Arguments.of("VersorRigid3D", tfm(entry("VersorRigid3DTransform_double_3_3",
                        v(0.1, -0.2, 0.05, 1, 2, 3), CENTER))),
                Arguments.of("QuaternionRigid", tfm(entry("QuaternionRigidTransform_double_3_3",
                        v(0.1, -0.2, 0.05, Math.sqrt(1 - 0.0525), 1, 2, 3), CENTER))),
                Arguments.of("Similarity3D", tfm(entry("Similarity3DTransform_double_3_3",
                        v(0.1, -0.2, 0.05, 1, 2, 3, 1.2), CENTER))),
                Arguments.of("ScaleVersor3D", tfm(entry("ScaleVersor3DTransform_double_3_3",
                        v(0.1, -0.2, 0.05, 1, 2, 3, 1.2, 0.9, 1.1), CENTER))),
                Arguments.of("ScaleSkewVersor3D", tfm(entry("ScaleSkewVersor3DTransform_double_3_3",
                        v(0.1, -0.2, 0.05, 1, 2, 3, 1.2, 0.9, 1.1, 0.01, 0.02, 0.03, -0.01, -0.02, 0.04), CENTER))),
                Arguments.of("ComposeScaleSkewVersor3D", tfm(entry("ComposeScaleSkewVersor3DTransform_double_3_3",
                        v(0.1, -0.2, 0.05, 1, 2, 3, 1.2, 0.9, 1.1, 0.05, -0.1, 0.08), CENTER))),
                Arguments.of("Scale", tfm(entry("ScaleTransform_double_3_3", v(1.2, 0.9, 1.1), CENTER))),
                Arguments.of("ScaleLogarithmic", tfm(entry("ScaleLogarithmicTransform_double_3_3",
                        v(0.2, -0.1, 0.05), CENTER))),
                Arguments.of("Translation", tfm(entry("TranslationTransform_double_3_3", v(1, -2, 3), v()))),
                Arguments.of("Identity", tfm(entry("IdentityTransform_double_3_3", v(), v()))),
                Arguments.of("BSpline", tfm(bspline)),
                Arguments.of("BSplineDeformable-with-bulk", tfm(entry("BSplineDeformableTransform_double_3_3",
                        random(3 * 7 * 6 * 6, 3, 2), bsGrid), affine)),
                Arguments.of("DisplacementField", tfm(entry("DisplacementFieldTransform_double_3_3",
                        random(3 * 6 * 5 * 4, 4, 3), fieldGrid))),
                Arguments.of("ThinPlateSpline", ""),
                Arguments.of("Composite-affine-bspline", tfm("Transform: CompositeTransform_double_3_3\n", bspline,
                        affine)),
                Arguments.of("Composite-field-rigid", tfm("Transform: CompositeTransform_double_3_3\n",
                        entry("VersorRigid3DTransform_double_3_3", v(0.1, -0.2, 0.05, 1, 2, 3), CENTER),
                        entry("DisplacementFieldTransform_double_3_3", random(3 * 6 * 5 * 4, 4, 5), fieldGrid))));
    }

    /** Points spread over the grids' extent (about -25..45 mm), plus points well outside. */
    static double[][] points() {
        Random r = new Random(7);
        double[][] p = new double[200][];
        for (int i = 0; i < p.length; i++) {
            double s = i < 180 ? 1 : 4;
            p[i] = new double[] {s * (-20 + 60 * r.nextDouble()), s * (-15 + 50 * r.nextDouble()),
                s * (-12 + 45 * r.nextDouble())};
        }
        return p;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("itkFiles")
    void mapsPointsAsItkDoesForFilesItkWrote(String name, String text) throws Exception {
        Path given = dir.resolve(name + "-given.tfm");
        Files.writeString(given, text);
        if (name.equals("ThinPlateSpline")) {
            // Target landmarks: the source ones moved by up to 3 mm, so the spline is a real deformation.
            double[] src = random(3 * 7, 20, 4);
            double[] dst = src.clone();
            double[] shift = random(3 * 7, 3, 6);
            for (int i = 0; i < dst.length; i++) {
                dst[i] += shift[i];
            }
            Files.writeString(given, tfm(entry("ThinPlateSplineKernelTransform_double_3_3", src, dst)));
        }
        double[][] pts = points();
        for (String ext : List.of(".tfm", ".h5")) {
            Path written = dir.resolve(name + "-itk" + ext);
            ItkOracle.convert(given, written);
            assertSameMapping(written, pts, 1e-4);
        }
        // ITK cannot read back its own single-precision Rigid3D (the rounded matrix fails its orthogonality check).
        if (!name.equals("Rigid3D")) {
            Path single = dir.resolve(name + "-itk-float.h5");
            ItkOracle.convertFloat(given, single);
            assertSameMapping(single, pts, 1e-3);
        }
    }

    static void assertSameMapping(Path file, double[][] pts, double tolerance) throws Exception {
        SpatialTransform ours = TransformFiles.read(file);
        double[][] theirs = ItkOracle.map(file, pts);
        double worst = 0;
        for (int i = 0; i < pts.length; i++) {
            double[] q = ours.apply(pts[i].clone());
            for (int d = 0; d < 3; d++) {
                worst = Math.max(worst, Math.abs(q[d] - theirs[i][d]));
            }
        }
        assertThat(worst).as("largest |Coreg - ITK| over %d points of %s (%s)", pts.length, file.getFileName(),
                ours.describe()).isLessThan(tolerance);
    }
}
