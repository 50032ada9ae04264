package org.coreg.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.zip.ZipException;
import org.coreg.image.VoxelData;
import org.coreg.image.VoxelReadListener;
import org.coreg.image.VoxelType;

/** Moves voxel values between byte streams (raw, either byte order) and {@link VoxelData}, in 1 MiB chunks. */
public final class RawVoxels {
    private static final int CHUNK = 1 << 20;
    /**
     * Deflate (gzip, zlib) expands at most about 1032:1 (RFC 1951: a 258-byte match per 2 bits); with headroom. A
     * header that claims more decompressed bytes than this many times its compressed bytes is refused before any
     * allocation.
     */
    public static final long MAX_DEFLATE_RATIO = 1040;

    private RawVoxels() {
    }

    /**
     * Fills {@code dst} from {@code in}, which must hold exactly {@code dst.length()} values in {@code order} (more
     * bytes may follow and are not read).
     *
     * @param file named in errors
     * @throws ImageIOException TRUNCATED if the stream ends early, CORRUPT_COMPRESSION if decompression fails
     */
    public static void read(InputStream in, VoxelData dst, ByteOrder order, Path file) throws ImageIOException {
        read(in, dst, order, file, VoxelReadListener.NONE);
    }

    /** As above, telling {@code listener} of {@code dst} and, after each chunk, how many voxels hold their values. */
    public static void read(InputStream in, VoxelData dst, ByteOrder order, Path file, VoxelReadListener listener)
            throws ImageIOException {
        listener.allocated(dst);
        int bytesPer = dst.type().bytes();
        long total = (long) dst.length() * bytesPer;
        byte[] buf = new byte[(int) Math.min(CHUNK, Math.max(total, 8))];
        long done = 0;
        int voxel = 0;
        try {
            while (done < total) {
                int want = (int) Math.min(buf.length, total - done);
                int got = in.readNBytes(buf, 0, want);
                if (got < want) {
                    throw new ImageIOException(file, ImageIOException.Problem.TRUNCATED,
                            "voxel data ends early: expected " + total + " bytes, found " + (done + got));
                }
                int n = got / bytesPer;
                decode(ByteBuffer.wrap(buf, 0, got).order(order), dst, voxel, n);
                voxel += n;
                done += got;
                listener.ready(voxel);
            }
        } catch (ImageIOException e) {
            throw e;
        } catch (ZipException e) {
            throw new ImageIOException(file, ImageIOException.Problem.CORRUPT_COMPRESSION,
                    "compressed voxel data is corrupt (" + e.getMessage() + ")", e);
        } catch (EOFException e) {
            throw new ImageIOException(file, ImageIOException.Problem.TRUNCATED,
                    "compressed voxel data ends early: expected " + total + " bytes, found " + done, e);
        } catch (IOException e) {
            throw new ImageIOException(file, ImageIOException.Problem.IO_FAILURE,
                    "could not read voxel data (" + e.getMessage() + ")", e);
        }
    }

    private static void decode(ByteBuffer b, VoxelData dst, int offset, int n) {
        switch (dst.type()) {
            case UINT8, INT8 -> b.get((byte[]) dst.array(), offset, n);
            case UINT16, INT16 -> b.asShortBuffer().get((short[]) dst.array(), offset, n);
            case UINT32, INT32 -> b.asIntBuffer().get((int[]) dst.array(), offset, n);
            case FLOAT32 -> b.asFloatBuffer().get((float[]) dst.array(), offset, n);
            case FLOAT64 -> b.asDoubleBuffer().get((double[]) dst.array(), offset, n);
        }
    }

    /**
     * True when a compressed stream should be inflated once, without keeping anything, before its voxels are
     * allocated: the header claims more than 64 MiB and more than 32 times the compressed bytes. Real images compress
     * less (CT 2-5x, masks more, but then inflate quickly); a header that lies about a small file would otherwise
     * cost its claim in memory before the stream is found to end early.
     */
    public static boolean worthCounting(long claimedBytes, long compressedBytes) {
        return claimedBytes > (64L << 20) && claimedBytes / 32 > compressedBytes;
    }

    /**
     * Reads {@code in} until {@code claimedBytes} bytes came out or it ends, keeping nothing, and returns how many
     * came out (at most {@code claimedBytes}). IOExceptions of the stream (corrupt data) propagate.
     */
    public static long inflatedBytes(InputStream in, long claimedBytes) throws IOException {
        byte[] buf = new byte[1 << 16];
        long n = 0;
        while (n < claimedBytes) {
            int got = in.read(buf, 0, (int) Math.min(buf.length, claimedBytes - n));
            if (got < 0) {
                break;
            }
            n += got;
        }
        return n;
    }

    /** Writes every value of {@code src} to {@code out} in {@code order}. */
    public static void write(OutputStream out, VoxelData src, ByteOrder order) throws IOException {
        VoxelType type = src.type();
        int perChunk = CHUNK / type.bytes();
        ByteBuffer b = ByteBuffer.allocate(perChunk * type.bytes()).order(order);
        for (int start = 0; start < src.length(); start += perChunk) {
            int n = Math.min(perChunk, src.length() - start);
            b.clear();
            switch (type) {
                case UINT8, INT8 -> b.put((byte[]) src.array(), start, n);
                case UINT16, INT16 -> b.asShortBuffer().put((short[]) src.array(), start, n);
                case UINT32, INT32 -> b.asIntBuffer().put((int[]) src.array(), start, n);
                case FLOAT32 -> b.asFloatBuffer().put((float[]) src.array(), start, n);
                case FLOAT64 -> b.asDoubleBuffer().put((double[]) src.array(), start, n);
            }
            out.write(b.array(), 0, n * type.bytes());
        }
    }

    /**
     * Allocates storage for {@code count} voxels after checking that it fits in one array and in the free heap, so
     * that a header with huge dimensions ends in an {@link ImageIOException}, never an {@link OutOfMemoryError}.
     *
     * @param dims named in the error, e.g. "dim = [512, 512, 99999999]"
     */
    public static VoxelData allocate(Path file, VoxelType type, long count, String dims) throws ImageIOException {
        if (count <= 0 || count > VoxelData.MAX_VOXELS) {
            throw new ImageIOException(file, ImageIOException.Problem.TOO_LARGE, "field " + dims + ": expected between 1 and "
                    + VoxelData.MAX_VOXELS + " voxels (one Java array), found " + count + " voxels");
        }
        long bytes = count * type.bytes();
        Runtime rt = Runtime.getRuntime();
        long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (bytes > available) {
            throw new ImageIOException(file, ImageIOException.Problem.TOO_LARGE, "field " + dims + ": expected at most "
                    + available / (1 << 20) + " MiB of voxels (the memory available; raise -Xmx), found "
                    + bytes / (1 << 20) + " MiB");
        }
        try {
            return VoxelData.allocate(type, count);
        } catch (OutOfMemoryError e) {
            throw new ImageIOException(file, ImageIOException.Problem.TOO_LARGE,
                    "field " + dims + ": expected voxels that fit in memory, found " + bytes / (1 << 20) + " MiB");
        }
    }
}
