package org.coreg.io.metaimage;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.coreg.image.ImageGeometry;
import org.coreg.image.ImageMetadata;
import org.coreg.image.InvalidGeometryException;
import org.coreg.image.Volume;
import org.coreg.image.VoxelData;
import org.coreg.image.VoxelReadListener;
import org.coreg.image.VoxelType;
import org.coreg.io.DataFiles;
import org.coreg.io.ImageIOException;
import org.coreg.io.ImageIOException.Problem;
import org.coreg.io.ImageReader;
import org.coreg.io.RawVoxels;

/**
 * Reads a MetaImage ({@code .mha} with local data, or {@code .mhd} with a detached {@code .raw}/{@code .zraw}
 * file) into a {@link Volume} with the geometry ITK 5.2 gives it, in LPS mm. Every problem with the content ends in
 * an {@link ImageIOException} naming the file, the field, what was expected and what was found.
 */
public final class MetaImageReader implements ImageReader {
    /** Headers longer than this are not MetaImage headers (MetaIO's own are a few hundred bytes). */
    static final int MAX_HEADER_BYTES = 1 << 20;
    /** Deflate's largest expansion is 1032:1 (RFC 1951 length codes); a little headroom. */
    private static final long MAX_DEFLATE_RATIO = 1040;

    @Override
    public Volume read(Path file) throws ImageIOException {
        return read(file, VoxelReadListener.NONE);
    }

    @Override
    public Volume read(Path file, VoxelReadListener listener) throws ImageIOException {
        MetaImageHeader h = MetaImageHeaderParser.parse(file, head(file));
        ImageGeometry geometry = geometry(file, h);
        VoxelData voxels = readValues(file, h, 1, listener);
        ImageMetadata meta = new ImageMetadata(baseName(file), file, MetaImageFormat.NAME, h.modality(), 1, 0);
        return new Volume(voxels, geometry, meta);
    }

    /** The stored values, {@code components} per voxel (interleaved, as MetaImage stores channels). */
    static VoxelData readValues(Path file, MetaImageHeader h, int components) throws ImageIOException {
        return readValues(file, h, components, VoxelReadListener.NONE);
    }

    /** As above, telling {@code listener} how far the values have arrived. */
    static VoxelData readValues(Path file, MetaImageHeader h, int components, VoxelReadListener listener)
            throws ImageIOException {
        VoxelType type = h.elementType().voxelType();
        long count = h.voxelCount() < 0 ? -1 : h.voxelCount() * components;
        String dims = "DimSize " + Arrays.toString(h.dimSize());
        checkFits(file, type, count, dims);
        Path data = dataFile(file, h);
        long length = size(data, file, h);
        long bytes = count * type.bytes();
        long start = start(file, data, h, length, bytes);
        VoxelData voxels;
        if (!h.compressed()) {
            if (length - start > bytes && !h.isLocal() && h.headerSize() == 0) {
                // A whole data file with more bytes than declared is another image, or one written over a larger one
                // (an explicit HeaderSize says where the voxels are; -1 takes them from the end).
                throw MetaImageException.of(data, Problem.BAD_FIELD, "DimSize/ElementType", bytes + " bytes of "
                        + "voxel data (" + dims + " x " + h.elementType() + " in " + file.getFileName() + ") from byte "
                        + start + " of " + data, (length - start) + " bytes (file length " + length + ")");
            }
            if (length - start < bytes) {
                throw MetaImageException.of(data, Problem.TRUNCATED, "DimSize/ElementType", bytes + " bytes of "
                        + "voxel data (" + dims + " x " + h.elementType() + " in " + file.getFileName() + ") from byte "
                        + start + " of " + data,
                        (length - start) + " bytes (file length " + length + ")");
            }
            voxels = RawVoxels.allocate(data, type, count, dims);
            try (InputStream in = open(data, start)) {
                RawVoxels.read(in, voxels, h.byteOrder(), data, listener);
            } catch (IOException e) {
                throw wrap(data, e);
            }
        } else {
            long zlibBytes = h.compressedDataSize() > 0 ? h.compressedDataSize() : length - start;
            if (bytes / MAX_DEFLATE_RATIO > zlibBytes) {
                // No zlib stream expands more than about 1032-fold: refuse before allocating for a header that lies.
                throw MetaImageException.of(data, Problem.TRUNCATED, "CompressedData", "a zlib stream holding "
                        + bytes + " bytes (" + dims + " x " + h.elementType() + "), at least " + bytes
                        / MAX_DEFLATE_RATIO + " compressed bytes", zlibBytes + " compressed bytes");
            }
            if (RawVoxels.worthCounting(bytes, zlibBytes)) {
                // Within deflate's limit but far beyond what images compress to: inflate once, keeping nothing, so
                // that a header that lies costs no memory.
                long got;
                try (InputStream raw = open(data, start);
                     InputStream in = new InflaterInputStream(new Bounded(raw, zlibBytes), new Inflater(), 1 << 16)) {
                    got = RawVoxels.inflatedBytes(in, bytes);
                } catch (IOException e) {
                    got = -1;
                }
                if (got < bytes) {
                    throw MetaImageException.of(data, Problem.TRUNCATED, "CompressedData", "a zlib stream holding "
                            + bytes + " bytes (" + dims + " x " + h.elementType() + ")", got < 0
                            ? "a corrupt or short stream" : "a stream of " + got + " bytes");
                }
            }
            voxels = RawVoxels.allocate(data, type, count, dims);
            try (InputStream raw = open(data, start);
                 InputStream in = new InflaterInputStream(new Bounded(raw, zlibBytes), new Inflater(), 1 << 16)) {
                RawVoxels.read(in, voxels, h.byteOrder(), data, listener);
            } catch (ImageIOException e) {
                throw switch (e.problem()) {
                    case TRUNCATED -> MetaImageException.of(data, Problem.TRUNCATED, "CompressedData",
                            "a zlib stream holding " + bytes + " bytes (" + dims + " x " + h.elementType() + ")",
                            "a stream that ends early (" + e.getMessage() + ")", e);
                    case CORRUPT_COMPRESSION -> MetaImageException.of(data, Problem.CORRUPT_COMPRESSION,
                            "CompressedData", "a valid zlib stream", "corrupt data (" + e.getMessage() + ")", e);
                    default -> e;
                };
            } catch (IOException e) {
                throw wrap(data, e);
            }
        }
        return voxels;
    }

