package org.coreg.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;
import org.coreg.image.VoxelType;
import org.coreg.image.interpolation.InterpolationKind;
import org.coreg.io.transform.ElastixTransformFile;
import org.coreg.testing.ExternalTool;
import org.coreg.testing.MiniMetaImage;
import org.coreg.testing.TestVolumes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Oracle: transformix 5.0.1 resamples a moving volume through a TransformParameters file Coreg wrote; Coreg's
 * {@link Resampler} must give the same image. Volumes travel as MetaImage (a test-only writer until the MetaImage
 * format is on main).
 */
class TransformixResampleOracleTest {
    static final ImageGeometry MOVING = ImageGeometry.of(new int[] {48, 44, 30}, new double[] {1.1, 1.2, 2.0},
            new double[] {-25, -24, -28}, TestVolumes.rotation(0.15, -0.1, 0.2));
    static final ImageGeometry FIXED = ImageGeometry.of(new int[] {40, 38, 26}, new double[] {1.0, 1.0, 1.8},
            new double[] {-20, -19, -22}, TestVolumes.rotation(-0.05, 0.08, -0.1));

    @TempDir
    Path dir;

    /**
     * Largest |Coreg - transformix| over voxels, and the count compared. Skipped: samples within 0.01 voxel of the
     * moving buffer's edge (rounding decides inside or outside), for linear the half-voxel border (see below), for
     * nearest exact ties.
     */
    double[] compare(SpatialTransform t, InterpolationKind kind, int order, String name) throws Exception {
        Path transformix = ExternalTool.require("transformix");
        Volume moving = PhantomVolumes.sample(MOVING, VoxelType.FLOAT32, new double[] {1, 2, -3});
        Path movingFile = dir.resolve("moving-" + name + ".mha");
        MiniMetaImage.write(moving, movingFile);
        Path tp = dir.resolve("TransformParameters." + name + ".txt");
        ElastixTransformFile.write(t, FIXED, tp, new ElastixTransformFile.WriteOptions(order, -1000, "float"));
        Path out = Files.createDirectories(dir.resolve("out-" + name));
        ExternalTool.runOk(dir, 300, transformix.toString(), "-in", movingFile.toString(), "-tp", tp.toString(),
                "-out", out.toString());
        Volume theirs = MiniMetaImage.read(out.resolve("result.mha"));
        assertThat(theirs.geometry().approximatelyEquals(FIXED, 1e-5)).as("transformix output grid").isTrue();
        Volume ours = Resampler.resample(moving, t, FIXED, new Resampler.Settings(kind, -1000));
        double worst = 0;
        int compared = 0;
        int nearBorder = 0;
        for (int k = 0; k < FIXED.size(2); k++) {
            for (int j = 0; j < FIXED.size(1); j++) {
                for (int i = 0; i < FIXED.size(0); i++) {
                    double[] idx = MOVING.worldToIndex(t.apply(FIXED.indexToWorld(i, j, k)));
                    boolean border = false;
                    for (int d = 0; d < 3; d++) {
                        border |= Math.abs(idx[d] + 0.5) < 0.01 || Math.abs(idx[d] - (MOVING.size(d) - 0.5)) < 0.01;
                        if (order == 1) {
                            // transformix here is a first-order B-spline, which mirrors in the half-voxel border
                            // where Coreg's (and ITK's) linear interpolator holds the edge value.
                            border |= (idx[d] > -0.5 && idx[d] < 0) || (idx[d] > MOVING.size(d) - 1
                                    && idx[d] < MOVING.size(d) - 0.5);
                        }
                        if (order == 0) {
                            // A tie between two voxels: either is nearest.
                            border |= Math.abs(idx[d] - Math.floor(idx[d]) - 0.5) < 1e-6;
                        }
                    }
                    if (border) {
                        nearBorder++;
                        continue;
                    }
                    compared++;
                    double diff = Math.abs(ours.realValue(i, j, k) - theirs.realValue(i, j, k));
                    worst = Math.max(worst, diff);
                }
            }
        }
        System.out.printf("transformix resample oracle %-16s order %d: %d voxels, largest difference %.3g "
                + "(values span about 1200), %d border/tie voxels skipped%n", name, order, compared, worst, nearBorder);
        return new double[] {worst, compared};
    }

    @Test
    void affineResamplingMatchesTransformix() throws Exception {
        AffineTransform t = AffineTransform.fixedToMoving(TransformTestData.shearedAffine()).withCenter(
                new double[] {0, 0, 0});
        // Compose the shear with a shift back towards the moving volume so most voxels land inside it.
        SpatialTransform moved = Transforms.compose(t, AffineTransform.fixedToMoving(
                org.coreg.image.AffineMap.ofRowMajor3x4(1, 0, 0, -4, 0, 1, 0, 7, 0, 0, 1, -10)));
        double[] linear = compare(moved, InterpolationKind.LINEAR, 1, "affine-linear");
        double[] cubic = compare(moved, InterpolationKind.BSPLINE, 3, "affine-bspline");
        double[] nearest = compare(moved, InterpolationKind.NEAREST, 0, "affine-nearest");
        assertThat(linear[1]).isGreaterThan(20000);
        // float32 output: values up to ~1100 carry ~1e-4 rounding.
        assertThat(linear[0]).isLessThan(1e-2);
        assertThat(cubic[0]).isLessThan(1e-2);
        assertThat(nearest[0]).isLessThan(1e-2);
    }

    @Test
    void bsplineResamplingMatchesTransformix() throws Exception {
        BSplineTransform b = TransformTestData.bspline(4, 31);
        double[] linear = compare(b, InterpolationKind.LINEAR, 1, "bspline-linear");
        double[] cubic = compare(b, InterpolationKind.BSPLINE, 3, "bspline-bspline");
        assertThat(linear[1]).isGreaterThan(20000);
        assertThat(linear[0]).isLessThan(1e-2);
        assertThat(cubic[0]).isLessThan(1e-2);
    }
}
