package org.coreg.io.transform;

import java.nio.file.Path;
import java.util.Arrays;
import org.coreg.image.ImageGeometry;
import org.coreg.image.InvalidGeometryException;

/**
 * The FixedParameters of ITK's grid-based transforms (B-spline control grids, displacement fields): 18 values, the
 * grid's size, origin (LPS mm), spacing (mm) and direction matrix row by row.
 */
final class ItkGridParameters {
    private ItkGridParameters() {
    }

    /**
     * The grid that {@code e}'s FixedParameters describe.
     *
     * @param noun         what the grid is called in errors ("field", "grid")
     * @param minSize      the fewest nodes the grid may have along an axis
     * @param sizeExpected what the sizes should have been, for the error
     * @param gridExpected what the grid should have been, for the error
     * @throws TransformFileException BAD_FIELD naming {@code file} and the line when a value is wrong
     */
    static ImageGeometry decode(ItkTransformCodec.Entry e, Path file, String noun, int minSize, String sizeExpected,
            String gridExpected) throws TransformFileException {
        double[] f = e.fixed();
        if (f.length != 18) {
            throw TransformFileException.badField(file, e.line(), "FixedParameters (" + noun + " size, origin, "
                    + "spacing, direction)", "18 values for " + e.type(), f.length + " values");
        }
        int[] size = new int[3];
        for (int d = 0; d < 3; d++) {
            if (f[d] != Math.rint(f[d]) || f[d] < minSize || f[d] > 1e5) {
                throw TransformFileException.badField(file, e.line(), "FixedParameters (" + noun + " size)",
                        sizeExpected, f[0] + " " + f[1] + " " + f[2]);
            }
            size[d] = (int) f[d];
        }
        try {
            return ImageGeometry.of(size, new double[] {f[6], f[7], f[8]}, new double[] {f[3], f[4], f[5]},
                    Arrays.copyOfRange(f, 9, 18));
        } catch (InvalidGeometryException ex) {
            throw TransformFileException.badField(file, e.line(), "FixedParameters", gridExpected, ex.getMessage());
        }
    }

    /** The 18 FixedParameters of grid {@code g}. */
    static double[] encode(ImageGeometry g) {
        double[] f = new double[18];
        for (int d = 0; d < 3; d++) {
            f[d] = g.size(d);
            f[3 + d] = g.origin()[d];
            f[6 + d] = g.spacing(d);
        }
        System.arraycopy(g.direction(), 0, f, 9, 9);
        return f;
    }
}
