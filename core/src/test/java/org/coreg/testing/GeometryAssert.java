package org.coreg.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;

/** Assertions on geometry and voxels with tolerances and messages that show both sides. */
public final class GeometryAssert {
    private GeometryAssert() {
    }

    public static void assertGeometryEquals(ImageGeometry expected, ImageGeometry actual, double tolerance) {
        assertThat(actual.size()).as("size").containsExactly(expected.size());
        assertThat(actual.spacing()).as("spacing").containsExactly(expected.spacing(), within(tolerance));
        assertThat(actual.origin()).as("origin (LPS)").containsExactly(expected.origin(), within(tolerance));
        assertThat(actual.direction()).as("direction").containsExactly(expected.direction(), within(tolerance));
    }

    /** Same stored type and bit-identical stored values. */
    public static void assertVoxelsIdentical(Volume expected, Volume actual) {
        assertThat(actual.type()).as("voxel type").isEqualTo(expected.type());
        assertThat(actual.voxels().length()).as("voxel count").isEqualTo(expected.voxels().length());
        Object a = expected.voxels().array();
        Object b = actual.voxels().array();
        switch (a) {
            case byte[] x -> assertThat((byte[]) b).as("voxels").isEqualTo(x);
            case short[] x -> assertThat((short[]) b).as("voxels").isEqualTo(x);
            case int[] x -> assertThat((int[]) b).as("voxels").isEqualTo(x);
            case float[] x -> assertThat(java.util.Arrays.equals(x, (float[]) b)).as("voxels bit-identical").isTrue();
            case double[] x -> assertThat(java.util.Arrays.equals(x, (double[]) b)).as("voxels bit-identical").isTrue();
            default -> throw new AssertionError("unknown array " + a);
        }
    }

    /** Same real values (rescale applied) within {@code tolerance}, whatever the stored types. */
    public static void assertRealValuesEqual(Volume expected, Volume actual, double tolerance) {
        assertThat(actual.voxels().length()).as("voxel count").isEqualTo(expected.voxels().length());
        for (int i = 0; i < expected.voxels().length(); i++) {
            double e = expected.realValue(i);
            double a = actual.realValue(i);
            if (Math.abs(e - a) > tolerance) {
                throw new AssertionError("voxel " + i + ": expected " + e + ", found " + a);
            }
        }
    }
}
