package org.coreg.io.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.coreg.transform.BSplineTransform;
import org.coreg.transform.Direction;
import org.coreg.transform.SpatialTransform;
import org.coreg.transform.ThinPlateSplineTransform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 3D Slicer's own Inverse&lt;Type&gt; classes (which plain ITK does not register, so the ITK oracle cannot read them):
 * the same parameters as the type, holding its inverse, so Coreg reads the type with the reversed direction.
 */
class ItkInverseTypesTest {
    @TempDir
    Path dir;

    @Test
    void inverseTypesReadAsTheTypeMappingMovingToFixed() throws Exception {
        double[] coefficients = ItkTransformOracleTest.random(3 * 7 * 6 * 6, 3, 1);
        double[] grid = ItkTransformOracleTest.grid(7, 6, 6, 9);
        Path plain = dir.resolve("plain.tfm");
        Path inverse = dir.resolve("inverse.tfm");
        Files.writeString(plain, ItkTransformOracleTest.tfm(ItkTransformOracleTest.entry(
                "BSplineTransform_double_3_3", coefficients, grid)));
        Files.writeString(inverse, ItkTransformOracleTest.tfm(ItkTransformOracleTest.entry(
                "InverseBSplineTransform_double_3_3", coefficients, grid)));
        SpatialTransform p = TransformFiles.read(plain);
        SpatialTransform i = TransformFiles.read(inverse);
        assertThat(p.direction()).isEqualTo(Direction.FIXED_TO_MOVING);
        assertThat(i).isInstanceOf(BSplineTransform.class);
        assertThat(i.direction()).isEqualTo(Direction.MOVING_TO_FIXED);
        for (double[] x : ItkTransformOracleTest.points()) {
            assertThat(i.apply(x.clone())).containsExactly(p.apply(x.clone()), within(0.0));
        }
    }

    @Test
    void anInverseThinPlateSplineMapsItsTargetsOntoItsSourcesWhenInverted() throws Exception {
        double[] src = ItkTransformOracleTest.random(3 * 6, 20, 4);
        double[] dst = src.clone();
        for (int k = 0; k < dst.length; k++) {
            dst[k] += 2 + 0.1 * k;
        }
        Files.writeString(dir.resolve("tps.tfm"), ItkTransformOracleTest.tfm(ItkTransformOracleTest.entry(
                "InverseThinPlateSplineKernelTransform_double_3_3", src, dst)));
        SpatialTransform t = TransformFiles.read(dir.resolve("tps.tfm"));
        assertThat(t).isInstanceOf(ThinPlateSplineTransform.class);
        assertThat(t.direction()).isEqualTo(Direction.MOVING_TO_FIXED);
        for (int k = 0; k < src.length / 3; k++) {
            double[] s = {src[3 * k], src[3 * k + 1], src[3 * k + 2]};
            assertThat(t.apply(s)).containsExactly(new double[] {dst[3 * k], dst[3 * k + 1], dst[3 * k + 2]},
                    within(1e-9));
        }
    }
}
