package org.coreg.io.nifti;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;
import org.coreg.image.VoxelType;
import org.coreg.io.ImageFormats;
import org.coreg.testing.ExternalTool;
import org.coreg.testing.GeometryAssert;
import org.coreg.testing.TestVolumes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * elastix's transformix as the oracle, both directions at once: it resamples a NIfTI file Coreg wrote, with the
 * identity transform and nearest-neighbour interpolation, onto the grid Coreg says that file has. The voxels come
 * back unchanged only if transformix places the input where Coreg does; and Coreg must read transformix's output
 * NIfTI with exactly that grid. Skipped where transformix is absent.
 */
class NiftiTransformixOracleTest {
    @TempDir
    Path dir;

    @Test
    void identityResamplingOntoCoregsGridReturnsTheSameVoxels() throws Exception {
        ExternalTool.require("transformix");
        int n = 0;
        for (ImageGeometry g : new ImageGeometry[] {TestVolumes.obliqueGeometry(9, 7, 5),
            TestVolumes.leftHandedGeometry(6, 8, 5)}) {
            for (String ext : new String[] {".nii", ".nii.gz", ".hdr"}) {
                Volume v = TestVolumes.random(VoxelType.INT16, g, 100 + n);
                Path in = dir.resolve("in" + n + ext);
                ImageFormats.standard().write(v, in);
                Path out = Files.createDirectories(dir.resolve("out" + n++));
                Path tp = dir.resolve("tp.txt");
                Files.writeString(tp, parameters(g));
                ExternalTool.runOk(dir, 120, "transformix", "-in", in.toString(), "-out", out.toString(), "-tp",
                        tp.toString());
                Volume result = ImageFormats.standard().read(out.resolve("result.nii"));
                GeometryAssert.assertGeometryEquals(g, result.geometry(), 2e-5);
                GeometryAssert.assertVoxelsIdentical(v, result);
            }
        }
    }

    /** An identity translation whose output grid is {@code g}; elastix lists Direction column by column. */
    private static String parameters(ImageGeometry g) {
        double[] d = g.direction();
        StringBuilder dir = new StringBuilder();
        for (int c = 0; c < 3; c++) {
            for (int r = 0; r < 3; r++) {
                dir.append(' ').append(num(d[3 * r + c]));
            }
        }
        return String.join("\n",
                "(Transform \"TranslationTransform\")",
                "(NumberOfParameters 3)",
                "(TransformParameters 0 0 0)",
                "(InitialTransformParametersFileName \"NoInitialTransform\")",
                "(HowToCombineTransforms \"Compose\")",
                "(FixedImageDimension 3)",
                "(MovingImageDimension 3)",
                "(FixedInternalImagePixelType \"float\")",
                "(MovingInternalImagePixelType \"float\")",
                "(Size " + g.size(0) + " " + g.size(1) + " " + g.size(2) + ")",
                "(Index 0 0 0)",
                "(Spacing " + num(g.spacing(0)) + " " + num(g.spacing(1)) + " " + num(g.spacing(2)) + ")",
                "(Origin " + num(g.origin()[0]) + " " + num(g.origin()[1]) + " " + num(g.origin()[2]) + ")",
                "(Direction" + dir + ")",
                "(UseDirectionCosines \"true\")",
                "(ResampleInterpolator \"FinalBSplineInterpolator\")",
                "(FinalBSplineInterpolationOrder 0)", // order 0: nearest neighbour
                "(Resampler \"DefaultResampler\")",
                "(DefaultPixelValue -32768)",
                "(ResultImageFormat \"nii\")",
                "(ResultImagePixelType \"short\")",
                "(CompressResultImage \"false\")",
                "");
    }

    private static String num(double x) {
        return String.format(Locale.ROOT, "%.17g", x);
    }
}
