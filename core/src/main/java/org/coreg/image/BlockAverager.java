package org.coreg.image;

/**
 * Shrinks a volume by averaging whole blocks of voxels (factors per axis), keeping the voxel type (integer types
 * rounded). A trailing partial block is dropped. The new grid keeps the direction cosines; spacing grows by the
 * factor and the origin moves to the centre of the first block, so every new voxel centre is the world-space mean of
 * the centres it replaces.
 */
public final class BlockAverager {
    private BlockAverager() {
    }

    /**
     * @param factors block size along i, j, k (each at least 1 and at most the axis size)
     */
    public static Volume shrink(Volume v, int[] factors) {
        ImageGeometry g = v.geometry();
        ImageGeometry out = shrunkGeometry(g, factors);
        if (v.type() == VoxelType.FLOAT32) {
            float[] dst = new float[Math.toIntExact(out.voxelCount())];
            shrinkSlab((float[]) v.voxels().array(), g.size(), factors, dst, 0, out.size(2));
            return new Volume(VoxelData.wrap(VoxelType.FLOAT32, dst), out, v.metadata());
        }
        int[] n = out.size();
        VoxelData data = VoxelData.allocate(v.type(), out.voxelCount());
        VoxelData src = v.voxels();
        int fx = factors[0], fy = factors[1], fz = factors[2];
        int nx = g.size(0), nxy = g.size(0) * g.size(1);
        double count = (double) fx * fy * fz;
        for (int k = 0; k < n[2]; k++) {
            for (int j = 0; j < n[1]; j++) {
                for (int i = 0; i < n[0]; i++) {
                    double sum = 0;
                    for (int c = 0; c < fz; c++) {
                        for (int b = 0; b < fy; b++) {
                            int row = (k * fz + c) * nxy + (j * fy + b) * nx + i * fx;
                            for (int a = 0; a < fx; a++) {
                                sum += src.get(row + a);
                            }
                        }
                    }
                    data.set(i + n[0] * (j + n[1] * k), sum / count);
                }
            }
        }
        return new Volume(data, out, v.metadata());
    }

    /**
     * The grid of a volume on {@code g} shrunk by {@code factors}: same direction cosines, spacing times the factor,
     * origin at the centre of the first block, a trailing partial block dropped.
     *
     * @throws IllegalArgumentException when a factor is below 1 or above its axis size
     */
    public static ImageGeometry shrunkGeometry(ImageGeometry g, int[] factors) {
        int[] n = new int[3];
        double[] spacing = new double[3];
        double[] firstCentre = new double[3];
        for (int d = 0; d < 3; d++) {
            if (factors[d] < 1 || factors[d] > g.size(d)) {
                throw new IllegalArgumentException("shrink factor along axis " + d + " must be 1.." + g.size(d)
                        + ", found " + factors[d]);
            }
            n[d] = g.size(d) / factors[d];
            spacing[d] = g.spacing(d) * factors[d];
            firstCentre[d] = (factors[d] - 1) / 2.0;
        }
        return ImageGeometry.of(n, spacing, g.indexToWorld(firstCentre[0], firstCentre[1], firstCentre[2]),
                g.direction());
    }

    /**
     * Block-averages float voxels into output slices {@code kFrom..kTo-1} of {@code dst} (the grid of
     * {@link #shrunkGeometry}); slabs are independent, so callers may fill them in parallel. Each output voxel is the
     * double sum of its block, k then j then i, divided by the block size: the same value as {@link #shrink}.
     *
     * @param src source voxels, x fastest, on a grid of {@code size}
     */
    public static void shrinkSlab(float[] src, int[] size, int[] factors, float[] dst, int kFrom, int kTo) {
        int fx = factors[0], fy = factors[1], fz = factors[2];
        int nx = size[0], nxy = size[0] * size[1];
        int ox = nx / fx, oy = size[1] / fy;
        double count = (double) fx * fy * fz;
        double[] acc = new double[ox];
        for (int k = kFrom; k < kTo; k++) {
            for (int j = 0; j < oy; j++) {
                java.util.Arrays.fill(acc, 0);
                // Row by row the block's voxels are added in the same order as voxel by voxel (c, b, a), so each
                // sum, and so each float, is the same as the generic path's.
                for (int c = 0; c < fz; c++) {
                    for (int b = 0; b < fy; b++) {
                        int row = (k * fz + c) * nxy + (j * fy + b) * nx;
                        for (int i = 0, p = row; i < ox; i++) {
                            double s = acc[i];
                            for (int a = 0; a < fx; a++) {
                                s += src[p++];
                            }
                            acc[i] = s;
                        }
                    }
                }
                int o = ox * (j + oy * k);
                for (int i = 0; i < ox; i++) {
                    dst[o + i] = (float) (acc[i] / count);
                }
            }
        }
    }
}
