package org.coreg.io.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.coreg.image.ImageGeometry;
import org.coreg.io.ImageIOException;
import org.coreg.testing.TestVolumes;
import org.coreg.transform.AffineTransform;
import org.coreg.transform.BSplineTransform;
import org.coreg.transform.CompositeTransform;
import org.coreg.transform.Direction;
import org.coreg.transform.LinearKind;
import org.coreg.transform.Rotations;
import org.coreg.transform.SpatialTransform;
import org.coreg.transform.TransformTestData;
import org.coreg.transform.Transforms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every transform kind through every format that can hold it, back to within 1e-9 mm. */
class TransformRoundTripTest {
    static final ImageGeometry FIXED = ImageGeometry.of(new int[] {64, 60, 40}, new double[] {0.9, 0.9, 2.5},
            new double[] {-30, -25, -50}, TestVolumes.rotation(0.1, 0.2, -0.3));

    @TempDir
    Path dir;

    static List<SpatialTransform> kinds() {
        double[] c = {4, -8, 15};
        double[] s = Rotations.eulerZXY(-0.4, 0.25, 0.6);
        for (int i = 0; i < 9; i++) {
            s[i] *= 0.91;
        }
        BSplineTransform b = TransformTestData.bspline(5, 2);
        AffineTransform rigid = AffineTransform.fixedToMoving(TransformTestData.rigid(0.3, -0.2, 1.1, c,
                new double[] {3, -4, 5})).withCenter(c);
        return List.of(rigid,
                AffineTransform.fixedToMoving(org.coreg.image.AffineMap.of(s, new double[] {1, 2, 3})).withCenter(c),
                AffineTransform.fixedToMoving(TransformTestData.shearedAffine()).withCenter(c),
                b, Transforms.compose(rigid, b));
    }

    static double worst(SpatialTransform a, SpatialTransform b, double[][] pts) {
        double w = 0;
        for (double[] p : pts) {
            w = Math.max(w, TransformTestData.distance(a.apply(p), b.apply(p)));
        }
        return w;
    }

    @Test
    void itkAndElastixRoundTripEveryKind() throws Exception {
        int n = 0;
        for (SpatialTransform t : kinds()) {
            double[][] pts = t instanceof AffineTransform ? TransformTestData.points(300, 1)
                    : TransformTestData.pointsInside(TransformTestData.bspline(5, 2), 300, 1);
            Path itk = dir.resolve("t" + n + ".tfm");
            TransformFiles.write(t, itk);
            SpatialTransform fromItk = TransformFiles.read(itk);
            assertThat(worst(fromItk, t, pts)).as("ITK %s", t.describe()).isLessThan(1e-9);
            assertThat(fromItk.direction()).isEqualTo(t.direction());
            Path el = dir.resolve("TransformParameters.t" + n + ".txt");
            ElastixTransformFile.write(t, FIXED, el);
            SpatialTransform fromElastix = TransformFiles.read(el);
            assertThat(worst(fromElastix, t, pts)).as("elastix %s", t.describe()).isLessThan(1e-9);
            assertThat(ElastixTransformFile.readContents(el).fixedGrid().approximatelyEquals(FIXED, 1e-12)).isTrue();
            if (t instanceof BSplineTransform b) {
                BSplineTransform back = (BSplineTransform) fromItk;
                assertThat(back.grid().approximatelyEquals(b.grid(), 1e-12)).isTrue();
                assertThat(back.coefficients()).containsExactly(b.coefficients());
            }
            n++;
        }
        // Converting ITK -> elastix -> ITK keeps the chain.
        SpatialTransform chain = kinds().getLast();
        assertThat(chain).isInstanceOf(CompositeTransform.class);
    }

    @Test
    void elastixLinearKindsAreReadWithTheirParameterisation() throws Exception {
        Path f = dir.resolve("TransformParameters.0.txt");
        ElastixTransformFile.write(kinds().getFirst(), FIXED, f);
        String text = Files.readString(f);
        assertThat(text).contains("(Transform \"EulerTransform\")").contains("(CenterOfRotationPoint 4 -8 15)");
        assertThat(((AffineTransform) TransformFiles.read(f)).kind()).isEqualTo(LinearKind.RIGID);
        // elastix lists the Direction column by column: the second value is D[1][0].
        double[] d = FIXED.direction();
        String dirLine = text.lines().filter(l -> l.startsWith("(Direction ")).findFirst().orElseThrow();
        assertThat(Double.parseDouble(dirLine.split("\\s+")[2])).isEqualTo(d[3]);
    }

    @Test
    void elastixAddCombinationAndRelativeInitialFiles() throws Exception {
        Path first = dir.resolve("TransformParameters.0.txt");
        AffineTransform a = AffineTransform.fixedToMoving(TransformTestData.shearedAffine());
        ElastixTransformFile.write(a, FIXED, first);
        AffineTransform b = AffineTransform.fixedToMoving(TransformTestData.rigid(0.1, 0, 0, new double[3],
                new double[] {1, 2, 3}));
        Path second = dir.resolve("TransformParameters.1.txt");
        ElastixTransformFile.write(b, FIXED, second);
        String text = Files.readString(second).replace("(InitialTransformParametersFileName \"NoInitialTransform\")",
                "(InitialTransformParametersFileName \"TransformParameters.0.txt\")");
        Files.writeString(second, text);
        assertThat(worst(TransformFiles.read(second), Transforms.compose(a, b), TransformTestData.points(50, 2)))
                .isLessThan(1e-9);
        Files.writeString(second, text.replace("(HowToCombineTransforms \"Compose\")",
                "(HowToCombineTransforms \"Add\")"));
        SpatialTransform added = TransformFiles.read(second);
        for (double[] p : TransformTestData.points(50, 3)) {
            double[] pa = a.apply(p);
            double[] pb = b.apply(p);
            double[] expected = {pa[0] + pb[0] - p[0], pa[1] + pb[1] - p[1], pa[2] + pb[2] - p[2]};
            assertThat(TransformTestData.distance(added.apply(p), expected)).isLessThan(1e-9);
        }
    }

