package org.coreg.registration.deformable;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;
import org.coreg.io.transform.ElastixTransformFile;
import org.coreg.io.transform.TransformFiles;
import org.coreg.registration.RegistrationSettings;
import org.coreg.testing.ExternalTool;
import org.coreg.transform.SpatialTransform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A B-spline result (affine, then B-spline on an oblique control grid) exported for transformix resamples the moving
 * image exactly as Coreg resamples it with the same transform (cubic B-spline interpolation both). Skipped where
 * transformix is absent.
 */
class TransformixExportTest {
    @Test
    void transformixResamplesTheExportedResultAsCoregDoes(@TempDir Path dir) throws Exception {
        Path transformix = ExternalTool.require("transformix");
        double[] dir3 = BSplineDeformationTest.rotation(0.15, -0.1, 0.2);
        ImageGeometry fixedGrid = ImageGeometry.of(new int[] {60, 70, 56}, new double[] {2.5, 2.5, 3},
                new double[] {-75, -85, -90}, dir3);
        ImageGeometry movingGrid = ImageGeometry.axisAligned(new int[] {80, 96, 88}, new double[] {2, 2, 2},
                new double[] {-80, -96, -108});
        AffineMap affine = AffineMap.ofRowMajor3x4(1.02, 0.03, 0, 3, -0.02, 0.98, 0.01, -4, 0, 0.02, 1.01, 2);
        BSplineDeformation truth = Deformations.random(fixedGrid, 40, 6, 3);
        SpatialTransform known = org.coreg.transform.Transforms.compose(
                org.coreg.transform.AffineTransform.fixedToMoving(affine), truth.toTransform());
        Volume moving = Deformations.render(movingGrid, org.coreg.transform.AffineTransform.fixedToMoving(
                AffineMap.identity()), SyntheticBSplineRecoveryTest::textured, "moving");
        Volume fixed = Deformations.render(fixedGrid, known, SyntheticBSplineRecoveryTest::textured, "fixed");
        DeformableResult r = new DeformableRegistration(RegistrationSettings.defaults().withLevels(2),
                BSplineSettings.defaults().withIterations(60), null, null).runFrom(fixed, moving, affine);

        Deformations.writeMha(moving, dir.resolve("moving.mha"));
        Path tp = dir.resolve("TransformParameters.txt");
        List<Path> files = ElastixTransformFile.write(r.fixedToMoving(), fixedGrid, tp);
        assertThat(files).hasSize(2);
        // the exported chain reads back as the same map
        SpatialTransform back = TransformFiles.read(tp);
        double[] p = {10, -20, 5};
        assertThat(back.apply(p)).containsExactly(r.fixedToMoving().apply(p), org.assertj.core.api.Assertions.within(1e-6));
        Path out = dir.resolve("out");
        java.nio.file.Files.createDirectories(out);
        ExternalTool.runOk(dir, 300, transformix.toString(), "-in", dir.resolve("moving.mha").toString(), "-tp",
                tp.toString(), "-out", out.toString());
        Volume theirs = org.coreg.io.ImageFormats.standard().read(out.resolve("result.mha"));
        assertThat(theirs.geometry().size()).isEqualTo(fixedGrid.size());

        Volume ours = org.coreg.transform.Resampler.resample(moving, r.fixedToMoving(), fixedGrid,
                new org.coreg.transform.Resampler.Settings(org.coreg.image.interpolation.InterpolationKind.BSPLINE, 0));
        float[] a = ours.toFloatArray();
        float[] b = theirs.toFloatArray();
        AffineMap toMoving = moving.geometry().worldToIndex();
        AffineMap i2w = fixedGrid.indexToWorld();
        double worst = 0;
        double sum = 0;
        int compared = 0;
        for (int k = 0, f = 0; k < 56; k++) {
            for (int j = 0; j < 70; j++) {
                for (int i = 0; i < 60; i++, f++) {
                    double[] q = toMoving.apply(r.fixedToMoving().apply(i2w.apply(new double[] {i, j, k})));
                    // away from the moving image's border, where edge handling may differ
                    if (q[0] < 2 || q[1] < 2 || q[2] < 2 || q[0] > 77 || q[1] > 93 || q[2] > 85) {
                        continue;
                    }
                    worst = Math.max(worst, Math.abs(a[f] - b[f]));
                    sum += Math.abs(a[f]);
                    compared++;
                }
            }
        }
        System.out.printf("transformix vs Coreg resampling: %d voxels, mean |value| %.1f, largest difference %.4g%n",
                compared, sum / compared, worst);
        assertThat(sum / compared).isGreaterThan(100);
        assertThat(compared).isGreaterThan(100_000);
        assertThat(worst).isLessThan(0.01);
    }
}
