package org.coreg.io.metaimage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.coreg.image.ImageMetadata;
import org.coreg.image.Volume;
import org.coreg.image.VoxelData;
import org.coreg.image.VoxelType;
import org.coreg.io.AtomicOutput;
import org.coreg.io.ImageIOException;
import org.coreg.io.OutputFailure;
import org.coreg.io.ImageIOException.Problem;
import org.coreg.io.ImageWriter;
import org.coreg.io.RawVoxels;

/**
 * Writes a {@link Volume} as MetaImage: {@code .mha} holds header and data in one file, {@code .mhd} names a data
 * file beside it ({@code NAME.raw}, or {@code NAME.zraw} when compressed). Compressed data is one zlib stream.
 * Writes are atomic: the data file is written first, the header last, and a failure leaves neither.
 *
 * <p>MetaImage has no rescale field: a volume with a non-identity rescale is written as its real values, in
 * float32 when stored in 16 bits or fewer, else float64.
 */
public final class MetaImageWriter implements ImageWriter {
    private final Boolean compress;
    private final ByteOrder order;
    private final int level;

    /** The default: {@code .mha} compressed (zlib level 1), {@code .mhd} + {@code .raw} uncompressed, little-endian. */
    public MetaImageWriter() {
        this(null, ByteOrder.LITTLE_ENDIAN, Deflater.BEST_SPEED);
    }

    /**
     * @param compress true or false to force compression; null for the default by extension
     * @param order    byte order of the voxel data
     * @param level    zlib level 1 (fastest) to 9
     */
    public MetaImageWriter(Boolean compress, ByteOrder order, int level) {
        this.compress = compress;
        this.order = order;
        this.level = level;
    }

    @Override
    public void write(Volume volume, Path file) throws ImageIOException {
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean detached = lower.endsWith(".mhd");
        if (!detached && !lower.endsWith(".mha")) {
            throw MetaImageException.of(file, Problem.UNSUPPORTED, "(file name)", "a name ending .mha or .mhd",
                    "'" + file.getFileName() + "'");
        }
        boolean compressed = compress != null ? compress : !detached;
        Volume v = volume.metadata().hasIdentityRescale() ? volume : realValues(volume);
        MetaElementType type = MetaElementType.of(v.type());
        try {
            if (detached) {
                writeDetached(v, type, file, compressed);
            } else {
                writeLocal(v, type, file, compressed);
            }
        } catch (ImageIOException e) {
            throw e;
        } catch (IOException e) {
            throw new ImageIOException(file, Problem.IO_FAILURE, "cannot write (" + OutputFailure.reasonOf(e) + ")", e);
        }
    }

    private void writeDetached(Volume v, MetaElementType type, Path header, boolean compressed) throws IOException {
        String name = header.getFileName().toString();
        String dataName = name.substring(0, name.length() - 4) + (compressed ? ".zraw" : ".raw");
        Path data = header.resolveSibling(dataName);
        try (AtomicOutput out = new AtomicOutput()) {
            long stored;
            try (OutputStream s = out.open(data)) {
                stored = writeData(s, v.voxels(), compressed);
            }
            try (OutputStream s = out.open(header)) {
                s.write(headerText(v, type, compressed ? stored : -1, dataName));
            }
            commit(out, header);
        }
    }

    private void writeLocal(Volume v, MetaElementType type, Path file, boolean compressed) throws IOException {
        if (!compressed) {
            try (AtomicOutput out = new AtomicOutput()) {
                try (OutputStream s = out.open(file)) {
                    s.write(headerText(v, type, -1, MetaImageHeader.LOCAL));
                    writeData(s, v.voxels(), false);
                }
                commit(out, file);
            }
            return;
        }
        // The header states the compressed size, so the stream is made first in a scratch file beside the target.
        Path dir = file.toAbsolutePath().getParent();
        Path scratch = Files.createTempFile(dir, "." + file.getFileName() + ".", ".zlib");
        try (AtomicOutput out = new AtomicOutput()) {
            long stored;
            try (OutputStream s = Files.newOutputStream(scratch)) {
                stored = writeData(s, v.voxels(), true);
            }
            try (OutputStream s = out.open(file); InputStream z = Files.newInputStream(scratch)) {
                s.write(headerText(v, type, stored, MetaImageHeader.LOCAL));
                z.transferTo(s);
            }
            commit(out, file);
        } finally {
            Files.deleteIfExists(scratch);
        }
    }

    /** Moves the files into place; AtomicOutput removes any it moved if a later one fails. */
    private static void commit(AtomicOutput out, Path header) throws IOException {
        try {
            out.commit();
        } catch (IOException e) {
            throw new ImageIOException(header, Problem.IO_FAILURE, "cannot move the written files into place ("
                    + OutputFailure.reasonOf(e) + "); nothing was written", e);
        }
    }

    /** Writes the voxels, zlib-compressed or raw; returns the bytes written. */
    private long writeData(OutputStream s, VoxelData voxels, boolean compressed) throws IOException {
        CountingStream counted = new CountingStream(s);
        if (compressed) {
            Deflater deflater = new Deflater(level);
            try {
                DeflaterOutputStream z = new DeflaterOutputStream(counted, deflater, 1 << 16);
                RawVoxels.write(z, voxels, order);
                z.finish();
            } finally {
                deflater.end();
            }
        } else {
            RawVoxels.write(counted, voxels, order);
        }
        counted.flush();
        return counted.count;
    }

    private byte[] headerText(Volume v, MetaElementType type, long compressedSize, String dataFile) {
        return MetaImageHeader.text(v.geometry(), type, order == ByteOrder.BIG_ENDIAN, compressedSize, dataFile,
                v.metadata().modality()).getBytes(StandardCharsets.US_ASCII);
    }

    private static Volume realValues(Volume v) {
        VoxelType target = v.type().bytes() <= 2 ? VoxelType.FLOAT32 : VoxelType.FLOAT64;
        VoxelData data = VoxelData.allocate(target, v.voxels().length());
        for (int i = 0; i < data.length(); i++) {
            data.set(i, v.realValue(i));
        }
        ImageMetadata m = v.metadata().withRescale(1, 0);
        return new Volume(data, v.geometry(), m);
    }

    /** Counts the bytes passed through (the compressed size for the header). */
    private static final class CountingStream extends OutputStream {
        private final OutputStream out;
        private long count;

        CountingStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
