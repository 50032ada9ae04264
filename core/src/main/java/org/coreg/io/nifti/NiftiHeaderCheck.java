package org.coreg.io.nifti;

import java.nio.file.Path;
import java.util.Arrays;
import org.coreg.image.VoxelData;
import org.coreg.io.ImageIOException;

/**
 * Validates the fields of a decoded header that decide how many voxels there are, of which type and how far
 * apart, before anything is allocated or read. Each failure names the field, what was expected and what was found.
 */
final class NiftiHeaderCheck {
    private NiftiHeaderCheck() {
    }

    /** What a valid header says about the voxel grid. */
    record Grid(int[] size, NiftiDataType type, double[] spacing, long voxelCount) {
        long dataBytes() {
            return voxelCount * type.voxelType().bytes();
        }
    }

    static Grid check(NiftiHeader h, Path file) throws ImageIOException {
        long[] dim = h.dim();
        long nd = dim[0];
        if (nd < 1 || nd > 7) {
            throw ImageIOException.badField(file, "dim[0]", "1 to 7 dimensions", nd);
        }
        for (int i = 1; i <= nd; i++) {
            if (dim[i] < 1) {
                throw ImageIOException.badField(file, "dim[" + i + "]", "at least 1 voxel", dim[i]);
            }
            if (i > 3 && dim[i] != 1) {
                throw ImageIOException.unsupported(file, "dim[" + i + "]", "1 (a single 3-D volume)", dim[i]);
            }
        }
        NiftiDataType type = NiftiDataType.ofCode(h.datatype()).orElseThrow(
                () -> ImageIOException.unsupported(file, "datatype", NiftiDataType.SUPPORTED, h.datatype()));
        int[] size = new int[3];
        double[] spacing = new double[3];
        long count = 1;
        try {
            for (int d = 0; d < 3; d++) {
                count = Math.multiplyExact(count, d < nd ? dim[d + 1] : 1);
            }
            Math.multiplyExact(count, (long) type.voxelType().bytes());
        } catch (ArithmeticException e) {
            throw new ImageIOException(file, ImageIOException.Problem.TOO_LARGE, "field dim: expected a voxel"
                    + " count that fits in 64 bits, found " + dimText(dim) + " (the product overflows)");
        }
        if (count > VoxelData.MAX_VOXELS) {
            throw new ImageIOException(file, ImageIOException.Problem.TOO_LARGE, "field dim: expected at most "
                    + VoxelData.MAX_VOXELS + " voxels (one Java array), found " + dimText(dim) + " = " + count);
        }
        for (int d = 0; d < 3; d++) {
            long n = d < nd ? dim[d + 1] : 1;
            if (n > Integer.MAX_VALUE) {
                throw new ImageIOException(file, ImageIOException.Problem.TOO_LARGE, "field dim[" + (d + 1)
                        + "]: expected at most " + Integer.MAX_VALUE + " voxels, found " + n);
            }
            size[d] = (int) n;
            double p = h.pixdim()[d + 1];
            if (d < nd && (!Double.isFinite(p) || p == 0)) {
                throw ImageIOException.badField(file, "pixdim[" + (d + 1) + "]", "a finite non-zero spacing", p);
            }
            // Unused axes (2-D images) often carry pixdim 0; their spacing does not matter, so take 1 mm.
            spacing[d] = d < nd ? Math.abs(p) * h.spatialUnitMm() : 1.0;
        }
        long minOffset = h.singleFile() ? h.version().headerSize() : 0;
        if (h.voxOffset() < minOffset) {
            throw ImageIOException.badField(file, "vox_offset", "at least " + minOffset, h.voxOffset());
        }
        return new Grid(size, type, spacing, count);
    }

    static String dimText(long[] dim) {
        return "dim = " + Arrays.toString(Arrays.copyOfRange(dim, 1, (int) Math.max(2, Math.min(8, dim[0] + 1))));
    }
}
