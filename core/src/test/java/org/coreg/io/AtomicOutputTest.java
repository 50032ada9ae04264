package org.coreg.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.coreg.image.VoxelData;
import org.coreg.image.VoxelType;
import org.coreg.testing.GeometryAssert;
import org.coreg.testing.TestVolumes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {
    @TempDir
    Path dir;

    @Test
    void nothingAppearsWithoutCommitAndExistingFileIsKept() throws IOException {
        Path target = dir.resolve("out.raw");
        Files.writeString(target, "old");
        try (AtomicOutput out = new AtomicOutput()) {
            try (OutputStream s = out.open(target)) {
                s.write("new".getBytes());
            }
            // no commit: a failure happened
        }
        assertThat(Files.readString(target)).isEqualTo("old");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void commitMovesAllFilesIntoPlace() throws IOException {
        Path a = dir.resolve("a.raw");
        Path b = dir.resolve("a.mhd");
        try (AtomicOutput out = new AtomicOutput()) {
            try (OutputStream s = out.open(a)) {
                s.write(1);
            }
            try (OutputStream s = out.open(b)) {
                s.write(2);
            }
            out.commit();
        }
        assertThat(Files.readAllBytes(a)).containsExactly(1);
        assertThat(Files.readAllBytes(b)).containsExactly(2);
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(2);
        }
    }

    @Test
    void rawVoxelsRoundTripInBothByteOrders() throws IOException {
        for (VoxelType t : VoxelType.values()) {
            for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
                var v = TestVolumes.random(t, 11);
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                RawVoxels.write(bytes, v.voxels(), order);
                assertThat(bytes.size()).isEqualTo(v.voxels().length() * t.bytes());
                VoxelData back = VoxelData.allocate(t, v.voxels().length());
                RawVoxels.read(new ByteArrayInputStream(bytes.toByteArray()), back, order, dir);
                GeometryAssert.assertVoxelsIdentical(v, new org.coreg.image.Volume(back, v.geometry(), v.metadata()));
            }
        }
    }

    @Test
    void truncatedRawDataNamesExpectedAndFoundBytes() {
        VoxelData d = VoxelData.allocate(VoxelType.INT16, 100);
        assertThatThrownBy(() -> RawVoxels.read(new ByteArrayInputStream(new byte[150]), d, ByteOrder.LITTLE_ENDIAN,
                dir.resolve("x.raw")))
                .isInstanceOf(ImageIOException.class).hasMessageContaining("x.raw")
                .hasMessageContaining("expected 200 bytes").hasMessageContaining("found 150")
                .satisfies(e -> assertThat(((ImageIOException) e).problem()).isEqualTo(ImageIOException.Problem.TRUNCATED));
    }

    @Test
    void hugeAllocationIsRefusedNotThrownAsOutOfMemory() {
        assertThatThrownBy(() -> RawVoxels.allocate(dir.resolve("big.nii"), VoxelType.FLOAT64, 2_000_000_000L,
                "dim = [2000, 1000, 1000]"))
                .isInstanceOf(ImageIOException.class).hasMessageContaining("big.nii")
                .hasMessageContaining("dim = [2000, 1000, 1000]");
        assertThatThrownBy(() -> RawVoxels.allocate(dir.resolve("big.nii"), VoxelType.UINT8, 1L << 40, "huge"))
                .isInstanceOf(ImageIOException.class)
                .satisfies(e -> assertThat(((ImageIOException) e).problem()).isEqualTo(ImageIOException.Problem.TOO_LARGE));
    }

    @Test
    void committedFilesHaveNormalPermissions() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "skipped: no POSIX permissions");
        Path target = dir.resolve("perm.raw");
        try (AtomicOutput out = new AtomicOutput()) {
            try (OutputStream s = out.open(target)) {
                s.write(1);
            }
            out.commit();
        }
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
                .isEqualTo("rw-r--r--");
    }
}
