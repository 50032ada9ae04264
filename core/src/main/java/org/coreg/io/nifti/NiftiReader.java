package org.coreg.io.nifti;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.ZipException;
import org.coreg.image.ImageMetadata;
import org.coreg.image.Modality;
import org.coreg.image.Volume;
import org.coreg.image.VoxelData;
import org.coreg.image.VoxelReadListener;
import org.coreg.io.DataFiles;
import org.coreg.io.ImageIOException;
import org.coreg.io.ImageReader;
import org.coreg.io.RawVoxels;

/**
 * Reads NIfTI-1 and NIfTI-2 ({@code .nii}, {@code .nii.gz}, {@code .hdr}/{@code .img}, {@code .img.gz}) into a
 * {@link Volume} in LPS, voxels in their stored type, scl_slope/scl_inter in the metadata. Geometry follows ITK
 * 5.2 (see {@link NiftiGeometry}).
 */
public final class NiftiReader implements ImageReader {
    @Override
    public Volume read(Path file) throws ImageIOException {
        return read(file, VoxelReadListener.NONE);
    }

    @Override
    public Volume read(Path file, VoxelReadListener listener) throws ImageIOException {
        Path headerFile = file;
        if (NiftiFiles.isImgName(file)) {
            headerFile = existing(NiftiFiles.headerCandidates(file), file, "header file of this .img");
        }
        try (InputStream in = openOrFail(headerFile)) {
            NiftiHeader h = readHeader(in, headerFile);
            NiftiHeaderCheck.Grid grid = NiftiHeaderCheck.check(h, headerFile);
            NiftiGeometry.Resolved placed = NiftiGeometry.resolve(h, grid, headerFile);
            if (h.singleFile()) {
                checkPlainLength(headerFile, h, grid); // before allocating: a lying header costs no memory
                VoxelData voxels = allocate(headerFile, grid, h);
                skip(in, h.voxOffset() - h.version().headerSize(), headerFile, h);
                RawVoxels.read(in, voxels, h.order(), headerFile, listener);
                finishGzip(in, headerFile);
                return new Volume(voxels, placed.geometry(), metadata(file, h));
            } else {
                Path dataFile = NiftiFiles.isImgName(file) ? file
                        : existing(NiftiFiles.dataCandidates(headerFile), headerFile, "data file (.img) of this header");
                // A symbolic link in place of the .img must not lead outside the header's folder (DataFiles).
                DataFiles.checked(headerFile, ".img data file", dataFile.getFileName().toString(), dataFile);
                try (InputStream data = openOrFail(dataFile)) {
                    checkPlainLength(dataFile, h, grid);
                    checkNoSurplus(dataFile, h, grid);
                    VoxelData voxels = allocate(headerFile, grid, h);
                    skip(data, h.voxOffset(), dataFile, h);
                    RawVoxels.read(data, voxels, h.order(), dataFile, listener);
                    finishGzip(data, dataFile);
                    return new Volume(voxels, placed.geometry(), metadata(file, h));
                }
            }
        } catch (IOException e) {
            throw asImageIo(e, headerFile);
        }
    }

    /**
     * Reads a gzip stream to its end so that its CRC-32 and length trailer are checked: voxel bytes that inflate
     * but are wrong are caught there, as {@code gzip -t} would catch them.
     */
    static void finishGzip(InputStream in, Path file) throws ImageIOException {
        if (!(in instanceof GzipInput)) {
            return;
        }
        try {
            byte[] rest = new byte[1 << 16];
            while (in.read(rest, 0, rest.length) >= 0) {
                // bytes after the voxels (padding) are not used
            }
        } catch (IOException e) {
            throw new ImageIOException(file, ImageIOException.Problem.CORRUPT_COMPRESSION,
                    "field gzip trailer: " + e.getMessage(), e);
        }
    }

    private static VoxelData allocate(Path file, NiftiHeaderCheck.Grid grid, NiftiHeader h) throws ImageIOException {
        return RawVoxels.allocate(file, grid.type().voxelType(), grid.voxelCount(), NiftiHeaderCheck.dimText(h.dim()));
    }

    private static NiftiHeader readHeader(InputStream in, Path file) throws IOException {
        byte[] h = readHeaderBytes(in, file);
        return NiftiHeaderCodec.decode(h, NiftiHeaderCodec.detect(h), file);
    }

    /** The whole header (348 or 540 bytes), its layout checked by sizeof_hdr; fields not yet decoded. */
    static byte[] readHeaderBytes(InputStream in, Path file) throws IOException {
        byte[] head = in.readNBytes(4);
        NiftiHeaderCodec.Layout layout = NiftiHeaderCodec.detect(head);
        if (layout == null) {
            if (head.length < 4) {
                throw new ImageIOException(file, ImageIOException.Problem.TRUNCATED,
                        "field sizeof_hdr: expected 4 bytes, found " + head.length + " (file too short)");
            }
            throw new ImageIOException(file, ImageIOException.Problem.WRONG_FORMAT,
                    "field sizeof_hdr: expected 348 (NIfTI-1) or 540 (NIfTI-2) in either byte order, found "
                            + java.nio.ByteBuffer.wrap(head).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt()
                            + " (little-endian)");
        }
        int size = layout.version().headerSize();
        byte[] h = new byte[size];
        System.arraycopy(head, 0, h, 0, 4);
        int got = in.readNBytes(h, 4, size - 4) + 4;
        if (got < size) {
            throw new ImageIOException(file, ImageIOException.Problem.TRUNCATED, "header: expected " + size
                    + " bytes (" + layout.version() + "), found " + got);
        }
        return h;
    }

