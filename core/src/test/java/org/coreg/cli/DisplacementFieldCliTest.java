package org.coreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;
import org.coreg.image.VoxelType;
import org.coreg.io.ImageFormats;
import org.coreg.io.points.PointFiles;
import org.coreg.io.transform.TransformFiles;
import org.coreg.points.PlanningPoint;
import org.coreg.points.PointList;
import org.coreg.points.Space;
import org.coreg.testing.GeometryAssert;
import org.coreg.testing.TestVolumes;
import org.coreg.transform.AffineTransform;
import org.coreg.transform.BSplineTransform;
import org.coreg.transform.Direction;
import org.coreg.transform.DisplacementFieldTransform;
import org.coreg.transform.PhantomVolumes;
import org.coreg.transform.Resampler;
import org.coreg.transform.SpatialTransform;
import org.coreg.transform.TransformTestData;
import org.coreg.transform.Transforms;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Displacement-field files through the command line, and {@code coreg convert} on transform files. */
class DisplacementFieldCliTest {
    static final BSplineTransform BSPLINE = TransformTestData.bspline(3, 11);
    /**
     * A grid well inside the B-spline's valid region (control indices 1 to size - 2; outside it the map is the
     * identity, a jump no sampled field can follow), tilted against the control grid.
     */
    static final ImageGeometry F = ImageGeometry.of(new int[] {16, 14, 12}, new double[] {2, 2, 2.5},
            BSPLINE.grid().indexToWorld(2, 1.6, 2.2), rotated(BSPLINE.grid().direction()));

