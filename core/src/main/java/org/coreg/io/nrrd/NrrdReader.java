package org.coreg.io.nrrd;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.coreg.image.ImageMetadata;
import org.coreg.image.Modality;
import org.coreg.image.Volume;
import org.coreg.image.VoxelData;
import org.coreg.io.ImageIOException;
import org.coreg.io.ImageReader;
import org.coreg.io.RawVoxels;

/**
 * Reads {@code .nrrd} (attached data) and {@code .nhdr} (detached data) files, raw or gzip, into a {@link Volume}
 * in LPS. The data must hold exactly what the sizes and type call for: a file with fewer bytes is TRUNCATED, one
 * with more disagrees with its {@code sizes} (BAD_FIELD).
 */
public final class NrrdReader implements ImageReader {
    /** deflate expands at most about 1032:1; a larger claim is a header that disagrees with its data. */
    private static final long MAX_DEFLATE_RATIO = 1032;

    @Override
    public Volume read(Path file) throws ImageIOException {
        if (!Files.isRegularFile(file)) {
            throw new ImageIOException(file, ImageIOException.Problem.MISSING_FILE,
                    "field file: expected an existing NRRD file, found none");
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            NrrdHeader h = readHeader(in, file);
            VoxelData data;
            if (h.dataFile() == null) {
                data = readData(in, file, Files.size(file), h.dataOffset(), h, file);
            } else {
                data = readDetached(h, file);
            }
            ImageMetadata meta = new ImageMetadata(baseName(file), file, NrrdFormat.NAME, Modality.UNKNOWN, 1, 0);
            return new Volume(data, h.geometry(), meta);
        } catch (NoSuchFileException e) {
            throw new ImageIOException(file, ImageIOException.Problem.MISSING_FILE, "file does not exist", e);
        } catch (ImageIOException e) {
            throw e;
        } catch (IOException e) {
            throw new ImageIOException(file, ImageIOException.Problem.IO_FAILURE, "cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** Reads and interprets the header at the start of {@code in}, leaving the stream at the attached data. */
    static NrrdHeader readHeader(InputStream in, Path file) throws ImageIOException {
        return NrrdHeader.of(NrrdHeaderText.read(in, file), file);
    }

    static VoxelData readDetached(NrrdHeader h, Path header) throws IOException {
        Path data = h.dataFile(); // checked by DataFiles when the header was read
        if (!Files.isRegularFile(data)) {
            throw new ImageIOException(data, ImageIOException.Problem.MISSING_FILE, "field data file: expected an existing file (named in "
                    + header + "), found none");
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(data), 1 << 16)) {
            return readData(in, data, Files.size(data), 0, h, header);
        }
    }

    /**
     * Reads the data from {@code in}, positioned {@code position} bytes into {@code file} (of {@code length} bytes).
     */
    static VoxelData readData(InputStream in, Path file, long length, long position, NrrdHeader h,
                                      Path header) throws IOException {
        checkMemory(header, h);
        long pos = position + skipLines(in, file, h.lineSkip());
        long want = h.dataBytes();
        String what = "sizes " + Arrays.toString(h.sizes()) + " of " + h.type().label() + " (" + want + " bytes)";
        if (h.encoding() == NrrdEncoding.RAW) {
            long available = length - pos;
            long skip = h.byteSkip() == -1 ? available - want : h.byteSkip();
            if (skip < 0 || available - skip < want) {
                throw new ImageIOException(file, ImageIOException.Problem.TRUNCATED, "field data: expected " + want
                        + " bytes for " + what + " after a byte skip of " + h.byteSkip() + ", found "
                        + Math.max(0, available - Math.max(skip, 0)) + " bytes");
            }
            if (available - skip > want) {
                throw ImageIOException.badField(file, "sizes", want + " bytes of data for " + what,
                        (available - skip) + " bytes of data after the header and skips");
            }
            in.skipNBytes(skip);
            VoxelData data = RawVoxels.allocate(file, h.type(), h.elementCount(), what);
            RawVoxels.read(in, data, h.byteOrder(), file);
            return data;
        }
        long compressed = length - pos;
        long decompressed = want > Long.MAX_VALUE - h.byteSkip() ? Long.MAX_VALUE : want + h.byteSkip();
        if (decompressed / MAX_DEFLATE_RATIO > compressed + 1024) {
            throw new ImageIOException(file, ImageIOException.Problem.TRUNCATED, "field data: expected gzip data that "
                    + "decompress to " + decompressed + " bytes for " + what + ", found only " + compressed
                    + " compressed bytes");
        }
        if (RawVoxels.worthCounting(decompressed, compressed)) {
            // Within deflate's limit but far beyond what images compress to: inflate once, keeping nothing, so that
            // a header that lies costs no memory.
            long got;
            try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                raw.skipNBytes(pos);
                got = RawVoxels.inflatedBytes(new GZIPInputStream(raw, 1 << 16), decompressed);
            } catch (ZipException e) {
                throw corrupt(file, e.getMessage(), e);
            } catch (EOFException e) {
                got = -1;
            }
            if (got < decompressed) {
                throw truncatedGzip(file, decompressed, what, null);
            }
        }
        try {
            GZIPInputStream gz = new GZIPInputStream(in, 1 << 16);
            gz.skipNBytes(h.byteSkip());
            VoxelData data = RawVoxels.allocate(file, h.type(), h.elementCount(), what);
            try {
                RawVoxels.read(gz, data, h.byteOrder(), file);
            } catch (ImageIOException e) {
                throw switch (e.problem()) {
                    case CORRUPT_COMPRESSION -> corrupt(file, withoutFile(e), e);
                    case TRUNCATED -> truncatedGzip(file, decompressed, what, e);
                    default -> e;
                };
            }
            // Reading on to the end checks the gzip trailer (CRC and length) and finds surplus data.
            if (gz.read() >= 0) {
                throw ImageIOException.badField(file, "sizes", want + " bytes of decompressed data for " + what,
                        "more data");
            }
            return data;
        } catch (ZipException e) {
            throw corrupt(file, e.getMessage(), e);
        } catch (EOFException e) {
            throw truncatedGzip(file, decompressed, what, e);
        }
    }

    private static ImageIOException corrupt(Path file, String detail, Exception cause) {
        return new ImageIOException(file, ImageIOException.Problem.CORRUPT_COMPRESSION,
                "field data: expected gzip-compressed data, found corrupt data (" + detail + ")", cause);
    }

    private static ImageIOException truncatedGzip(Path file, long bytes, String what, Exception cause) {
        return new ImageIOException(file, ImageIOException.Problem.TRUNCATED, "field data: expected gzip data "
                + "that decompress to " + bytes + " bytes for " + what + ", found a stream that ends early", cause);
    }

    /** Skips {@code lines} lines (up to and including each {@code \n}) and returns the bytes skipped. */
    private static long skipLines(InputStream in, Path file, long lines) throws IOException {
        long bytes = 0;
        for (long i = 0; i < lines; i++) {
            int c;
            do {
                c = in.read();
                if (c < 0) {
                    throw new ImageIOException(file, ImageIOException.Problem.TRUNCATED,
                            "field line skip: expected " + lines + " lines before the data, found " + i);
                }
                bytes++;
            } while (c != '\n');
        }
        return bytes;
    }

    /** Refuses, before reading, data that would not fit in the memory left. */
    private static void checkMemory(Path header, NrrdHeader h) throws ImageIOException {
        Runtime rt = Runtime.getRuntime();
        long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (h.dataBytes() > available) {
            throw new ImageIOException(header, ImageIOException.Problem.TOO_LARGE, "field sizes: expected an image "
                    + "that fits in the " + available / (1 << 20) + " MiB of memory available (raise -Xmx), found "
                    + Arrays.toString(h.sizes()) + " of " + h.type().label() + " = " + h.dataBytes() / (1 << 20)
                    + " MiB");
        }
    }

    private static String withoutFile(ImageIOException e) {
        String m = e.getMessage();
        String prefix = e.file() + ": ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }

    /** File name without {@code .nrrd} / {@code .nhdr}. */
    static String baseName(Path file) {
        String n = file.getFileName().toString();
        String lower = n.toLowerCase(Locale.ROOT);
        return lower.endsWith(".nrrd") || lower.endsWith(".nhdr") ? n.substring(0, n.length() - 5) : n;
    }
}
