package org.coreg.io.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;
import org.coreg.image.VoxelType;
import org.coreg.io.points.ElastixPointFile;
import org.coreg.io.points.TransformixOutputPoints;
import org.coreg.points.PlanningPoint;
import org.coreg.points.PointList;
import org.coreg.points.Space;
import org.coreg.testing.ExternalTool;
import org.coreg.testing.MiniMetaImage;
import org.coreg.testing.TestVolumes;
import org.coreg.transform.CompositeTransform;
import org.coreg.transform.PhantomVolumes;
import org.coreg.transform.Resampler;
import org.coreg.transform.SpatialTransform;
import org.coreg.transform.TransformTestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Oracle the other way: elastix 5.0.1 registers two phantoms (affine, then B-spline initialised by it) and writes
 * TransformParameters.0.txt and .1.txt; Coreg reads the chain and maps points as transformix does.
 */
class ElastixWrittenTransformTest {
    @TempDir
    Path dir;

    static final String COMMON = """
            (FixedInternalImagePixelType "float")
            (MovingInternalImagePixelType "float")
            (Registration "MultiResolutionRegistration")
            (Metric "AdvancedMeanSquares")
            (Optimizer "AdaptiveStochasticGradientDescent")
            (FixedImagePyramid "FixedSmoothingImagePyramid")
            (MovingImagePyramid "MovingSmoothingImagePyramid")
            (Interpolator "BSplineInterpolator")
            (ResampleInterpolator "FinalBSplineInterpolator")
            (Resampler "DefaultResampler")
            (ImageSampler "RandomCoordinate")
            (NumberOfSpatialSamples 2000)
            (NewSamplesEveryIteration "true")
            (NumberOfResolutions 1)
            (AutomaticTransformInitialization "false")
            (WriteResultImage "false")
            (ResultImageFormat "mha")
            (ResultImagePixelType "float")
            """;

    @Test
    void coregAppliesElastixChainsAsTransformixDoes() throws Exception {
        Path elastix = ExternalTool.require("elastix");
        Path transformix = ExternalTool.require("transformix");
        ImageGeometry fixedGrid = ImageGeometry.of(new int[] {40, 40, 24}, new double[] {1.2, 1.2, 2},
                new double[] {-24, -24, -24}, TestVolumes.rotation(0.05, 0, 0.1));
        ImageGeometry movingGrid = ImageGeometry.of(new int[] {44, 42, 26}, new double[] {1.1, 1.2, 2},
                new double[] {-25, -26, -26}, TestVolumes.rotation(0, -0.08, 0.2));
        Volume fixed = PhantomVolumes.sample(fixedGrid, VoxelType.FLOAT32, new double[] {0, 0, 0});
        Volume moving = PhantomVolumes.sample(movingGrid, VoxelType.FLOAT32, new double[] {3, -2, 1.5});
        MiniMetaImage.write(fixed, dir.resolve("fixed.mha"));
        MiniMetaImage.write(moving, dir.resolve("moving.mha"));
        Files.writeString(dir.resolve("affine.txt"), COMMON + """
                (Transform "AffineTransform")
                (AutomaticScalesEstimation "true")
                (MaximumNumberOfIterations 60)
                """);
        Files.writeString(dir.resolve("bspline.txt"), COMMON + """
                (Transform "BSplineTransform")
                (FinalGridSpacingInPhysicalUnits 12)
                (MaximumNumberOfIterations 40)
                """);
        Path out = Files.createDirectories(dir.resolve("reg"));
        ExternalTool.runOk(dir, 600, elastix.toString(), "-f", "fixed.mha", "-m", "moving.mha", "-p", "affine.txt",
                "-p", "bspline.txt", "-out", out.toString());
        Path tp = out.resolve("TransformParameters.1.txt");
        SpatialTransform chain = TransformFiles.read(tp);
        assertThat(chain).isInstanceOf(CompositeTransform.class);
        assertThat(((CompositeTransform) chain).steps()).hasSize(2);
        assertThat(ElastixTransformFile.readContents(tp).fixedGrid().approximatelyEquals(fixedGrid, 1e-6)).isTrue();

        List<PlanningPoint> pts = new ArrayList<>();
        for (double[] p : TransformTestData.points(60, 12)) {
            pts.add(PlanningPoint.of("p", p[0] * 0.2, p[1] * 0.2, p[2] * 0.1));
        }
        Path ptsFile = dir.resolve("pts.txt");
        ElastixPointFile.write(PointList.of("pts", Space.FIXED, pts), ptsFile);
        Path tout = Files.createDirectories(dir.resolve("tfx"));
        ExternalTool.runOk(out, 120, transformix.toString(), "-def", ptsFile.toString(), "-tp", tp.toString(),
                "-out", tout.toString());
        List<TransformixOutputPoints.Row> rows = TransformixOutputPoints.read(tout.resolve("outputpoints.txt"));
        double worst = 0;
        double moved = 0;
        for (int i = 0; i < pts.size(); i++) {
            double[] ours = chain.apply(pts.get(i).lps());
            worst = Math.max(worst, TransformTestData.distance(ours, rows.get(i).output()));
            moved = Math.max(moved, TransformTestData.distance(pts.get(i).lps(), ours));
        }
        System.out.printf("elastix-written affine+B-spline chain: %d points moved up to %.2f mm; largest "
                + "difference to transformix %.3g mm%n", pts.size(), moved, worst);
        assertThat(moved).isGreaterThan(1);
        assertThat(worst).isLessThan(1e-4);

        // The registration found the shift between the phantoms' blobs: the fixed blob centre maps near the moving one.
        double[] centre = chain.apply(0, 0, 0);
        assertThat(TransformTestData.distance(centre, new double[] {3, -2, 1.5})).isLessThan(1.5);

        // And Coreg resamples the moving image through elastix's chain as transformix does.
        Path rout = Files.createDirectories(dir.resolve("res"));
        ExternalTool.runOk(out, 300, transformix.toString(), "-in", dir.resolve("moving.mha").toString(), "-tp",
                tp.toString(), "-out", rout.toString());
        Volume theirs = MiniMetaImage.read(rout.resolve("result.mha"));
        Volume ours = Resampler.resample(moving, chain, fixedGrid, new Resampler.Settings(
                org.coreg.image.interpolation.InterpolationKind.BSPLINE, 0));
        double worstValue = 0;
        for (int n = 0; n < ours.voxels().length(); n++) {
            worstValue = Math.max(worstValue, Math.abs(ours.voxels().get(n) - theirs.voxels().get(n)));
        }
        System.out.printf("elastix-written chain, resampled: largest voxel difference %.3g%n", worstValue);
        assertThat(worstValue).isLessThan(1e-2);
    }
}