    /** The first bytes of the file, enough for any header. */
    static byte[] head(Path file) throws ImageIOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(MAX_HEADER_BYTES);
        } catch (NoSuchFileException e) {
            throw new ImageIOException(file, Problem.MISSING_FILE, "file does not exist", e);
        } catch (IOException e) {
            throw new ImageIOException(file, Problem.IO_FAILURE, "cannot read (" + e.getMessage() + ")", e);
        }
    }

    static ImageGeometry geometry(Path file, MetaImageHeader h) throws ImageIOException {
        try {
            return h.geometry();
        } catch (InvalidGeometryException e) {
            String field = switch (e.field()) {
                case "spacing" -> "ElementSpacing";
                case "origin" -> "Offset";
                case "direction" -> "TransformMatrix";
                default -> "DimSize";
            };
            throw new ImageIOException(file, Problem.BAD_FIELD, "field " + field + ": " + e.getMessage()
                    .substring(e.getMessage().indexOf(':') + 2), e);
        }
    }

    /** Refuses grids whose voxel count overflows, exceeds one array, or would not fit in the free heap. */
    private static void checkFits(Path file, VoxelType type, long count, String dims) throws ImageIOException {
        if (count < 1 || count > VoxelData.MAX_VOXELS) {
            throw MetaImageException.of(file, Problem.TOO_LARGE, "DimSize", "at most " + VoxelData.MAX_VOXELS
                    + " voxels in all", dims + " (" + (count < 1 ? "product overflows" : count + " voxels") + ")");
        }
        Runtime rt = Runtime.getRuntime();
        long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        long bytes = count * type.bytes();
        if (bytes > available) {
            throw MetaImageException.of(file, Problem.TOO_LARGE, "DimSize", "an image that fits in the "
                    + available / (1 << 20) + " MiB of memory available (raise -Xmx)", dims + " needing "
                    + bytes / (1 << 20) + " MiB");
        }
    }

    private static Path dataFile(Path file, MetaImageHeader h) throws ImageIOException {
        if (h.isLocal()) {
            return file;
        }
        // Only from the header's folder or below, unless the user allowed more (DataFiles).
        return DataFiles.resolve(file, "ElementDataFile", h.elementDataFile());
    }

    private static long size(Path data, Path header, MetaImageHeader h) throws ImageIOException {
        try {
            return Files.size(data);
        } catch (IOException e) {
            throw MetaImageException.of(data, Problem.MISSING_FILE, "ElementDataFile (in " + header + ")",
                    "a readable data file", "'" + h.elementDataFile() + "' (" + e.getMessage() + ")", e);
        }
    }

    /** Byte offset of the voxel data in {@code data}, from HeaderSize or the end of the header. */
    private static long start(Path header, Path data, MetaImageHeader h, long length, long rawBytes)
            throws ImageIOException {
        long start;
        if (h.headerSize() == -1) {
            long stored = h.compressed() ? h.compressedDataSize() : rawBytes;
            if (stored < 0) {
                throw MetaImageException.of(header, Problem.BAD_FIELD, "CompressedDataSize",
                        "a size when HeaderSize = -1 and CompressedData = True", "none");
            }
            start = length - stored;
            if (start < 0) {
                throw MetaImageException.of(data, Problem.TRUNCATED, h.compressed() ? "CompressedDataSize"
                        : "DimSize/ElementType", stored + " bytes of voxel data at the end of " + data,
                        "a file of " + length + " bytes");
            }
        } else if (h.headerSize() > 0) {
            start = h.headerSize();
        } else {
            start = h.isLocal() ? h.dataStart() : 0;
        }
        if (start > length) {
            throw MetaImageException.of(data, Problem.TRUNCATED, "HeaderSize", "voxel data from byte " + start,
                    "a file of " + length + " bytes");
        }
        if (h.compressed() && h.compressedDataSize() > length - start) {
            throw MetaImageException.of(data, Problem.BAD_FIELD, "CompressedDataSize", "at most the "
                    + (length - start) + " bytes after byte " + start + " of " + data, h.compressedDataSize());
        }
        return start;
    }

    private static InputStream open(Path data, long start) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(data), 1 << 16);
        in.skipNBytes(start);
        return in;
    }

    private static ImageIOException wrap(Path data, IOException e) {
        return e instanceof ImageIOException ie ? ie
                : new ImageIOException(data, Problem.IO_FAILURE, "cannot read voxel data (" + e.getMessage() + ")", e);
    }

    private static String baseName(Path file) {
        String n = file.getFileName().toString();
        String lower = n.toLowerCase(Locale.ROOT);
        return lower.endsWith(".mha") || lower.endsWith(".mhd") ? n.substring(0, n.length() - 4) : n;
    }

    /** At most {@code limit} bytes of {@code in}: the zlib stream stops at CompressedDataSize. */
    private static final class Bounded extends InputStream {
        private final InputStream in;
        private long left;

        Bounded(InputStream in, long limit) {
            this.in = in;
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
