package org.coreg.io.transform;

import java.nio.file.Path;
import java.util.Arrays;
import org.coreg.image.ImageGeometry;
import org.coreg.image.InvalidGeometryException;
import org.coreg.transform.Direction;
import org.coreg.transform.DisplacementFieldTransform;

/**
 * ITK's DisplacementFieldTransform as a transform file stores it (text or HDF5): FixedParameters are the field's
 * grid (size, origin, spacing, then the direction matrix row by row: 18 values, LPS mm), Parameters the displacement
 * vectors voxel by voxel with their three LPS components together ({@code ux0 uy0 uz0 ux1 ...}, x fastest). Coreg
 * keeps the components in three blocks, so they are regrouped here.
 */
final class ItkFieldParameters {
    private ItkFieldParameters() {
    }

    static DisplacementFieldTransform decode(ItkTransformCodec.Entry e, Direction direction, Path file)
            throws TransformFileException {
        double[] f = e.fixed();
        if (f.length != 18) {
            throw TransformFileException.badField(file, e.line(), "FixedParameters (field size, origin, spacing, "
                    + "direction)", "18 values for " + e.type(), f.length + " values");
        }
        int[] size = new int[3];
        for (int d = 0; d < 3; d++) {
            if (f[d] != Math.rint(f[d]) || f[d] < 1 || f[d] > 1e5) {
                throw TransformFileException.badField(file, e.line(), "FixedParameters (field size)",
                        "whole positive numbers", f[0] + " " + f[1] + " " + f[2]);
            }
            size[d] = (int) f[d];
        }
        ImageGeometry g;
        try {
            g = ImageGeometry.of(size, new double[] {f[6], f[7], f[8]}, new double[] {f[3], f[4], f[5]},
                    Arrays.copyOfRange(f, 9, 18));
        } catch (InvalidGeometryException ex) {
            throw TransformFileException.badField(file, e.line(), "FixedParameters", "a valid field grid",
                    ex.getMessage());
        }
        long n = g.voxelCount();
        double[] p = e.parameters();
        if (p.length != 3 * n) {
            throw TransformFileException.badField(file, e.line(), "Parameters (3 x field voxels)", 3 * n
                    + " values for " + e.type(), p.length + " values");
        }
        double[] blocks = new double[p.length];
        for (int v = 0; v < n; v++) {
            for (int c = 0; c < 3; c++) {
                blocks[(int) (c * n) + v] = p[3 * v + c];
            }
        }
        return new DisplacementFieldTransform(g, blocks, direction);
    }

    static ItkTransformCodec.Entry encode(DisplacementFieldTransform field) {
        ImageGeometry g = field.grid();
        double[] f = new double[18];
        for (int d = 0; d < 3; d++) {
            f[d] = g.size(d);
            f[3 + d] = g.origin()[d];
            f[6 + d] = g.spacing(d);
        }
        System.arraycopy(g.direction(), 0, f, 9, 9);
        double[] blocks = field.displacements();
        int n = blocks.length / 3;
        double[] p = new double[blocks.length];
        for (int v = 0; v < n; v++) {
            for (int c = 0; c < 3; c++) {
                p[3 * v + c] = blocks[c * n + v];
            }
        }
        return new ItkTransformCodec.Entry("DisplacementFieldTransform_double_3_3", p, f, 0);
    }
}
