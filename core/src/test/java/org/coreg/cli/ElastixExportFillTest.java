package org.coreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;
import org.coreg.image.VoxelType;
import org.coreg.image.interpolation.InterpolationKind;
import org.coreg.io.transform.ElastixTransformFile;
import org.coreg.testing.ExternalTool;
import org.coreg.testing.MiniMetaImage;
import org.coreg.testing.TestVolumes;
import org.coreg.transform.AffineTransform;
import org.coreg.transform.PhantomVolumes;
import org.coreg.transform.Resampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The elastix file {@code coreg register --out-elastix} writes makes transformix resample as {@code --out-image}
 * does: outside the moving image both hold the moving image's lowest value (air in a CT, not water), inside they
 * agree to float rounding.
 */
class ElastixExportFillTest {
    static final ImageGeometry MOVING = ImageGeometry.of(new int[] {40, 36, 24}, new double[] {1.1, 1.2, 2.0},
            new double[] {-22, -20, -24}, TestVolumes.rotation(0.15, -0.1, 0.2));
    static final ImageGeometry FIXED = ImageGeometry.of(new int[] {44, 40, 26}, new double[] {1.0, 1.0, 1.8},
            new double[] {-20, -19, -22}, TestVolumes.rotation(-0.05, 0.08, -0.1));

    @TempDir
    Path dir;

    @Test
    void transformixFillsOutsideTheMovingImageAsCoregDoes() throws Exception {
        Path transformix = ExternalTool.require("transformix");
        Volume moving = PhantomVolumes.sample(MOVING, VoxelType.FLOAT32, new double[] {1, 2, -3});
        double fill = RegisterCommand.outsideValue(moving);
        assertThat(fill).isNotZero();
        AffineMap shift = AffineMap.ofRowMajor3x4(1, 0, 0, 9, 0, 1, 0, -6, 0, 0, 1, 12);
        Path tp = dir.resolve("TransformParameters.0.txt");
        ElastixTransformFile.writeFixedToMoving(shift, FIXED, tp, ElastixTransformFile.WriteOptions.linear(fill));
        assertThat(Files.readString(tp)).contains("(FinalBSplineInterpolationOrder 1)")
                .doesNotContain("(DefaultPixelValue 0)");
        Path movingFile = dir.resolve("moving.mha");
        MiniMetaImage.write(moving, movingFile);
        Path out = Files.createDirectories(dir.resolve("out"));
        ExternalTool.runOk(dir, 300, transformix.toString(), "-in", movingFile.toString(), "-tp", tp.toString(),
                "-out", out.toString());
        Volume theirs = MiniMetaImage.read(out.resolve("result.mha"));
        Volume ours = Resampler.resample(moving, AffineTransform.fixedToMoving(shift), FIXED,
                new Resampler.Settings(InterpolationKind.LINEAR, fill));
        int outside = 0;
        int inside = 0;
        double worstInside = 0;
        for (int k = 0; k < FIXED.size(2); k++) {
            for (int j = 0; j < FIXED.size(1); j++) {
                for (int i = 0; i < FIXED.size(0); i++) {
                    double[] idx = MOVING.worldToIndex(shift.apply(FIXED.indexToWorld(i, j, k)));
                    boolean far = false;
                    boolean deep = true;
                    for (int d = 0; d < 3; d++) {
                        far |= idx[d] < -1 || idx[d] > MOVING.size(d);
                        deep &= idx[d] > 0.01 && idx[d] < MOVING.size(d) - 1.01;
                    }
                    if (far) {
                        outside++;
                        assertThat(theirs.realValue(i, j, k)).isEqualTo(fill);
                        assertThat(ours.realValue(i, j, k)).isEqualTo(fill);
                    } else if (deep) {
                        inside++;
                        worstInside = Math.max(worstInside, Math.abs(theirs.realValue(i, j, k)
                                - ours.realValue(i, j, k)));
                    }
                }
            }
        }
        assertThat(outside).as("voxels outside the moving image").isGreaterThan(1000);
        assertThat(inside).as("voxels inside it").isGreaterThan(10000);
        assertThat(worstInside).as("largest |transformix - Coreg| inside").isLessThan(1e-2);
    }
}
