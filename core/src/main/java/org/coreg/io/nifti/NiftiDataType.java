package org.coreg.io.nifti;

import java.util.Arrays;
import java.util.Optional;
import org.coreg.image.VoxelType;

/** The NIfTI {@code datatype} codes Coreg reads and writes, with the voxel type each holds. */
public enum NiftiDataType {
    UINT8(2, VoxelType.UINT8),
    INT16(4, VoxelType.INT16),
    INT32(8, VoxelType.INT32),
    FLOAT32(16, VoxelType.FLOAT32),
    FLOAT64(64, VoxelType.FLOAT64),
    INT8(256, VoxelType.INT8),
    UINT16(512, VoxelType.UINT16),
    UINT32(768, VoxelType.UINT32);

    /** Codes and names of the types the standard defines, for messages. */
    static final String SUPPORTED = "2 (uint8), 4 (int16), 8 (int32), 16 (float32), 64 (float64), 256 (int8), "
            + "512 (uint16) or 768 (uint32)";

    private final int code;
    private final VoxelType voxelType;

    NiftiDataType(int code, VoxelType voxelType) {
        this.code = code;
        this.voxelType = voxelType;
    }

    public int code() {
        return code;
    }

    public VoxelType voxelType() {
        return voxelType;
    }

    /** {@code bitpix} for this type. */
    public int bitsPerVoxel() {
        return voxelType.bytes() * 8;
    }

    public static Optional<NiftiDataType> ofCode(int code) {
        return Arrays.stream(values()).filter(t -> t.code == code).findFirst();
    }

    public static NiftiDataType of(VoxelType type) {
        return Arrays.stream(values()).filter(t -> t.voxelType == type).findFirst().orElseThrow();
    }
}
