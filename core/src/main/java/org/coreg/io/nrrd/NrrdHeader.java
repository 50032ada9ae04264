package org.coreg.io.nrrd;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.coreg.image.ImageGeometry;
import org.coreg.image.VoxelData;
import org.coreg.image.VoxelType;
import org.coreg.io.ImageIOException;

/**
 * A NRRD header, interpreted and checked: what the data are and where they are.
 *
 * @param version    format version (1 to 5)
 * @param type       element type
 * @param encoding   raw or gzip
 * @param byteOrder  byte order of multi-byte elements (little-endian where the header may omit it)
 * @param sizes      samples along each NRRD axis, fastest first
 * @param geometry   the image grid in LPS millimetres
 * @param dataFile   the detached data file (absolute), or null when the data follow the header
 * @param dataOffset bytes from the start of the header file to the attached data (ignored for detached data)
 * @param lineSkip   lines to skip at the start of the data
 * @param byteSkip   bytes to skip after the lines (after decompression for gzip); -1 means "the data end the file"
 * @param keyValues  the header's {@code key:=value} pairs
 */
public record NrrdHeader(int version, VoxelType type, NrrdEncoding encoding, ByteOrder byteOrder, long[] sizes,
                         ImageGeometry geometry, Path dataFile, long dataOffset, long lineSkip, long byteSkip,
                         Map<String, String> keyValues) {
    public NrrdHeader {
        sizes = sizes.clone();
        keyValues = Map.copyOf(keyValues);
    }

    @Override
    public long[] sizes() {
        return sizes.clone();
    }

    /** Number of elements the data hold (product of the sizes). */
    public long elementCount() {
        long n = 1;
        for (long s : sizes) {
            n *= s;
        }
        return n;
    }

    /** Bytes of (decoded) data the sizes and type call for. */
    public long dataBytes() {
        return elementCount() * type.bytes();
    }

    /**
     * Interprets a header read from {@code file}.
     *
     * @throws ImageIOException naming the field at fault; TOO_LARGE when the sizes overflow or exceed one array
     */
    static NrrdHeader of(NrrdHeaderText h, Path file) throws ImageIOException {
        VoxelType type = NrrdType.parse(file, required(file, h, "type"));
        int dim = (int) NrrdValues.integer(file, "dimension", required(file, h, "dimension"), 1, 16);
        NrrdEncoding encoding = NrrdEncoding.parse(file, required(file, h, "encoding"));
        String[] sizeWords = NrrdValues.perAxis(file, "sizes", required(file, h, "sizes"), dim);
        long[] sizes = new long[dim];
        long count = 1;
        for (int a = 0; a < dim; a++) {
            sizes[a] = NrrdValues.integer(file, "sizes", sizeWords[a], 1, Long.MAX_VALUE);
            try {
                count = Math.multiplyExact(count, sizes[a]);
            } catch (ArithmeticException e) {
                throw new ImageIOException(file, ImageIOException.Problem.TOO_LARGE,
                        "field sizes: expected a voxel count of at most " + VoxelData.MAX_VOXELS + ", found "
                                + Arrays.toString(sizeWords) + " whose product overflows 64 bits");
            }
        }
        if (count > VoxelData.MAX_VOXELS) {
            throw new ImageIOException(file, ImageIOException.Problem.TOO_LARGE,
                    "field sizes: expected a voxel count of at most " + VoxelData.MAX_VOXELS + " (one Java array), found "
                            + String.join(" ", sizeWords) + " = " + count + " voxels");
        }
        ByteOrder order = byteOrder(file, h, type);
        long lineSkip = h.field("line skip") == null ? 0
                : NrrdValues.integer(file, "line skip", h.field("line skip"), 0, Long.MAX_VALUE);
        long byteSkip = h.field("byte skip") == null ? 0
                : NrrdValues.integer(file, "byte skip", h.field("byte skip"), -1, Long.MAX_VALUE);
        if (byteSkip == -1 && encoding != NrrdEncoding.RAW) {
            throw ImageIOException.badField(file, "byte skip", "0 or more with encoding " + encoding.spelling()
                    + " (-1 only with raw)", -1);
        }
        Path dataFile = dataFile(file, h);
        if (dataFile == null && !h.endsWithBlank()) {
            throw new ImageIOException(file, ImageIOException.Problem.TRUNCATED,
                    "field data: expected a blank line and the attached data after the header, found the end of the file");
        }
        ImageGeometry geometry = NrrdGeometry.of(file, h, sizes);
        return new NrrdHeader(h.version(), type, encoding, order, sizes, geometry, dataFile, h.dataOffset(),
                lineSkip, byteSkip, h.keyValues());
    }

    private static String required(Path file, NrrdHeaderText h, String field) throws ImageIOException {
        String v = h.field(field);
        if (v == null) {
            throw ImageIOException.badField(file, field, "the field (it is required)", "no such field");
        }
        return v;
    }

    private static ByteOrder byteOrder(Path file, NrrdHeaderText h, VoxelType type) throws ImageIOException {
        String e = h.field("endian");
        if (e == null) {
            if (type.bytes() > 1) {
                throw ImageIOException.badField(file, "endian", "little or big (required for the " + type.bytes()
                        + "-byte type " + type.label() + ")", "no such field");
            }
            return ByteOrder.LITTLE_ENDIAN;
        }
        return switch (e.trim().toLowerCase(Locale.ROOT)) {
            case "little" -> ByteOrder.LITTLE_ENDIAN;
            case "big" -> ByteOrder.BIG_ENDIAN;
            default -> throw ImageIOException.badField(file, "endian", "little or big", "'" + NrrdHeaderText.clip(e) + "'");
        };
    }

    /** The data file the header names, resolved against the header's folder, or null for attached data. */
    private static Path dataFile(Path file, NrrdHeaderText h) throws ImageIOException {
        String name = h.field("data file");
        if (name == null) {
            return null;
        }
        if (name.isEmpty()) {
            throw ImageIOException.badField(file, "data file", "a file name", "nothing");
        }
        // Only from the header's folder or below, unless the user allowed more (DataFiles).
        return org.coreg.io.DataFiles.resolve(file, "data file", name);
    }
}
