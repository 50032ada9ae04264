package org.coreg.registration;

import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.image.ImageMetadata;
import org.coreg.image.Volume;
import org.coreg.image.VoxelData;
import org.coreg.image.VoxelType;
import org.coreg.image.interpolation.InterpolationKind;
import org.coreg.image.interpolation.Interpolator;
import org.coreg.image.interpolation.ScalarGrid;

/**
 * Resamples the moving image onto the fixed image's grid through a registration result: the output voxel at fixed
 * point x takes the moving image's value at {@code fixedToMoving(x)}. Points outside the moving image get its
 * lowest real value (air for a CT, background for an MR).
 */
public final class Resampler {
    private Resampler() {
    }

    /**
     * @param fixedToMoving LPS mm, fixed to moving
     * @return real values in the moving image's type when it has no rescale (integers rounded and clamped), else
     *         float32; geometry of {@code fixedGrid}
     */
    public static Volume toFixedGrid(Volume moving, ImageGeometry fixedGrid, AffineMap fixedToMoving,
                                     InterpolationKind kind) {
        ImageGeometry mg = moving.geometry();
        float[] mv = RealValues.of(moving);
        Interpolator in = kind.over(new ScalarGrid(mv, mg.size(0), mg.size(1), mg.size(2)));
        float low = Float.POSITIVE_INFINITY;
        for (float v : mv) {
            low = Math.min(low, v);
        }
        boolean keepType = moving.metadata().hasIdentityRescale();
        VoxelType type = keepType ? moving.type() : VoxelType.FLOAT32;
        VoxelData out = VoxelData.allocate(type, fixedGrid.voxelCount());
        AffineMap toIndex = mg.worldToIndex().after(fixedToMoving).after(fixedGrid.indexToWorld());
        double[] ijk = new double[3];
        double[] q = new double[3];
        int f = 0;
        for (int k = 0; k < fixedGrid.size(2); k++) {
            for (int j = 0; j < fixedGrid.size(1); j++) {
                for (int i = 0; i < fixedGrid.size(0); i++, f++) {
                    ijk[0] = i;
                    ijk[1] = j;
                    ijk[2] = k;
                    toIndex.apply(ijk, q);
                    out.set(f, in.valueOr(q[0], q[1], q[2], low));
                }
            }
        }
        ImageMetadata md = moving.metadata().withName(moving.metadata().name() + "-registered")
                .withRescale(1, 0).withSource(null, null);
        return new Volume(out, fixedGrid, md);
    }
}
