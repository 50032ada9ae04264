package org.coreg.io.nifti;

import java.nio.ByteOrder;

/**
 * The fields of a NIfTI-1 or NIfTI-2 header that place and decode the voxels, as stored (RAS world, not yet
 * validated). Arrays are shared, not copied: treat them as read-only.
 *
 * @param version    header layout
 * @param order      byte order of the header and the voxels
 * @param singleFile true for {@code n+1}/{@code n+2} (voxels in the same file), false for a .hdr/.img pair
 * @param dim        {@code dim[0..7]}: dim[0] is the number of dimensions, dim[1..3] the voxels along i, j, k
 * @param datatype   NIfTI datatype code (see {@link NiftiDataType})
 * @param pixdim     {@code pixdim[0..7]}: pixdim[0] is qfac (sign of the third qform axis), pixdim[1..3] spacing
 * @param voxOffset  byte offset of the first voxel in the data file
 * @param sclSlope   real = stored * slope + intercept; 0 means no scaling
 * @param sclInter   see {@code sclSlope}
 * @param xyztUnits  units code; its low 3 bits give the spatial unit (0 unknown, 1 m, 2 mm, 3 micron)
 * @param qformCode  0 = no qform; 1 scanner, 2 aligned, 3 Talairach, 4 MNI
 * @param sformCode  0 = no sform; otherwise as {@code qformCode}
 * @param quatern    quatern_b, quatern_c, quatern_d
 * @param qoffset    qoffset_x, qoffset_y, qoffset_z (RAS mm)
 * @param srow       srow_x, srow_y, srow_z: the sform as a row-major 3x4 matrix, index to RAS mm
 * @param descrip    free text, at most 79 characters
 */
public record NiftiHeader(NiftiVersion version, ByteOrder order, boolean singleFile, long[] dim, int datatype,
                          int bitpix, double[] pixdim, long voxOffset, double sclSlope, double sclInter,
                          int xyztUnits, int qformCode, int sformCode, double[] quatern, double[] qoffset,
                          double[] srow, String descrip) {
    /** The magic string this header carries ({@code n+1}, {@code ni1}, {@code n+2} or {@code ni2}). */
    public String magic() {
        return singleFile ? version.singleFileMagic() : version.pairMagic();
    }

    /** Spatial unit in mm: 1000 for metres, 0.001 for microns, else 1 (mm or unknown, which ITK reads as mm). */
    public double spatialUnitMm() {
        return switch (xyztUnits & 7) {
            case 1 -> 1000.0;
            case 3 -> 0.001;
            default -> 1.0;
        };
    }
}
