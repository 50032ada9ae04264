package org.coreg.io.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.coreg.image.AffineMap;
import org.coreg.io.ImageIOException;
import org.coreg.transform.AffineTransform;
import org.coreg.transform.CompositeTransform;
import org.coreg.transform.Direction;
import org.coreg.transform.LinearKind;
import org.coreg.transform.Rotations;
import org.coreg.transform.SpatialTransform;
import org.coreg.transform.TransformTestData;
import org.coreg.transform.Transforms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ItkTransformFileTest {
    @TempDir
    Path dir;

    static double maxPointDifference(SpatialTransform a, SpatialTransform b) {
        double worst = 0;
        for (double[] p : TransformTestData.points(200, 11)) {
            worst = Math.max(worst, TransformTestData.distance(a.apply(p), b.apply(p)));
        }
        return worst;
    }

    @Test
    void everyLinearKindRoundTripsWithinANanometre() throws Exception {
        double[] c = {12.5, -30, 44};
        AffineMap rigid = TransformTestData.rigid(0.3, -0.2, 1.1, c, new double[] {3, -4, 5});
        double[] s = Rotations.eulerZXY(-0.4, 0.25, 0.6);
        for (int i = 0; i < 9; i++) {
            s[i] *= 0.87;
        }
        AffineMap similarity = AffineMap.of(s, new double[] {1, 2, 3});
        for (AffineTransform t : new AffineTransform[] {AffineTransform.fixedToMoving(rigid).withCenter(c),
            AffineTransform.fixedToMoving(similarity).withCenter(c),
            AffineTransform.fixedToMoving(TransformTestData.shearedAffine()).withCenter(c)}) {
            Path f = dir.resolve(t.kind() + ".tfm");
            TransformFiles.write(t, f);
            SpatialTransform back = TransformFiles.read(f);
            assertThat(back).isInstanceOf(AffineTransform.class);
            AffineTransform a = (AffineTransform) back;
            assertThat(a.kind()).isEqualTo(t.kind());
            assertThat(a.direction()).isEqualTo(Direction.FIXED_TO_MOVING);
            assertThat(a.center()).containsExactly(c);
            assertThat(a.map().maxAbsDifference(t.map())).isLessThan(1e-9);
        }
        assertThat(Files.readString(dir.resolve("RIGID.tfm"))).contains("Transform: VersorRigid3DTransform_double_3_3");
        assertThat(Files.readString(dir.resolve("SIMILARITY.tfm"))).contains("Transform: AffineTransform_double_3_3");
        assertThat(Files.readString(dir.resolve("AFFINE.tfm"))).contains("Transform: AffineTransform_double_3_3");
    }

    @Test
    void readsTheParameterisationsItkWrites() throws Exception {
        // Hand-checked values: a quarter turn about z centred at (10, 0, 0), then 1 mm along S.
        Path euler = dir.resolve("euler.tfm");
        Files.writeString(euler, """
                #Insight Transform File V1.0
                #Transform 0
                Transform: Euler3DTransform_double_3_3
                Parameters: 0 0 1.5707963267948966 0 0 1
                FixedParameters: 10 0 0 0
                """);
        assertThat(TransformFiles.read(euler).apply(11, 0, 0)).containsExactly(new double[] {10, 1, 1},
                org.assertj.core.data.Offset.offset(1e-12));
        // Versor of a half turn about x: (1, 0, 0); maps (0, 1, 0) to (0, -1, 0).
        Path versor = dir.resolve("versor.txt");
        Files.writeString(versor, """
                #Insight Transform File V1.0
                #Transform 0
                Transform: VersorRigid3DTransform_double_3_3
                Parameters: 1 0 0 5 0 0
                FixedParameters: 0 0 0
                """);
        assertThat(TransformFiles.read(versor).apply(0, 1, 0)).containsExactly(new double[] {5, -1, 0},
                org.assertj.core.data.Offset.offset(1e-12));
        // Similarity3D: versor, translation, scale; here scale 2 about (1, 1, 1), then (1, 2, 3).
        Path sim = dir.resolve("sim.tfm");
        Files.writeString(sim, """
                #Insight Transform File V1.0
                #Transform 0
                Transform: Similarity3DTransform_double_3_3
                Parameters: 0 0 0 1 2 3 2
                FixedParameters: 1 1 1
                """);
        assertThat(TransformFiles.read(sim).apply(2, 1, 1)).containsExactly(new double[] {4, 3, 4},
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(((AffineTransform) TransformFiles.read(sim)).kind()).isEqualTo(LinearKind.SIMILARITY);
        // MatrixOffsetTransformBase: y = A(x - c) + c + t.
        Path mo = dir.resolve("mo.tfm");
        Files.writeString(mo, """
                #Insight Transform File V1.0
                #Transform 0
                Transform: MatrixOffsetTransformBase_double_3_3
                Parameters: 2 0 0 0 1 0 0 0 1 1 2 3
                FixedParameters: 1 1 1
                """);
        assertThat(TransformFiles.read(mo).apply(0, 0, 0)).containsExactly(new double[] {0, 2, 3},
                org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void compositeKeepsItkQueueOrder() throws Exception {
        AffineTransform first = AffineTransform.fixedToMoving(TransformTestData.rigid(0.2, 0, 0, new double[3],
                new double[] {10, 0, 0}));
        AffineTransform second = AffineTransform.fixedToMoving(TransformTestData.shearedAffine());
        CompositeTransform chain = new CompositeTransform(java.util.List.of(first, second));
        Path f = dir.resolve("chain.tfm");
        TransformFiles.write(chain, f);
        String text = Files.readString(f);
        // ITK applies the last listed first: the shear (applied second) is listed first.
        assertThat(text.indexOf("AffineTransform_double_3_3")).isLessThan(text.indexOf("VersorRigid3DTransform"));
        SpatialTransform back = TransformFiles.read(f);
        assertThat(back).isInstanceOf(CompositeTransform.class);
        assertThat(maxPointDifference(back, Transforms.compose(first, second))).isLessThan(1e-9);
    }

    @Test
    void directionCommentRoundTrips() throws Exception {
        AffineTransform t = AffineTransform.fixedToMoving(TransformTestData.shearedAffine()).inverse();
        Path f = dir.resolve("inv.tfm");
        TransformFiles.write(t, f);
        assertThat(TransformFiles.read(f).direction()).isEqualTo(Direction.MOVING_TO_FIXED);
        assertThat(maxPointDifference(TransformFiles.read(f), t)).isLessThan(1e-9);
    }

    @Test
    void matrixFilesRoundTripInLpsAndRas() throws Exception {
        AffineTransform t = AffineTransform.fixedToMoving(TransformTestData.shearedAffine());
        for (String name : new String[] {"a.matrix-lps.txt", "a.matrix-ras.txt"}) {
            Path f = dir.resolve(name);
            TransformFiles.write(t, f);
            assertThat(Files.readString(f)).startsWith(MatrixTransformFile.MAGIC + (name.contains("ras") ? " RAS"
                    : " LPS"));
            assertThat(((AffineTransform) TransformFiles.read(f)).map().maxAbsDifference(t.map())).isLessThan(1e-12);
        }
        // In RAS, a translation of +1 along L (LPS x) reads as -1 along R.
        Path f = dir.resolve("shift.matrix-ras.txt");
        TransformFiles.write(AffineTransform.fixedToMoving(AffineMap.ofRowMajor3x4(1, 0, 0, 1, 0, 1, 0, 0, 0, 0, 1,
                0)), f);
        assertThat(Files.readAllLines(f).get(2)).isEqualTo("1 0 0 -1");
    }

    @Test
    void badFilesNameTheFileLineAndField() throws Exception {
        Path f = dir.resolve("bad.tfm");
        Files.writeString(f, "#Insight Transform File V1.0\nTransform: AffineTransform_double_3_3\n"
                + "Parameters: 1 0 0 0 1 0 0 0 1 0 0\nFixedParameters: 0 0 0\n");
        assertThatThrownBy(() -> TransformFiles.read(f)).isInstanceOf(TransformFileException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("line 2")
                .hasMessageContaining("12 values").hasMessageContaining("found 11 values");
        Files.writeString(f, "#Insight Transform File V1.0\nTransform: KernelTransform_double_3_3\n"
                + "Parameters: 1\nFixedParameters: 0\n");
        assertThatThrownBy(() -> TransformFiles.read(f)).isInstanceOf(TransformFileException.class)
                .hasMessageContaining("KernelTransform").hasMessageContaining("not supported")
                .satisfies(e -> assertThat(((ImageIOException) e).problem())
                        .isEqualTo(ImageIOException.Problem.UNSUPPORTED));
        Files.writeString(f, "#Insight Transform File V1.0\nTransform: Euler3DTransform_double_3_3\n"
                + "Parameters: 0 0 0 1 2 3\n");
        assertThatThrownBy(() -> TransformFiles.read(f)).hasMessageContaining("FixedParameters")
                .hasMessageContaining("line 2");
        Files.writeString(f, "#Insight Transform File V1.0\nTransform: AffineTransform_double_3_3\n"
                + "Parameters: 1 0 0 0 1 0 0 0 x 0 0 0\nFixedParameters: 0 0 0\n");
        assertThatThrownBy(() -> TransformFiles.read(f)).hasMessageContaining("line 3").hasMessageContaining("'x'");
        Files.writeString(f, "hello\n");
        assertThatThrownBy(() -> TransformFiles.read(f)).isInstanceOf(TransformFileException.class)
                .hasMessageContaining("'hello'");
        assertThatThrownBy(() -> TransformFiles.read(dir.resolve("missing.tfm")))
                .isInstanceOf(TransformFileException.class).hasMessageContaining("does not exist");
        Path m = dir.resolve("m.matrix.txt");
        Files.writeString(m, MatrixTransformFile.MAGIC + " LPS mm, fixed->moving\n1 0 0 0\n0 1 0 0\n0 0 0 0\n0 0 0 1\n");
        assertThatThrownBy(() -> TransformFiles.read(m)).hasMessageContaining("determinant");
        Files.writeString(m, MatrixTransformFile.MAGIC + " XYZ mm, fixed->moving\n");
        assertThatThrownBy(() -> TransformFiles.read(m)).hasMessageContaining("LPS or RAS")
                .hasMessageContaining("line 1");
    }

    @Test
    void singularAffineIsRefusedWhenInverted() throws Exception {
        Path f = dir.resolve("s.tfm");
        Files.writeString(f, "#Insight Transform File V1.0\nTransform: AffineTransform_double_3_3\n"
                + "Parameters: 1 0 0 0 1 0 0 0 0 0 0 0\nFixedParameters: 0 0 0\n");
        SpatialTransform t = TransformFiles.read(f);
        assertThat(((AffineTransform) t).kind()).isEqualTo(LinearKind.AFFINE);
        assertThatThrownBy(() -> Transforms.inverse(t))
                .isInstanceOf(org.coreg.transform.NonInvertibleTransformException.class);
    }

    @Test
    void bsplineLayoutIsItks() throws Exception {
        // 6x6x6 nodes from -5 mm every 5 mm; only node (2, 2, 2) (at 5, 5, 5) has a displacement: 1 mm along x.
        // ITK (checked with plastimatch's ITK reader on this file) displaces (5, 5, 5) by B3(0)^3 = (2/3)^3 and
        // (0, 5, 5) by B3(1) B3(0)^2 = (1/6)(2/3)^2; from grid index size-2 = 4 (x = 15) on, the map is the identity.
        double[] c = new double[3 * 216];
        c[2 + 6 * (2 + 6 * 2)] = 1;
        StringBuilder params = new StringBuilder();
        for (double v : c) {
            params.append(' ').append(v);
        }
        Path f = dir.resolve("bspline.tfm");
        Files.writeString(f, "#Insight Transform File V1.0\n#Transform 0\nTransform: BSplineTransform_double_3_3\n"
                + "Parameters:" + params + "\nFixedParameters: 6 6 6 -5 -5 -5 5 5 5 1 0 0 0 1 0 0 0 1\n");
        SpatialTransform t = TransformFiles.read(f);
        assertThat(t.apply(5, 5, 5)[0] - 5).isCloseTo(8.0 / 27, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(t.apply(5, 5, 5)[1]).isEqualTo(5);
        assertThat(t.apply(0, 5, 5)[0]).isCloseTo(4.0 / 54, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(t.apply(15, 5, 5)[0]).isEqualTo(15);
        assertThat(t.apply(14.99, 5, 5)[0]).isGreaterThan(14.99);
        Files.writeString(f, Files.readString(f).replace("BSplineTransform_double", "BSplineDeformableTransform_double"));
        assertThat(TransformFiles.read(f).apply(5, 5, 5)[0] - 5).isCloseTo(8.0 / 27,
                org.assertj.core.data.Offset.offset(1e-15));
    }
}
