package org.coreg.io;

import java.util.Objects;
import org.coreg.image.ImageGeometry;
import org.coreg.image.VoxelType;

/**
 * A three-component vector image as a file holds it: the grid (LPS mm, full geometry), the stored component type
 * (float32 or float64) and the components as three blocks (all x, then all y, then all z; each block x fastest).
 * The meaning of the vectors (a displacement in LPS mm, for Coreg's fields) is the caller's.
 *
 * @param grid       where the vectors lie
 * @param storedType {@link VoxelType#FLOAT32} or {@link VoxelType#FLOAT64}
 * @param components  {@code 3 * grid.voxelCount()} values, shared (not copied)
 * @param description free text the file carries (NIfTI descrip, MetaImage Comment), "" if none
 */
public record VectorVolume(ImageGeometry grid, VoxelType storedType, double[] components, String description) {
    public VectorVolume {
        Objects.requireNonNull(grid, "grid");
        description = description == null ? "" : description;
        if (storedType != VoxelType.FLOAT32 && storedType != VoxelType.FLOAT64) {
            throw new IllegalArgumentException("vector components are float32 or float64, not " + storedType);
        }
        if (components.length != 3 * grid.voxelCount()) {
            throw new IllegalArgumentException("a vector image of " + grid.voxelCount() + " voxels needs "
                    + 3 * grid.voxelCount() + " values, found " + components.length);
        }
    }
}
