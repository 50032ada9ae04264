package org.coreg.io.metaimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coreg.testing.GeometryAssert.assertGeometryEquals;
import static org.coreg.testing.GeometryAssert.assertVoxelsIdentical;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;
import org.coreg.image.VoxelType;
import org.coreg.testing.ExternalTool;
import org.coreg.testing.TestVolumes;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * transformix (elastix 5, ITK) as a second oracle: it resamples a Coreg-written MetaImage with the identity onto
 * the same oblique grid (nearest neighbour), which reproduces every voxel only if ITK places the file's voxels
 * where Coreg does; Coreg then reads the MetaImage transformix writes. Skipped with a message where absent.
 */
class MetaImageTransformixOracleTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1} compressed={2} {3}")
    @CsvSource({"INT16, .mha, true, LE, short", "FLOAT32, .mhd, false, BE, float",
        "UINT8, .mhd, true, LE, unsigned char", "UINT16, .mha, false, BE, unsigned short"})
    void identityResamplingByTransformixReproducesCoregsFile(VoxelType type, String ext, boolean compressed,
                                                            String order, String itkType) throws Exception {
        Path transformix = ExternalTool.require("transformix");
        ImageGeometry g = TestVolumes.obliqueGeometry(7, 6, 5);
        Volume v = TestVolumes.random(type, g, 60 + type.ordinal());
        Path in = dir.resolve("coreg" + ext);
        new MetaImageWriter(compressed, order.equals("BE") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN, 1)
                .write(v, in);
        Path tp = dir.resolve("identity.txt");
        Files.writeString(tp, identityParameters(g, itkType));
        Path out = Files.createDirectory(dir.resolve("out"));
        ExternalTool.runOk(dir, 300, transformix.toString(), "-in", in.toString(), "-out", out.toString(), "-tp",
                tp.toString());
        Volume result = new MetaImageReader().read(out.resolve("result.mha"));
        assertGeometryEquals(g, result.geometry(), 1e-9);
        assertVoxelsIdentical(v, result);
    }

    /**
     * An elastix TranslationTransform of zero onto {@code g}. elastix lists {@code Direction} column by column
     * (element (row j, column i) at position 3i + j), the order MetaImage's TransformMatrix uses.
     */
    private static String identityParameters(ImageGeometry g, String itkType) {
        double[] d = g.direction();
        StringBuilder dir = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                dir.append(i + j == 0 ? "" : " ").append(d[3 * j + i]);
            }
        }
        double[] s = g.spacing();
        double[] o = g.origin();
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
                "(Spacing " + s[0] + " " + s[1] + " " + s[2] + ")",
                "(Origin " + o[0] + " " + o[1] + " " + o[2] + ")",
                "(Direction " + dir + ")",
                "(UseDirectionCosines \"true\")",
                "(ResampleInterpolator \"FinalBSplineInterpolator\")",
                "(FinalBSplineInterpolationOrder 0)",
                "(Resampler \"DefaultResampler\")",
                "(DefaultPixelValue 0)",
                "(ResultImageFormat \"mha\")",
                "(ResultImagePixelType \"" + itkType + "\")",
                "(CompressResultImage \"true\")",
                "");
    }
}
