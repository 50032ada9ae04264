package org.coreg.io.dicom;

import java.nio.file.Path;
import org.coreg.image.VoxelType;
import org.coreg.io.ImageIOException;

/**
 * How the pixels of one DICOM image are laid out, checked for what Coreg can load: one sample per pixel
 * (MONOCHROME1/2), 8, 16 or 32 bits allocated.
 *
 * @param rows                 pixels per column (image height)
 * @param columns              pixels per row (image width)
 * @param frames               number of frames (1 for single-frame objects)
 * @param bitsAllocated        8, 16 or 32
 * @param bitsStored           significant bits, at most {@code bitsAllocated}
 * @param signed               Pixel Representation 1 (two's complement)
 * @param photometric          MONOCHROME1 or MONOCHROME2
 */
public record PixelFormat(int rows, int columns, int frames, int bitsAllocated, int bitsStored, boolean signed,
                          String photometric) {
    /** Reads and validates the pixel module; errors name the file and the tag. */
    public static PixelFormat of(DicomDataset ds) throws ImageIOException {
        Path file = ds.file();
        int rows = ds.requireUnsignedShort(DicomTags.ROWS);
        int cols = ds.requireUnsignedShort(DicomTags.COLUMNS);
        if (rows < 1 || cols < 1) {
            throw ImageIOException.badField(file, DicomTags.describe(rows < 1 ? DicomTags.ROWS : DicomTags.COLUMNS),
                    "at least 1", rows < 1 ? rows : cols);
        }
        if ((long) rows * cols > org.coreg.image.VoxelData.MAX_VOXELS) {
            // rows * columns is an int index; 65535 x 65535 would overflow it.
            throw new ImageIOException(file, ImageIOException.Problem.TOO_LARGE, "field Rows x Columns: expected at "
                    + "most " + org.coreg.image.VoxelData.MAX_VOXELS + " pixels per frame, found " + rows + " x " + cols);
        }
        int spp = ds.unsignedShort(DicomTags.SAMPLES_PER_PIXEL, 1);
        String photometric = ds.string(DicomTags.PHOTOMETRIC_INTERPRETATION, "MONOCHROME2");
        if (spp != 1 || !photometric.startsWith("MONOCHROME")) {
            throw ImageIOException.unsupported(file, DicomTags.describe(DicomTags.PHOTOMETRIC_INTERPRETATION),
                    "one sample per pixel, MONOCHROME1 or MONOCHROME2", photometric + " with " + spp + " sample(s)");
        }
        int bitsAllocated = ds.requireUnsignedShort(DicomTags.BITS_ALLOCATED);
        if (bitsAllocated != 8 && bitsAllocated != 16 && bitsAllocated != 32) {
            throw ImageIOException.unsupported(file, DicomTags.describe(DicomTags.BITS_ALLOCATED), "8, 16 or 32",
                    bitsAllocated);
        }
        int bitsStored = ds.unsignedShort(DicomTags.BITS_STORED, bitsAllocated);
        if (bitsStored < 1 || bitsStored > bitsAllocated) {
            throw ImageIOException.badField(file, DicomTags.describe(DicomTags.BITS_STORED),
                    "1.." + bitsAllocated + " (Bits Allocated)", bitsStored);
        }
        int rep = ds.unsignedShort(DicomTags.PIXEL_REPRESENTATION, 0);
        if (rep != 0 && rep != 1) {
            throw ImageIOException.badField(file, DicomTags.describe(DicomTags.PIXEL_REPRESENTATION), "0 or 1", rep);
        }
        int frames = 1;
        String nf = ds.string(DicomTags.NUMBER_OF_FRAMES);
        if (nf != null && !nf.isEmpty()) {
            frames = (int) ds.decimal(DicomTags.NUMBER_OF_FRAMES, 1);
            if (frames < 1) {
                throw ImageIOException.badField(file, DicomTags.describe(DicomTags.NUMBER_OF_FRAMES), "at least 1",
                        nf);
            }
        }
        return new PixelFormat(rows, cols, frames, bitsAllocated, bitsStored, rep == 1, photometric);
    }

    /** Pixels in one frame. */
    public int pixelsPerFrame() {
        return rows * columns;
    }

    /** Bytes of one uncompressed frame. */
    public long frameBytes() {
        return (long) rows * columns * (bitsAllocated / 8);
    }

    /** The in-memory type that holds every stored value exactly. */
    public VoxelType voxelType() {
        return switch (bitsAllocated) {
            case 8 -> signed ? VoxelType.INT8 : VoxelType.UINT8;
            case 16 -> signed ? VoxelType.INT16 : VoxelType.UINT16;
            default -> signed ? VoxelType.INT32 : VoxelType.UINT32;
        };
    }

    /** True when two images can share one volume (same size and stored type). */
    public boolean sameLayout(PixelFormat o) {
        return rows == o.rows && columns == o.columns && bitsAllocated == o.bitsAllocated && signed == o.signed;
    }

    /**
     * The stored value of a raw bit pattern: bits above {@code bitsStored} dropped, sign-extended when signed.
     */
    public int normalize(int raw) {
        if (bitsStored == 32) {
            return raw;
        }
        int shift = 32 - bitsStored;
        return signed ? (raw << shift) >> shift : raw & ((1 << bitsStored) - 1);
    }
}
