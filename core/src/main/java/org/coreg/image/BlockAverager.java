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
        ImageGeometry out = ImageGeometry.of(n, spacing,
                g.indexToWorld(firstCentre[0], firstCentre[1], firstCentre[2]), g.direction());
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
}
