package org.coreg.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import org.coreg.image.ImageGeometry;
import org.coreg.image.VoxelType;
import org.coreg.io.transform.ElastixTransformFile;
import org.coreg.testing.MiniMetaImage;
import org.coreg.testing.TestVolumes;
import org.coreg.transform.AffineTransform;
import org.coreg.transform.BSplineTransform;
import org.coreg.transform.Direction;
import org.coreg.transform.PhantomVolumes;
import org.coreg.transform.TransformTestData;

/**
 * Inputs of bench/transform-resample.sh: a 256x256x160 float32 phantom (moving.mha), a fixed grid of the same size
 * (oblique), and TransformParameters files for an affine and a B-spline (grid 12x12x9 nodes) transform, with
 * interpolation orders 1 and 3.
 */
public final class MakeResampleBench {
    private MakeResampleBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        ImageGeometry mg = ImageGeometry.axisAligned(new int[] {256, 256, 160}, new double[] {0.9, 0.9, 1.25},
                new double[] {-115, -115, -100});
        ImageGeometry fg = ImageGeometry.of(new int[] {256, 256, 160}, new double[] {0.9, 0.9, 1.25},
                new double[] {-112, -118, -98}, TestVolumes.rotation(0.05, -0.03, 0.08));
        MiniMetaImage.write(PhantomVolumes.sample(mg, VoxelType.FLOAT32, new double[] {5, -3, 2}),
                dir.resolve("moving.mha"));
        AffineTransform affine = AffineTransform.fixedToMoving(TransformTestData.shearedAffine());
        BSplineTransform zero = BSplineTransform.zero(fg, new double[] {25, 25, 25}, Direction.FIXED_TO_MOVING);
        double[] c = zero.coefficients();
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < c.length; i++) {
            c[i] = (r.nextDouble() - 0.5) * 8;
        }
        BSplineTransform b = zero.withCoefficients(c);
        for (int order : new int[] {1, 3}) {
            ElastixTransformFile.WriteOptions o = new ElastixTransformFile.WriteOptions(order, 0, "float");
            ElastixTransformFile.write(affine, fg, dir.resolve("TransformParameters.affine" + order + ".txt"), o);
            ElastixTransformFile.write(b, fg, dir.resolve("TransformParameters.bspline" + order + ".txt"), o);
        }
    }
}