    private static double[] rotated(double[] d) {
        double[] r = TestVolumes.rotation(0.05, -0.04, 0.03);
        double[] m = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    m[3 * i + j] += d[3 * i + k] * r[3 * k + j];
                }
            }
        }
        return m;
    }

    @TempDir
    Path dir;
    Path fixed;
    Path bspline;

    @BeforeEach
    void files() throws Exception {
        fixed = dir.resolve("f.mha");
        ImageFormats.standard().write(PhantomVolumes.sample(F, VoxelType.INT16, new double[] {0, 0, 0}), fixed);
        bspline = dir.resolve("bspline.tfm");
        TransformFiles.write(BSPLINE, bspline);
    }

    private static double worstOnGrid(SpatialTransform a, SpatialTransform b) {
        double w = 0;
        for (int k = 0; k < F.size(2); k++) {
            for (int j = 0; j < F.size(1); j++) {
                for (int i = 0; i < F.size(0); i++) {
                    double[] p = F.indexToWorld(i, j, k);
                    w = Math.max(w, TransformTestData.distance(a.apply(p), b.apply(p)));
                }
            }
        }
        return w;
    }

    private static CliRun ok(String... args) {
        CliRun r = CliRun.run(args);
        assertThat(r.status()).as(String.join(" ", args) + ": " + r.err()).isZero();
        return r;
    }

    /** A B-spline exported as a field, by both names of the command, then field to field. */
    private DisplacementFieldTransform exported() throws Exception {
        Path nii = dir.resolve("field.nii.gz");
        ok("convert", bspline.toString(), nii.toString(), "--reference", fixed.toString());
        Path mha = dir.resolve("field.mha");
        ok("convert-transform", bspline.toString(), mha.toString(), "--reference", fixed.toString());
        DisplacementFieldTransform a = (DisplacementFieldTransform) TransformFiles.read(nii);
        DisplacementFieldTransform b = (DisplacementFieldTransform) TransformFiles.read(mha);
        GeometryAssert.assertGeometryEquals(F, a.grid(), 1e-9);
        assertThat(b.displacements()).containsExactly(a.displacements());
        Path again = dir.resolve("again.mhd");
        ok("convert", nii.toString(), again.toString());
        assertThat(((DisplacementFieldTransform) TransformFiles.read(again)).displacements())
                .containsExactly(a.displacements());
        return a;
    }

    @Test
    void bsplineExportsAsAFieldThatMatchesItOnTheGrid() throws Exception {
        DisplacementFieldTransform field = exported();
        double w = worstOnGrid(field, BSPLINE);
        System.out.printf("B-spline exported as a field: largest difference at the grid points %.3g mm%n", w);
        assertThat(w).isLessThan(1e-9);
        CliRun noGrid = CliRun.run("convert", bspline.toString(), dir.resolve("x.nii.gz").toString());
        assertThat(noGrid.status()).isEqualTo(1);
        assertThat(noGrid.err()).contains("--reference");
        assertThat(dir.resolve("x.nii.gz")).doesNotExist();
    }

    @Test
    void convertTellsImagesFromTransforms() throws Exception {
        Path a = dir.resolve("a.tfm");
        AffineTransform affine = AffineTransform.fixedToMoving(TransformTestData.shearedAffine());
        TransformFiles.write(affine, a);
        Path ras = dir.resolve("a_matrix_ras.txt");
        ok("convert", a.toString(), ras.toString(), "--format", "matrix-ras");
        assertThat(worstOnGrid(TransformFiles.read(ras), affine)).isLessThan(1e-9);
        assertThat(Files.readString(ras)).contains("RAS");
        Path elx = dir.resolve("TransformParameters.0.txt");
        ok("convert", a.toString(), elx.toString(), "--reference", fixed.toString());
        assertThat(worstOnGrid(TransformFiles.read(elx), affine)).isLessThan(1e-9);
        // An image is still converted as an image, and transform options are refused for it by name.
        Path nii = dir.resolve("f.nii.gz");
        ok("convert", fixed.toString(), nii.toString());
        GeometryAssert.assertVoxelsIdentical(ImageFormats.standard().read(fixed), ImageFormats.standard().read(nii));
        CliRun bad = CliRun.run("convert", fixed.toString(), dir.resolve("g.nii").toString(), "--format", "itk");
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.err()).contains("--format").contains("f.mha");
    }

    @Test
    void fieldFilesWorkInPointsResampleComposeAndInvert() throws Exception {
        DisplacementFieldTransform field = exported();
        Path nii = dir.resolve("field.nii.gz");
        // points
        PointList plan = PointList.of("plan", Space.FIXED, List.of(PlanningPoint.of("a", 1.3, -2.2, 3.1),
                PlanningPoint.of("b", 5, 4, -2)));
        Path in = dir.resolve("plan.mrk.json");
        PointFiles.write(plan, in);
        Path moved = dir.resolve("moved.csv");
        ok("points", "--transform", nii.toString(), "--direction", "fixed-to-moving", in.toString(),
                moved.toString());
        PointList m = PointFiles.read(moved, null);
        for (int i = 0; i < 2; i++) {
            assertThat(TransformTestData.distance(m.get(i).lps(), field.apply(plan.get(i).lps()))).isLessThan(1e-9);
        }
        // resample: the field drives it, and is written beside the image
        Path moving = dir.resolve("m.mha");
        Volume mv = PhantomVolumes.sample(F, VoxelType.INT16, new double[] {2, 1, 0});
        ImageFormats.standard().write(mv, moving);
        Path out = dir.resolve("r.mha");
        ok("resample", "--fixed", fixed.toString(), "--moving", moving.toString(), "--transform", nii.toString(),
                "--out", out.toString());
        Volume expected = Resampler.resample(mv, field, F, Resampler.Settings.LINEAR);
        GeometryAssert.assertVoxelsIdentical(expected, ImageFormats.standard().read(out));
        Path beside = dir.resolve("r_field.nii.gz");
        assertThat(((DisplacementFieldTransform) TransformFiles.read(beside)).displacements())
                .containsExactly(field.displacements());
        // compose a field with an affine: sampled on the reference grid
        Path a = dir.resolve("a.tfm");
        AffineTransform shift = AffineTransform.fixedToMoving(TransformTestData.rigid(0.02, 0, -0.03,
                new double[] {0, 0, 0}, new double[] {1, -2, 0.5}));
        TransformFiles.write(shift, a);
        Path c = dir.resolve("c.nii.gz");
        ok("compose", nii.toString(), a.toString(), "--out", c.toString(), "--reference", fixed.toString());
        assertThat(worstOnGrid(TransformFiles.read(c), Transforms.compose(field, shift))).isLessThan(1e-9);
        // invert a field onto an inner grid of moving space (at the field's own border no inverse exists: outside
        // its grid the field is the identity): the inverse undoes it there
        ImageGeometry inner = ImageGeometry.of(new int[] {10, 8, 6}, F.spacing(), F.indexToWorld(3, 3, 3),
                F.direction());
        Path innerImage = dir.resolve("inner.mha");
        ImageFormats.standard().write(PhantomVolumes.sample(inner, VoxelType.INT16, new double[] {0, 0, 0}),
                innerImage);
        Path inv = dir.resolve("inv.mha");
        CliRun r = ok("invert", nii.toString(), "--out", inv.toString(), "--reference", innerImage.toString());
        assertThat(r.out()).contains("largest residual");
        SpatialTransform back = TransformFiles.read(inv);
        assertThat(back.direction()).isEqualTo(Direction.MOVING_TO_FIXED);
        double worst = 0;
        for (int k = 2; k < inner.size(2) - 2; k++) {
            for (int j = 2; j < inner.size(1) - 2; j++) {
                for (int i = 2; i < inner.size(0) - 2; i++) {
                    double[] p = inner.indexToWorld(i, j, k);
                    worst = Math.max(worst, TransformTestData.distance(back.apply(field.apply(p)), p));
                }
            }
        }
        CliRun border = CliRun.run("invert", nii.toString(), "--out", dir.resolve("inv2.mha").toString());
        assertThat(border.status()).isEqualTo(1);
        assertThat(border.err()).contains("field.nii.gz").contains("cannot invert").contains("voxel");
        assertThat(dir.resolve("inv2.mha")).doesNotExist();
        System.out.printf("field inverted onto an inner grid: largest round-trip error %.3g mm%n", worst);
        assertThat(worst).isLessThan(0.05);
        CliRun refused = CliRun.run("invert", bspline.toString(), "--out", dir.resolve("i.tfm").toString());
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err()).contains("displacement field");
    }
}