    /** For an uncompressed data file, the header's sizes must fit in the file's length. */
    static void checkPlainLength(Path file, NiftiHeader h, NiftiHeaderCheck.Grid grid) throws IOException {
        long length = Files.size(file);
        if (isGzip(file)) {
            // The decompressed length is known only by reading, but deflate expands at most about 1032-fold: a
            // header that claims more than its compressed bytes can hold is refused before anything is allocated.
            long needed = h.voxOffset() + grid.dataBytes();
            if (needed / RawVoxels.MAX_DEFLATE_RATIO > length) {
                throw new ImageIOException(file, ImageIOException.Problem.TRUNCATED, "field dim: expected gzip data "
                        + "that decompress to " + needed + " bytes (vox_offset " + h.voxOffset() + " + "
                        + NiftiHeaderCheck.dimText(h.dim()) + " of datatype " + h.datatype() + "), at least "
                        + needed / RawVoxels.MAX_DEFLATE_RATIO + " compressed bytes, found a file of " + length
                        + " bytes");
            }
            if (RawVoxels.worthCounting(needed, length)) {
                // Within deflate's limit but far beyond what images compress to: inflate once, keeping nothing, so
                // that a header that lies costs no memory (GzipInput reports corrupt or short data as it goes).
                long got;
                try (InputStream probe = NiftiFiles.open(file)) {
                    got = RawVoxels.inflatedBytes(probe, needed);
                }
                if (got < needed) {
                    throw new ImageIOException(file, ImageIOException.Problem.TRUNCATED, "field dim: expected gzip "
                            + "data that decompress to " + needed + " bytes (vox_offset " + h.voxOffset() + " + "
                            + NiftiHeaderCheck.dimText(h.dim()) + " of datatype " + h.datatype() + "), found "
                            + got + " bytes");
                }
            }
            return;
        }
        if (h.voxOffset() > length) {
            throw ImageIOException.badField(file, "vox_offset", "at most the file length " + length + " bytes",
                    h.voxOffset());
        }
        long needed = h.voxOffset() + grid.dataBytes();
        if (needed > length) {
            throw new ImageIOException(file, ImageIOException.Problem.TRUNCATED, "field voxel data: expected "
                    + needed + " bytes (vox_offset " + h.voxOffset() + " + " + NiftiHeaderCheck.dimText(h.dim())
                    + " of datatype " + h.datatype() + "), found a file of " + length + " bytes");
        }
    }

    /**
     * The .img of a pair must hold exactly what its header declares: more is another image, or one written over a
     * larger one, and would be read silently as this one.
     */
    static void checkNoSurplus(Path img, NiftiHeader h, NiftiHeaderCheck.Grid grid) throws IOException {
        if (isGzip(img)) {
            return; // the gzip trailer and the end of the stream are checked when it is read
        }
        long length = Files.size(img);
        long declared = h.voxOffset() + grid.dataBytes();
        if (length > declared) {
            throw ImageIOException.badField(img, "dim", declared + " bytes of voxel data (vox_offset " + h.voxOffset()
                    + " + " + NiftiHeaderCheck.dimText(h.dim()) + " of datatype " + h.datatype() + ")",
                    "a data file of " + length + " bytes");
        }
    }

    private static boolean isGzip(Path file) throws IOException {
        try (InputStream probe = Files.newInputStream(file)) {
            byte[] m = probe.readNBytes(2);
            return m.length == 2 && (m[0] & 0xff) == 0x1f && (m[1] & 0xff) == 0x8b;
        }
    }

    static void skip(InputStream in, long n, Path file, NiftiHeader h) throws IOException {
        long left = n;
        while (left > 0) {
            long s = in.skip(left);
            if (s <= 0) {
                if (in.read() < 0) {
                    throw ImageIOException.badField(file, "vox_offset", "an offset inside the (decompressed) file",
                            h.voxOffset());
                }
                s = 1;
            }
            left -= s;
        }
    }

    private static Path existing(Path[] candidates, Path named, String what) throws ImageIOException {
        for (Path p : candidates) {
            if (Files.exists(p)) {
                return p;
            }
        }
        throw new ImageIOException(candidates[0], ImageIOException.Problem.MISSING_FILE, "the " + what + " "
                + named.getFileName() + " does not exist: expected " + candidates[0].getFileName()
                + (candidates.length > 1 ? " or " + candidates[1].getFileName() : "") + ", found neither");
    }

    static InputStream openOrFail(Path file) throws IOException {
        try {
            return NiftiFiles.open(file);
        } catch (NoSuchFileException e) {
            throw new ImageIOException(file, ImageIOException.Problem.MISSING_FILE, "file does not exist", e);
        }
    }

    private static ImageMetadata metadata(Path file, NiftiHeader h) {
        double slope = h.sclSlope();
        double inter = h.sclInter();
        // The standard: slope 0 means "no scaling"; nifti_clib also ignores a non-finite slope.
        boolean scaled = Double.isFinite(slope) && slope != 0;
        return new ImageMetadata(NiftiFiles.stem(file), file, NiftiFormat.NAME, Modality.UNKNOWN,
                scaled ? slope : 1, scaled && Double.isFinite(inter) ? inter : 0);
    }

    static ImageIOException asImageIo(IOException e, Path file) {
        if (e instanceof ImageIOException i) {
            return i;
        }
        if (e instanceof ZipException) {
            return new ImageIOException(file, ImageIOException.Problem.CORRUPT_COMPRESSION,
                    "header: gzip data is corrupt (" + e.getMessage() + ")", e);
        }
        if (e instanceof EOFException) {
            return new ImageIOException(file, ImageIOException.Problem.TRUNCATED,
                    "header: compressed data ends early (" + e.getMessage() + ")", e);
        }
        return new ImageIOException(file, ImageIOException.Problem.IO_FAILURE,
                "could not read (" + e.getMessage() + ")", e);
    }
}
