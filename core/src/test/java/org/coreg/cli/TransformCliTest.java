package org.coreg.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;
import org.coreg.image.VoxelType;
import org.coreg.io.ImageFormats;
import org.coreg.io.points.PointFiles;
import org.coreg.io.transform.ElastixTransformFile;
import org.coreg.io.transform.TransformFiles;
import org.coreg.points.PlanningPoint;
import org.coreg.points.PointList;
import org.coreg.points.Space;
import org.coreg.testing.TestVolumes;
import org.coreg.transform.AffineTransform;
import org.coreg.transform.Direction;
import org.coreg.transform.PhantomVolumes;
import org.coreg.transform.SpatialTransform;
import org.coreg.transform.TransformTestData;
import org.coreg.transform.Transforms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransformCliTest {
    @TempDir
    Path dir;


    static final AffineTransform A = AffineTransform.fixedToMoving(TransformTestData.shearedAffine());
    static final AffineTransform B = AffineTransform.fixedToMoving(TransformTestData.rigid(0.2, -0.1, 0.3,
            new double[] {1, 2, 3}, new double[] {4, 5, 6})).withCenter(new double[] {1, 2, 3});
    static final ImageGeometry GRID = ImageGeometry.of(new int[] {20, 20, 10}, new double[] {1, 1, 2},
            new double[] {-10, -10, -10}, TestVolumes.rotation(0.1, 0, 0.2));

    static double worst(SpatialTransform a, SpatialTransform b) {
        double w = 0;
        for (double[] p : TransformTestData.points(100, 9)) {
            w = Math.max(w, TransformTestData.distance(a.apply(p), b.apply(p)));
        }
        return w;
    }

    @Test
    void invertComposeAndConvert() throws Exception {
        Path a = dir.resolve("a.tfm");
        Path b = dir.resolve("TransformParameters.b.txt");
        TransformFiles.write(A, a);
        ElastixTransformFile.write(B, GRID, b);

        CliRun inv = CliRun.run("invert", a.toString(), "--out", dir.resolve("a-inv.tfm").toString());
        assertThat(inv.status()).as(inv.err()).isZero();
        SpatialTransform ai = TransformFiles.read(dir.resolve("a-inv.tfm"));
        assertThat(ai.direction()).isEqualTo(Direction.MOVING_TO_FIXED);
        assertThat(worst(Transforms.compose(A, ai.withDirection(Direction.FIXED_TO_MOVING)),
                AffineTransform.identity(Direction.FIXED_TO_MOVING))).isLessThan(1e-9);

        // compose reads ITK and elastix alike; elastix output takes the grid from the elastix input.
        Path ab = dir.resolve("TransformParameters.ab.txt");
        CliRun comp = CliRun.run("compose", a.toString(), b.toString(), "--out", ab.toString());
        assertThat(comp.status()).as(comp.err()).isZero();
        assertThat(worst(TransformFiles.read(ab), Transforms.compose(A, B))).isLessThan(1e-9);
        assertThat(ElastixTransformFile.readContents(ab).fixedGrid().approximatelyEquals(GRID, 1e-12)).isTrue();

        for (String fmt : new String[] {"itk", "matrix-lps", "matrix-ras"}) {
            Path o = dir.resolve("b-" + fmt + ".txt");
            CliRun conv = CliRun.run("convert-transform", b.toString(), o.toString(), "--format", fmt);
            assertThat(conv.status()).as(conv.err()).isZero();
            assertThat(worst(TransformFiles.read(o), B)).as(fmt).isLessThan(1e-9);
        }
        CliRun noGrid = CliRun.run("convert-transform", a.toString(), dir.resolve("TransformParameters.x.txt").toString());
        assertThat(noGrid.status()).isEqualTo(1);
        assertThat(noGrid.err()).contains("--reference");
    }

    @Test
    void pointsMapBothWaysAndRoundTrip() throws Exception {
        Path t = dir.resolve("t.tfm");
        TransformFiles.write(A, t);
        PointList plan = PointList.of("plan", Space.FIXED, List.of(
                new PlanningPoint("target", new double[] {10.5, -20.25, 30}, "on MRI", true),
                PlanningPoint.of("entry", -40, 12, 8)));
        Path in = dir.resolve("plan.mrk.json");
        PointFiles.write(plan, in);
        Path moved = dir.resolve("moved.fcsv");
        CliRun r = CliRun.run("points", "--transform", t.toString(), "--direction", "fixed-to-moving", in.toString(),
                moved.toString());
        assertThat(r.status()).as(r.err()).isZero();
        PointList m = PointFiles.read(moved, null);
        assertThat(TransformTestData.distance(m.get(0).lps(), A.apply(plan.get(0).lps()))).isLessThan(1e-9);
        Path back = dir.resolve("back.csv");
        CliRun r2 = CliRun.run("points", "--transform", t.toString(), "--direction", "moving-to-fixed", "--in",
                moved.toString(), "--out", back.toString());
        assertThat(r2.status()).as(r2.err()).isZero();
        PointList b = PointFiles.read(back, null);
        for (int i = 0; i < 2; i++) {
            assertThat(TransformTestData.distance(b.get(i).lps(), plan.get(i).lps())).isLessThan(1e-6);
            assertThat(b.get(i).label()).isEqualTo(plan.get(i).label());
        }
        CliRun bad = CliRun.run("points", "--transform", t.toString(), "--direction", "sideways", in.toString(),
                back.toString());
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.err()).contains("--direction").contains("sideways");
        CliRun missing = CliRun.run("points", "--transform", dir.resolve("none.tfm").toString(), "--direction",
                "fixed-to-moving", in.toString(), back.toString());
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("none.tfm").contains("does not exist");
    }

    @Test
    void resampleWritesTheTransformBesideTheImage() throws Exception {
        boolean mha = ImageFormats.standard().formats().stream().anyMatch(f -> f.matchesName(Path.of("x.mha")));
        assumeTrue(mha, "skipped: ImageFormats.standard() has no MetaImage format on this branch yet");
        Volume fixed = PhantomVolumes.sample(GRID, VoxelType.INT16, new double[] {0, 0, 0});
        Volume moving = PhantomVolumes.sample(GRID, VoxelType.INT16, new double[] {2, 1, 0});
        ImageFormats.standard().write(fixed, dir.resolve("f.mha"));
        ImageFormats.standard().write(moving, dir.resolve("m.mha"));
        Path t = dir.resolve("t.tfm");
        TransformFiles.write(B, t);
        CliRun r = CliRun.run("resample", "--fixed", dir.resolve("f.mha").toString(), "--moving",
                dir.resolve("m.mha").toString(), "--transform", t.toString(), "--out",
                dir.resolve("r.mha").toString(), "--interp", "bspline");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(ImageFormats.standard().read(dir.resolve("r.mha")).type()).isEqualTo(VoxelType.INT16);
        assertThat(worst(TransformFiles.read(dir.resolve("r.tfm")), B)).isLessThan(1e-9);
    }

    @Test
    void resampleWithoutImageFormatsLeavesNothingBehind() throws Exception {
        Path t = dir.resolve("t.tfm");
        TransformFiles.write(B, t);
        CliRun r = CliRun.run("resample", "--fixed", dir.resolve("missing-f.mha").toString(), "--moving",
                dir.resolve("missing-m.mha").toString(), "--transform", t.toString(), "--out",
                dir.resolve("r.mha").toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(Files.exists(dir.resolve("r.tfm"))).isFalse();
        assertThat(Files.exists(dir.resolve("r.mha"))).isFalse();
    }
}
