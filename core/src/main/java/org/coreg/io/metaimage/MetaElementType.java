package org.coreg.io.metaimage;

import java.util.Arrays;
import java.util.Optional;
import org.coreg.image.VoxelType;

/** The MetaImage {@code ElementType} values Coreg reads and writes, and the voxel type each one holds. */
enum MetaElementType {
    MET_UCHAR(VoxelType.UINT8),
    MET_CHAR(VoxelType.INT8),
    MET_USHORT(VoxelType.UINT16),
    MET_SHORT(VoxelType.INT16),
    MET_UINT(VoxelType.UINT32),
    MET_INT(VoxelType.INT32),
    MET_FLOAT(VoxelType.FLOAT32),
    MET_DOUBLE(VoxelType.FLOAT64);

    private final VoxelType voxelType;

    MetaElementType(VoxelType voxelType) {
        this.voxelType = voxelType;
    }

    VoxelType voxelType() {
        return voxelType;
    }

    /** The element type named exactly as in a header ({@code MET_SHORT}), if supported. */
    static Optional<MetaElementType> parse(String name) {
        return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
    }

    static MetaElementType of(VoxelType type) {
        return Arrays.stream(values()).filter(t -> t.voxelType == type).findFirst().orElseThrow();
    }

    /** The supported names, for error messages. */
    static String names() {
        return Arrays.toString(values());
    }
}
