package org.coreg.io.nifti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.assertj.core.api.AbstractThrowableAssert;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;
import org.coreg.image.VoxelType;
import org.coreg.io.ImageFormats;
import org.coreg.io.ImageIOException;
import org.coreg.io.ImageIOException.Problem;
import org.coreg.testing.TestVolumes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of bad file ends in a typed ImageIOException naming the file, the field, expected and found. */
class NiftiBadInputTest {
    @TempDir
    Path dir;

    private Path valid(String name, NiftiVersion version) throws Exception {
        Volume v = TestVolumes.random(VoxelType.INT16, TestVolumes.obliqueGeometry(8, 6, 5), 1);
        Path f = dir.resolve(name);
        new NiftiWriter(version, ByteOrder.LITTLE_ENDIAN).write(v, f);
        return f;
    }

    private static AbstractThrowableAssert<?, ?> fails(Path f, Problem problem, String field) {
        return assertThatThrownBy(() -> ImageFormats.standard().read(f)).isInstanceOf(ImageIOException.class)
                .satisfies(e -> assertThat(((ImageIOException) e).problem()).isEqualTo(problem))
                .hasMessageContaining(f.getFileName().toString()).hasMessageContaining(field)
                .hasMessageContaining("expected").hasMessageContaining("found");
    }

    /** Overwrites bytes of {@code f} at {@code offset} with {@code value} written by {@code put}. */
    private static void patch(Path f, int offset, java.util.function.Consumer<ByteBuffer> put) throws Exception {
        byte[] b = Files.readAllBytes(f);
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        bb.position(offset);
        put.accept(bb);
        Files.write(f, b);
    }

    @Test
    void truncatedData() throws Exception {
        Path f = valid("cut.nii", NiftiVersion.NIFTI1);
        Files.write(f, Arrays.copyOf(Files.readAllBytes(f), 352 + 100));
        fails(f, Problem.TRUNCATED, "voxel data").hasMessageContaining("found a file of 452 bytes");
    }