    @Test
    void badElastixFilesNameFileLineAndField() throws Exception {
        Path f = dir.resolve("TransformParameters.bad.txt");
        ElastixTransformFile.write(kinds().get(2), FIXED, f);
        String good = Files.readString(f);
        Files.writeString(f, good.replace("(Transform \"AffineTransform\")", "(Transform \"SplineKernelTransform\")"));
        assertThatThrownBy(() -> TransformFiles.read(f)).isInstanceOf(TransformFileException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("SplineKernelTransform")
                .hasMessageContaining("line 2");
        Files.writeString(f, good.replaceAll("\\(CenterOfRotationPoint [^)]*\\)\\n", ""));
        assertThatThrownBy(() -> TransformFiles.read(f)).hasMessageContaining("CenterOfRotationPoint");
        Files.writeString(f, good.replace("(NumberOfParameters 12)", "(NumberOfParameters 11)"));
        assertThatThrownBy(() -> TransformFiles.read(f)).hasMessageContaining("TransformParameters")
                .hasMessageContaining("11 values");
        Files.writeString(f, good.replace("\"NoInitialTransform\"", "\"/nonexistent/TP.0.txt\""));
        assertThatThrownBy(() -> TransformFiles.read(f)).isInstanceOf(TransformFileException.class)
                .satisfies(e -> assertThat(((ImageIOException) e).problem())
                        .isEqualTo(ImageIOException.Problem.MISSING_FILE));
        Files.writeString(f, good.replace("(Size 64 60 40)", "(Size 64 60 forty)"));
        assertThatThrownBy(() -> TransformFiles.read(f)).hasMessageContaining("Size").hasMessageContaining("'forty'");
        Files.writeString(f, good + "(Spacing 1 1\n");
        assertThatThrownBy(() -> TransformFiles.read(f)).hasMessageContaining("(Key value ...)");
        // A self-referencing chain is stopped.
        Files.writeString(f, good.replace("\"NoInitialTransform\"", "\"" + f.toAbsolutePath() + "\""));
        assertThatThrownBy(() -> TransformFiles.read(f)).hasMessageContaining("loop");
    }

    @Test
    void elastixFilesKeepCoregsDirectionComment() throws Exception {
        SpatialTransform inv = Transforms.inverse(kinds().get(2));
        Path f = dir.resolve("TransformParameters.inv.txt");
        ElastixTransformFile.write(inv, FIXED, f);
        SpatialTransform back = TransformFiles.read(f);
        assertThat(back.direction()).isEqualTo(Direction.MOVING_TO_FIXED);
        assertThat(worst(back, inv, TransformTestData.points(50, 4))).isLessThan(1e-9);
        SpatialTransform chain = kinds().getLast().withDirection(Direction.MOVING_TO_FIXED);
        Path c = dir.resolve("TransformParameters.chain.txt");
        ElastixTransformFile.write(chain, FIXED, c);
        assertThat(TransformFiles.read(c).direction()).isEqualTo(Direction.MOVING_TO_FIXED);
    }

    @Test
    void provenanceTravelsWithTheTransformInEveryFormat() throws Exception {
        org.coreg.transform.Provenance p = new org.coreg.transform.Provenance("coreg register 0.1.0",
                "rigid, mutual information, 3 levels", List.of("mr.nii.gz", "ct.nii.gz"),
                java.time.Instant.parse("2026-12-01T04:00:00Z"));
        org.coreg.transform.RecordedTransform r = new org.coreg.transform.RecordedTransform(kinds().getFirst(), p);
        Path itk = dir.resolve("p.tfm");
        TransformFiles.write(r, itk);
        Path matrix = dir.resolve("p.matrix-ras.txt");
        TransformFiles.write(r, matrix);
        Path el = dir.resolve("TransformParameters.p.txt");
        ElastixTransformFile.write(r, FIXED, el, ElastixTransformFile.WriteOptions.DEFAULT);
        for (Path f : List.of(itk, matrix, el)) {
            org.coreg.transform.RecordedTransform back = TransformFiles.readRecord(f);
            assertThat(back.provenance()).as(f.toString()).isEqualTo(p);
            assertThat(worst(back.transform(), r.transform(), TransformTestData.points(20, 1))).isLessThan(1e-9);
        }
        Path bare = dir.resolve("bare.tfm");
        TransformFiles.write(kinds().getFirst(), bare);
        assertThat(TransformFiles.readRecord(bare).provenance()).isNull();
    }

    @Test
    void nonlinearTransformsCannotBecomeMatrices() {
        assertThatThrownBy(() -> TransformFiles.write(TransformTestData.bspline(1, 1), dir.resolve("m.matrix.txt")))
                .isInstanceOf(TransformFileException.class).hasMessageContaining("linear");
        assertThat(Direction.parse("fixed-to-moving")).isEqualTo(Direction.FIXED_TO_MOVING);
    }
}
