package org.coreg.registration.deformable;

import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.image.ImageMetadata;
import org.coreg.image.Volume;
import org.coreg.image.VoxelData;
import org.coreg.image.VoxelType;
import org.coreg.image.interpolation.InterpolationKind;
import org.coreg.image.interpolation.Interpolator;
import org.coreg.image.interpolation.ScalarGrid;
import org.coreg.transform.SpatialTransform;

/**
 * Resamples the moving image onto the fixed grid through any fixed-to-moving transform (a B-spline result, not only
 * an affine one): the voxel at fixed point x takes the moving value at {@code fixedToMoving(x)} (LPS mm); points
 * outside the moving image get its lowest value. Output is float32 real values on the fixed grid.
 */
public final class WarpResampler {
    private WarpResampler() {
    }

    public static Volume toFixedGrid(Volume moving, ImageGeometry fixedGrid, SpatialTransform fixedToMoving,
                                     InterpolationKind kind) {
        ImageGeometry mg = moving.geometry();
        float[] mv = moving.toFloatArray();
        Interpolator in = kind.over(new ScalarGrid(mv, mg.size(0), mg.size(1), mg.size(2)));
        float low = Float.POSITIVE_INFINITY;
        for (float v : mv) {
            low = Math.min(low, v);
        }
        float[] out = new float[(int) fixedGrid.voxelCount()];
        AffineMap i2w = fixedGrid.indexToWorld();
        AffineMap w2i = mg.worldToIndex();
        double[] p = new double[3];
        int f = 0;
        for (int k = 0; k < fixedGrid.size(2); k++) {
            for (int j = 0; j < fixedGrid.size(1); j++) {
                for (int i = 0; i < fixedGrid.size(0); i++, f++) {
                    i2w.apply(new double[] {i, j, k}, p);
                    fixedToMoving.apply(p, p);
                    w2i.apply(p, p);
                    out[f] = (float) in.valueOr(p[0], p[1], p[2], low);
                }
            }
        }
        return new Volume(VoxelData.wrap(VoxelType.FLOAT32, out), fixedGrid,
                ImageMetadata.named(moving.metadata().name() + "-registered"));
    }
}
