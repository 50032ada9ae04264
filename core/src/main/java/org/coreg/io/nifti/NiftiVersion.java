package org.coreg.io.nifti;

/**
 * The two NIfTI header layouts. NIfTI-1 stores dimensions as 16-bit integers and geometry as 32-bit floats;
 * NIfTI-2 stores both as 64-bit values, so geometry survives a round trip exactly.
 */
public enum NiftiVersion {
    NIFTI1(348, "n+1", "ni1"),
    NIFTI2(540, "n+2", "ni2");

    private final int headerSize;
    private final String singleFileMagic;
    private final String pairMagic;

    NiftiVersion(int headerSize, String singleFileMagic, String pairMagic) {
        this.headerSize = headerSize;
        this.singleFileMagic = singleFileMagic;
        this.pairMagic = pairMagic;
    }

    /** {@code sizeof_hdr}: 348 or 540 bytes. */
    public int headerSize() {
        return headerSize;
    }

    /** Magic of a single {@code .nii} file (header and voxels together). */
    public String singleFileMagic() {
        return singleFileMagic;
    }

    /** Magic of a {@code .hdr}/{@code .img} pair. */
    public String pairMagic() {
        return pairMagic;
    }

    /** Offset of the first voxel in a single file: header, then 4 bytes of (empty) extension flags. */
    public int singleFileVoxelOffset() {
        return headerSize + 4;
    }
}
