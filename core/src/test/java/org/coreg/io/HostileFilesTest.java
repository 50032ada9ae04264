package org.coreg.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.coreg.image.Volume;
import org.coreg.image.VoxelType;
import org.coreg.io.ImageIOException.Problem;
import org.coreg.io.nifti.NiftiWriter;
import org.coreg.io.nifti.NiftiVersion;
import org.coreg.testing.TestVolumes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that claim more than they hold, and headers that name data files elsewhere: every one must end in a typed
 * error naming the file and the field, having allocated next to nothing (a claim costs no memory), and no byte of a
 * file outside the header's folder may be read unless the user allowed it ({@link DataFiles}).
 */
class HostileFilesTest {
    @TempDir
    Path dir;

    @AfterEach
    void forgetPermission() {
        System.clearProperty(DataFiles.ALLOW_PROPERTY);
    }

    /** The error reading {@code file}, checked to name it and to have allocated less than 16 MiB. */
    private static ImageIOException refused(Path file) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long a0 = threads.getThreadAllocatedBytes(Thread.currentThread().threadId());
        ImageIOException error = null;
        try {
            ImageFormats.standard().read(file);
        } catch (ImageIOException e) {
            error = e;
        }
        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().threadId()) - a0;
        assertThat(error).as("typed error for %s", file).isNotNull();
        assertThat(allocated).as("bytes allocated reading %s", file).isLessThan(16L << 20);
        return error;
    }

    private static byte[] gzip(byte[] b) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(b);
        }
        return out.toByteArray();
    }

    private static byte[] zlib(byte[] b) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out)) {
            z.write(b);
        }
        return out.toByteArray();
    }

    /** A NIfTI-1 header (no voxels) whose dim says {@code n x n x n} float voxels. */
    private byte[] niftiHeaderClaiming(int n) throws Exception {
        Volume v = TestVolumes.random(VoxelType.FLOAT32, TestVolumes.obliqueGeometry(2, 2, 2), 3);
        Path small = dir.resolve("small.nii");
        new NiftiWriter(NiftiVersion.NIFTI1, ByteOrder.LITTLE_ENDIAN).write(v, small);
        byte[] all = Files.readAllBytes(small);
        ByteBuffer b = ByteBuffer.wrap(all, 0, 352).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(42, (short) n).putShort(44, (short) n).putShort(46, (short) n);
        return java.util.Arrays.copyOf(all, 352);
    }

    @Test
    void niftiGzipWhoseHeaderClaimsAGigavoxelIsRefusedBeforeAllocating() throws Exception {
        Path f = dir.resolve("bomb.nii.gz");
        Files.write(f, gzip(niftiHeaderClaiming(1000)));
        assertThat(Files.size(f)).isLessThan(200);
        ImageIOException e = refused(f);
        assertThat(e.getMessage()).contains(f.toString()).contains("field dim").contains("4000000352 bytes");
    }

    @Test
    void niftiPairWithGzippedImgClaimingTooMuchIsRefused() throws Exception {
        byte[] h = niftiHeaderClaiming(1000);
        h[344] = 'n';
        h[345] = 'i';
        h[346] = '1';
        ByteBuffer.wrap(h).order(ByteOrder.LITTLE_ENDIAN).putFloat(108, 0f);
        Files.write(dir.resolve("pair.hdr"), h);
        Files.write(dir.resolve("pair.img.gz"), gzip(new byte[64]));
        ImageIOException e = refused(dir.resolve("pair.hdr"));
        assertThat(e.getMessage()).contains("pair.img.gz");
    }

    @Test
    void metaImageZrawClaimingTooMuchIsRefused() throws Exception {
        Files.write(dir.resolve("bomb.zraw"), zlib(new byte[64]));
        Path h = Files.writeString(dir.resolve("bomb.mhd"), "NDims = 3\nDimSize = 1000 1000 1000\n"
                + "ElementType = MET_FLOAT\nCompressedData = True\nElementDataFile = bomb.zraw\n");
        ImageIOException e = refused(h);
        // With a small heap the memory check may speak first; either way, refused before allocating.
        assertThat(e.getMessage()).containsAnyOf("bomb.zraw", "bomb.mhd").containsAnyOf("CompressedData",
                "memory available");
    }

    @Test
    void nrrdGzipClaimingTooMuchIsRefused() throws Exception {
        byte[] head = ("NRRD0004\ntype: float\ndimension: 3\nsizes: 1000 1000 1000\nencoding: gzip\n"
                + "endian: little\n\n").getBytes(StandardCharsets.US_ASCII);
        byte[] data = gzip(new byte[64]);
        byte[] all = java.util.Arrays.copyOf(head, head.length + data.length);
        System.arraycopy(data, 0, all, head.length, data.length);
        Path f = Files.write(dir.resolve("bomb.nrrd"), all);
        ImageIOException e = refused(f);
        assertThat(e.getMessage()).contains(f.toString()).containsAnyOf("4000000000 bytes", "memory available");
    }

    /** A megabyte of noise: it compresses to about its own size, far from deflate's 1032:1. */
    private static byte[] noise() {
        byte[] b = new byte[1 << 20];
        new java.util.Random(15).nextBytes(b);
        return b;
    }

    @Test
    void aLieWithinDeflatesLimitCostsNoMemoryEither() throws Exception {
        // 1 MiB of compressed noise whose headers claim 400 MB: within 1040:1, so only inflating tells.
        byte[] h = niftiHeaderClaiming(464);
        byte[] nii = java.util.Arrays.copyOf(h, h.length + (1 << 20));
        System.arraycopy(noise(), 0, nii, h.length, 1 << 20);
        Path f = Files.write(dir.resolve("lie.nii.gz"), gzip(nii));
        assertThat(refused(f).getMessage()).contains("field dim").contains("found");

        Files.write(dir.resolve("lie.zraw"), zlib(noise()));
        Path mhd = Files.writeString(dir.resolve("lie.mhd"), "NDims = 3\nDimSize = 464 464 464\n"
                + "ElementType = MET_FLOAT\nCompressedData = True\nElementDataFile = lie.zraw\n");
        assertThat(refused(mhd).getMessage()).containsAnyOf("lie.zraw", "lie.mhd").containsAnyOf("CompressedData",
                "memory available");

        byte[] head = ("NRRD0004\ntype: float\ndimension: 3\nsizes: 464 464 464\nencoding: gzip\n"
                + "endian: little\n\n").getBytes(StandardCharsets.US_ASCII);
        byte[] data = gzip(noise());
        byte[] all = java.util.Arrays.copyOf(head, head.length + data.length);
        System.arraycopy(data, 0, all, head.length, data.length);
        Path nrrd = Files.write(dir.resolve("lie.nrrd"), all);
        assertThat(refused(nrrd).getMessage()).contains("lie.nrrd").containsAnyOf("ends early", "memory available");
    }

    @Test
    void metaImageDataFileOutsideTheHeaderFolderIsRefused() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("a/b"));
        for (String name : new String[] {"/etc/passwd", "../../../../../../../../etc/passwd", "../outside.raw"}) {
            Files.write(dir.resolve("a/outside.raw"), new byte[8]);
            Path h = Files.writeString(sub.resolve("x.mhd"), "NDims = 3\nDimSize = 2 2 2\nElementType = MET_UCHAR\n"
                    + "ElementDataFile = " + name + "\n");
            ImageIOException e = refused(h);
            assertThat(e.problem()).as(name).isEqualTo(Problem.BAD_FIELD);
            assertThat(e.getMessage()).contains(h.toString()).contains("field ElementDataFile")
                    .contains("header's folder").contains(DataFiles.ALLOW_ENV);
        }
    }

    @Test
    void nrrdDataFileOutsideTheHeaderFolderIsRefused() throws Exception {
        for (String name : new String[] {"/etc/passwd", "../../../../../../../../etc/passwd"}) {
            Path h = Files.writeString(dir.resolve("x.nhdr"), "NRRD0004\ntype: uchar\ndimension: 3\nsizes: 2 2 2\n"
                    + "encoding: raw\ndata file: " + name + "\n");
            ImageIOException e = refused(h);
            assertThat(e.problem()).as(name).isEqualTo(Problem.BAD_FIELD);
            assertThat(e.getMessage()).contains("field data file").contains("header's folder");
        }
    }

    @Test
    void aSymbolicLinkOutOfTheFolderIsRefusedForEveryDetachedFormat() throws Exception {
        Path outside = Files.write(dir.resolve("secret.bin"), new byte[8]);
        Path sub = Files.createDirectories(dir.resolve("sub"));
        Files.createSymbolicLink(sub.resolve("m.raw"), outside);
        Files.createSymbolicLink(sub.resolve("n.raw"), outside);
        Files.writeString(sub.resolve("m.mhd"), "NDims = 3\nDimSize = 2 2 2\nElementType = MET_UCHAR\n"
                + "ElementDataFile = m.raw\n");
        Files.writeString(sub.resolve("n.nhdr"), "NRRD0004\ntype: uchar\ndimension: 3\nsizes: 2 2 2\n"
                + "encoding: raw\ndata file: n.raw\n");
        byte[] h = niftiHeaderClaiming(2);
        h[344] = 'n';
        h[345] = 'i';
        h[346] = '1';
        ByteBuffer.wrap(h).order(ByteOrder.LITTLE_ENDIAN).putFloat(108, 0f);
        Files.write(sub.resolve("p.hdr"), h);
        Files.write(dir.resolve("p-data.img"), new byte[32]);
        Files.createSymbolicLink(sub.resolve("p.img"), dir.resolve("p-data.img"));
        for (String name : new String[] {"m.mhd", "n.nhdr", "p.hdr"}) {
            ImageIOException e = refused(sub.resolve(name));
            assertThat(e.problem()).as(name).isEqualTo(Problem.BAD_FIELD);
            assertThat(e.getMessage()).as(name).contains("header's folder");
        }
    }

    @Test
    void theUserMayAllowDataFilesElsewhereExplicitly() throws Exception {
        Files.write(dir.resolve("shared.raw"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        Path sub = Files.createDirectories(dir.resolve("headers"));
        Path h = Files.writeString(sub.resolve("x.mhd"), "NDims = 3\nDimSize = 2 2 2\nElementType = MET_UCHAR\n"
                + "ElementDataFile = ../shared.raw\n");
        refused(h);
        System.setProperty(DataFiles.ALLOW_PROPERTY, "true");
        Volume v = ImageFormats.standard().read(h);
        assertThat((byte[]) v.voxels().array()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void aMetaImageRawWithMoreVoxelsThanDeclaredIsRefused() throws Exception {
        Files.write(dir.resolve("big.raw"), new byte[27]);
        Path h = Files.writeString(dir.resolve("small.mhd"), "NDims = 3\nDimSize = 2 2 2\nElementType = MET_UCHAR\n"
                + "ElementDataFile = big.raw\n");
        ImageIOException e = refused(h);
        assertThat(e.problem()).isEqualTo(Problem.BAD_FIELD);
        assertThat(e.getMessage()).contains("big.raw").contains("8 bytes").contains("27 bytes");
    }

    @Test
    void anAnalyzeImgWithMoreVoxelsThanDeclaredIsRefused() throws Exception {
        byte[] h = niftiHeaderClaiming(2);
        h[344] = 'n';
        h[345] = 'i';
        h[346] = '1';
        ByteBuffer.wrap(h).order(ByteOrder.LITTLE_ENDIAN).putFloat(108, 0f);
        Files.write(dir.resolve("pair.hdr"), h);
        Files.write(dir.resolve("pair.img"), new byte[32 * 4]);
        ImageIOException e = refused(dir.resolve("pair.hdr"));
        assertThat(e.problem()).isEqualTo(Problem.BAD_FIELD);
        assertThat(e.getMessage()).contains("pair.img").contains("32 bytes").contains("128 bytes");
        Files.write(dir.resolve("pair.img"), new byte[32]);
        assertThat(ImageFormats.standard().read(dir.resolve("pair.hdr")).voxels().length()).isEqualTo(8);
    }

    @Test
    void devicesAndFoldersAreNotDataFiles() throws Exception {
        Files.createDirectories(dir.resolve("folder.raw"));
        Path h = Files.writeString(dir.resolve("d.mhd"), "NDims = 3\nDimSize = 2 2 2\nElementType = MET_UCHAR\n"
                + "ElementDataFile = folder.raw\n");
        assertThat(refused(h).getMessage()).contains("folder or a device");
    }
}