    @Test
    void truncatedCompressedData() throws Exception {
        Path f = valid("cut.nii.gz", NiftiVersion.NIFTI1);
        byte[] b = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(b, b.length * 2 / 3));
        fails(f, Problem.TRUNCATED, "voxel data");
    }

    @Test
    void wrongMagic() throws Exception {
        Path f = valid("magic.nii", NiftiVersion.NIFTI1);
        patch(f, 344, b -> b.put("xyz".getBytes()));
        fails(f, Problem.WRONG_FORMAT, "magic").hasMessageContaining("\"n+1\"").hasMessageContaining("\"xyz\"");
    }

    @Test
    void wrongHeaderSize() throws Exception {
        Path f = valid("size.nii", NiftiVersion.NIFTI1);
        patch(f, 0, b -> b.putInt(350));
        fails(f, Problem.WRONG_FORMAT, "sizeof_hdr").hasMessageContaining("348").hasMessageContaining("350");
    }

    @Test
    void fileShorterThanItsHeader() throws Exception {
        Path f = valid("short.nii", NiftiVersion.NIFTI2);
        Files.write(f, Arrays.copyOf(Files.readAllBytes(f), 200));
        fails(f, Problem.TRUNCATED, "header").hasMessageContaining("540").hasMessageContaining("200");
    }

    @Test
    void voxOffsetBeyondTheFileLength() throws Exception {
        Path f = valid("offset.nii", NiftiVersion.NIFTI1);
        patch(f, 108, b -> b.putFloat(1e6f));
        fails(f, Problem.BAD_FIELD, "vox_offset").hasMessageContaining("1000000");
    }

    @Test
    void unsupportedDatatype() throws Exception {
        Path f = valid("rgb.nii", NiftiVersion.NIFTI1);
        patch(f, 70, b -> b.putShort((short) 128));
        fails(f, Problem.UNSUPPORTED, "datatype").hasMessageContaining("128");
    }

    @Test
    void corruptGzip() throws Exception {
        Path f = valid("corrupt.nii.gz", NiftiVersion.NIFTI1);
        byte[] b = Files.readAllBytes(f);
        for (int i = b.length / 2; i < b.length / 2 + 64; i++) {
            b[i] = (byte) (b[i] ^ 0x5a);
        }
        Files.write(f, b);
        fails(f, Problem.CORRUPT_COMPRESSION, "voxel data");
    }

    @Test
    void gzipWhoseVoxelsInflateButFailTheCrc() throws Exception {
        Path f = valid("crc.nii.gz", NiftiVersion.NIFTI1);
        byte[] b = Files.readAllBytes(f);
        b[b.length - 8] ^= 1; // the stored CRC-32: the data inflate fine but no longer match it
        Files.write(f, b);
        fails(f, Problem.CORRUPT_COMPRESSION, "gzip trailer").hasMessageContaining("CRC-32");
    }

    @Test
    void dimsWhoseProductOverflows() throws Exception {
        Path f = valid("overflow.nii", NiftiVersion.NIFTI2);
        patch(f, 16 + 8, b -> b.putLong(1L << 40).putLong(1L << 40).putLong(1L << 40));
        fails(f, Problem.TOO_LARGE, "dim").hasMessageContaining("overflows");
    }

    @Test
    void dimsBeyondOneArray() throws Exception {
        Path f = valid("big.nii", NiftiVersion.NIFTI1);
        patch(f, 42, b -> b.putShort((short) 32767).putShort((short) 32767).putShort((short) 32767));
        fails(f, Problem.TOO_LARGE, "dim").hasMessageContaining("32767");
    }

    @Test
    void dimsBeyondAvailableMemory() throws Exception {
        // 2000 x 2000 x 500 float64 = 16 GB: fits one Java array, not the test heap. The file is made long enough
        // (sparse) that only the memory check can refuse it.
        Path f = valid("huge.nii", NiftiVersion.NIFTI1);
        patch(f, 42, b -> b.putShort((short) 2000).putShort((short) 2000).putShort((short) 500));
        patch(f, 70, b -> b.putShort((short) 64).putShort((short) 64));
        assertThat(Runtime.getRuntime().maxMemory()).isLessThan(16_000_000_000L);
        try (var ch = java.nio.channels.FileChannel.open(f, java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[1]), 352 + 16_000_000_000L);
        }
        fails(f, Problem.TOO_LARGE, "dim").hasMessageContaining("MiB");
    }

    @Test
    void nanAndZeroPixdim() throws Exception {
        Path nan = valid("nan.nii", NiftiVersion.NIFTI1);
        patch(nan, 76 + 8, b -> b.putFloat(Float.NaN));
        fails(nan, Problem.BAD_FIELD, "pixdim[2]").hasMessageContaining("NaN");
        Path zero = valid("zero.nii", NiftiVersion.NIFTI2);
        patch(zero, 104 + 24, b -> b.putDouble(0));
        fails(zero, Problem.BAD_FIELD, "pixdim[3]").hasMessageContaining("0.0");
    }

    @Test
    void missingImgFile() throws Exception {
        Path hdr = valid("pair.hdr", NiftiVersion.NIFTI1);
        Files.delete(dir.resolve("pair.img"));
        fails(hdr, Problem.MISSING_FILE, "pair.img").hasMessageContaining("pair.img.gz");
    }

    @Test
    void failedWriteLeavesNoFile() throws Exception {
        Volume v = TestVolumes.random(VoxelType.FLOAT32, 9);
        // The header's name is taken by a non-empty folder, so moving the finished .hdr into place fails after the
        // .img was already moved: the .img must be removed again.
        Path blocker = dir.resolve("fail.hdr");
        Files.createDirectories(blocker.resolve("inside"));
        assertThatThrownBy(() -> ImageFormats.standard().write(v, dir.resolve("fail.hdr")))
                .isInstanceOf(ImageIOException.class).hasMessageContaining("fail.hdr");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("fail.hdr");
        }
        // Too large for NIfTI-1: refused before anything is written.
        Volume wide = TestVolumes.random(VoxelType.UINT8, ImageGeometry.axisAligned(new int[] {40000, 1, 1},
                new double[] {1, 1, 1}, new double[3]), 1);
        assertThatThrownBy(() -> ImageFormats.standard().write(wide, dir.resolve("wide.nii.gz")))
                .isInstanceOf(ImageIOException.class).hasMessageContaining("dim[1]").hasMessageContaining("40000");
        assertThat(Files.exists(dir.resolve("wide.nii.gz"))).isFalse();
    }
}
