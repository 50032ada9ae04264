package org.coreg.io.nifti;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.coreg.image.Volume;
import org.coreg.image.VoxelType;
import org.coreg.io.ImageIOException;
import org.coreg.testing.TestVolumes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing: valid NIfTI files (both versions and byte orders, plain and gzip) mutated in header fields,
 * lengths and random bytes. Every case must either read or end in an {@link ImageIOException}; never another
 * exception or error, and never slowly. {@code -Dcoreg.fuzz.cases=N} changes the number of cases (default 3000).
 */
class NiftiFuzzTest {
    private static final long SEED = 20261201L;
    /** Offsets of fields that steer decoding, per version: sizeof_hdr, dims, datatype, pixdim, vox_offset, codes. */
    private static final int[] FIELDS1 = {0, 40, 42, 44, 46, 48, 70, 72, 76, 80, 84, 88, 108, 112, 252, 254, 256,
        260, 264, 280, 284, 296, 312, 344};
    private static final int[] FIELDS2 = {0, 4, 12, 14, 16, 24, 32, 40, 104, 112, 120, 128, 168, 176, 344, 348, 352,
        400, 408, 432, 464, 500};
    private static final long[] INTERESTING = {0, 1, -1, 2, 3, 4, 7, 8, 16, 64, 128, 255, 256, 348, 352, 512, 540,
        768, 1024, 32767, -32768, 65535, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE,
        Float.floatToIntBits(Float.NaN), Float.floatToIntBits(Float.POSITIVE_INFINITY), Float.floatToIntBits(1e30f),
        Double.doubleToLongBits(Double.NaN), Double.doubleToLongBits(1e300), Double.doubleToLongBits(-0.0)};

    @TempDir
    Path dir;

    private record Base(String ext, byte[] bytes, NiftiVersion version, ByteOrder order, boolean gzip) {
    }

    @Test
    void everyMutatedFileReadsOrFailsTyped() throws Exception {
        int cases = Integer.getInteger("coreg.fuzz.cases", 3000);
        List<Base> bases = bases();
        Random rnd = new Random(SEED);
        NiftiReader reader = new NiftiReader();
        int read = 0;
        int typed = 0;
        long slowest = 0;
        for (int c = 0; c < cases; c++) {
            Base base = bases.get(rnd.nextInt(bases.size()));
            byte[] b = mutate(base, rnd);
            Path f = dir.resolve("fuzz" + base.ext());
            Files.write(f, b);
            long t0 = System.nanoTime();
            try {
                Volume v = reader.read(f);
                assertThat(v.voxels().length()).isPositive();
                read++;
            } catch (ImageIOException e) {
                assertThat(e.getMessage()).as("case %d", c).contains(f.getFileName().toString());
                typed++;
            } catch (Throwable t) {
                throw new AssertionError("case " + c + " (seed " + SEED + ", base " + base.ext() + " "
                        + base.version() + " " + base.order() + ") threw " + t, t);
            }
            slowest = Math.max(slowest, System.nanoTime() - t0);
        }
        assertThat(read + typed).isEqualTo(cases);
        // Both outcomes must occur, or the mutations are too weak (all read) or too blunt (all fail).
        assertThat(read).as("cases that still read").isPositive();
        assertThat(typed).as("cases that failed typed").isPositive();
        assertThat(slowest / 1e9).as("slowest case, seconds").isLessThan(5.0);
    }

    private List<Base> bases() throws Exception {
        List<Base> out = new ArrayList<>();
        VoxelType[] types = {VoxelType.INT16, VoxelType.FLOAT32, VoxelType.UINT8};
        int i = 0;
        for (NiftiVersion v : NiftiVersion.values()) {
            for (ByteOrder o : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                for (String ext : new String[] {".nii", ".nii.gz"}) {
                    Volume vol = TestVolumes.random(types[i % types.length], TestVolumes.obliqueGeometry(6, 5, 4), i);
                    Path f = dir.resolve("base" + i++ + ext);
                    new NiftiWriter(v, o).write(vol, f);
                    out.add(new Base(ext, Files.readAllBytes(f), v, o, ext.endsWith(".gz")));
                }
            }
        }
        return out;
    }

    private static byte[] mutate(Base base, Random rnd) {
        byte[] b = base.bytes().clone();
        int headerSize = base.version().headerSize();
        switch (rnd.nextInt(base.gzip() ? 3 : 5)) {
            case 0 -> { // random bytes anywhere
                int n = 1 + rnd.nextInt(8);
                for (int k = 0; k < n; k++) {
                    b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
                }
            }
            case 1 -> { // truncate
                b = Arrays.copyOf(b, rnd.nextInt(b.length));
            }
            case 2 -> { // append garbage
                byte[] extra = new byte[1 + rnd.nextInt(64)];
                rnd.nextBytes(extra);
                byte[] longer = Arrays.copyOf(b, b.length + extra.length);
                System.arraycopy(extra, 0, longer, b.length, extra.length);
                b = longer;
            }
            case 3 -> { // an interesting value in a field that steers decoding (plain files only)
                int[] fields = base.version() == NiftiVersion.NIFTI1 ? FIELDS1 : FIELDS2;
                int at = fields[rnd.nextInt(fields.length)];
                long v = INTERESTING[rnd.nextInt(INTERESTING.length)];
                ByteBuffer bb = ByteBuffer.wrap(b).order(base.order());
                int width = 1 << rnd.nextInt(4); // 1, 2, 4 or 8 bytes
                if (at + width <= headerSize) {
                    switch (width) {
                        case 1 -> bb.put(at, (byte) v);
                        case 2 -> bb.putShort(at, (short) v);
                        case 4 -> bb.putInt(at, (int) v);
                        default -> bb.putLong(at, v);
                    }
                }
            }
            default -> { // random bytes in the header only
                int n = 1 + rnd.nextInt(4);
                for (int k = 0; k < n; k++) {
                    b[rnd.nextInt(headerSize)] = (byte) rnd.nextInt(256);
                }
            }
        }
        return b;
    }
}
