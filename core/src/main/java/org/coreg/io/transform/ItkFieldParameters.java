package org.coreg.io.transform;

import java.nio.file.Path;
import org.coreg.image.ImageGeometry;
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
        ImageGeometry g = ItkGridParameters.decode(e, file, "field", 1, "whole positive numbers",
                "a valid field grid");
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
        double[] f = ItkGridParameters.encode(field.grid());
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
