package org.coreg.io.metaimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import org.coreg.image.Volume;
import org.coreg.image.VoxelType;
import org.coreg.io.ImageIOException;
import org.coreg.io.ImageIOException.Problem;
import org.coreg.testing.TestVolumes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad MetaImage ends in a typed {@link ImageIOException} whose message names the file, the field,
 * what was expected and what was found; a failed write leaves no file behind.
 */
class MetaImageBadInputTest {
    private static final String HEADER = "ObjectType = Image\nNDims = 3\nBinaryData = True\n"
            + "BinaryDataByteOrderMSB = False\nElementSpacing = 1 1 1\nDimSize = 4 3 2\nElementType = MET_SHORT\n";

    @TempDir
    Path dir;

    @Test
    void truncatedLocalData() throws IOException {
        Path f = mha("t.mha", HEADER + "ElementDataFile = LOCAL\n", new byte[47]); // needs 48 bytes
        ImageIOException e = fails(f, Problem.TRUNCATED, "DimSize");
        assertThat(e.getMessage()).contains("48 bytes").contains("found 47 bytes");
    }

    @Test
    void truncatedCompressedDataWithoutSizeField() throws IOException {
        byte[] raw = new byte[48];
        new java.util.Random(5).nextBytes(raw); // incompressible: cutting the stream cuts voxels
        byte[] z = zlib(raw);
        Path f = mha("t.mha", HEADER + "CompressedData = True\nElementDataFile = LOCAL\n",
                Arrays.copyOf(z, z.length / 2));
        fails(f, Problem.TRUNCATED, "CompressedData");
    }

    @Test
    void notAMetaImage() throws IOException {
        Path png = dir.resolve("image.mha");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13});
        ImageIOException e = fails(png, Problem.WRONG_FORMAT, "first line");
        assertThat(e.getMessage()).contains("ObjectType = Image").contains("\\x89PNG");
        Path text = dir.resolve("notes.mhd");
        Files.writeString(text, "Dear reader = this is a letter\n");
        fails(text, Problem.WRONG_FORMAT, "first line");
        assertThat(new MetaImageFormat().matchesContent(Files.readAllBytes(png))).isFalse();
    }

    @Test
    void dimSizeLargerThanTheDetachedFile() throws IOException {
        Files.write(dir.resolve("d.raw"), new byte[48]);
        Path f = header("d.mhd", HEADER.replace("DimSize = 4 3 2", "DimSize = 4 3 3") + "ElementDataFile = d.raw\n");
        ImageIOException e = fails(f, Problem.TRUNCATED, "DimSize");
        assertThat(e.getMessage()).contains("72 bytes").contains("found 48 bytes").contains("d.raw");
    }

    @Test
    void compressedDataSizeLargerThanTheFile() throws IOException {
        byte[] z = zlib(new byte[48]);
        Path f = mha("c.mha", HEADER + "CompressedData = True\nCompressedDataSize = " + (z.length + 100)
                + "\nElementDataFile = LOCAL\n", z);
        ImageIOException e = fails(f, Problem.BAD_FIELD, "CompressedDataSize");
        assertThat(e.getMessage()).contains("at most the " + z.length + " bytes").contains(", found "
                + (z.length + 100));
    }

    @Test
    void unsupportedElementType() throws IOException {
        Path f = mha("u.mha", HEADER.replace("MET_SHORT", "MET_LONG_LONG") + "ElementDataFile = LOCAL\n",
                new byte[192]);
        ImageIOException e = fails(f, Problem.UNSUPPORTED, "ElementType");
        assertThat(e.getMessage()).contains("MET_LONG_LONG").contains("MET_FLOAT");
    }

    @Test
    void corruptZlibStream() throws IOException {
        byte[] z = zlib(new byte[48]);
        z[0] = (byte) 0xff; // not a zlib header
        z[1] = (byte) 0xff;
        Path f = mha("z.mha", HEADER + "CompressedData = True\nCompressedDataSize = " + z.length
                + "\nElementDataFile = LOCAL\n", z);
        ImageIOException e = fails(f, Problem.CORRUPT_COMPRESSION, "CompressedData");
        assertThat(e.getMessage()).contains("valid zlib stream").contains("corrupt");
    }

    @Test
    void dimensionsWhoseProductOverflows() throws IOException {
        Path f = mha("o.mha", HEADER.replace("DimSize = 4 3 2", "DimSize = 2147483647 2147483647 2147483647")
                + "ElementDataFile = LOCAL\n", new byte[48]);
        ImageIOException e = fails(f, Problem.TOO_LARGE, "DimSize");
        assertThat(e.getMessage()).contains("product overflows");
        Path g = mha("o2.mha", HEADER.replace("DimSize = 4 3 2", "DimSize = 70000 70000 1")
                + "ElementDataFile = LOCAL\n", new byte[48]);
        assertThat(fails(g, Problem.TOO_LARGE, "DimSize").getMessage()).contains("4900000000 voxels");
    }

    @Test
    void dimensionsThatExceedAvailableMemory() throws IOException {
        // 46000 x 46000 doubles fit in one array but need 16 GiB: refused before any allocation.
        Path f = mha("m.mha", HEADER.replace("DimSize = 4 3 2", "DimSize = 46000 46000 1")
                .replace("MET_SHORT", "MET_DOUBLE") + "CompressedData = True\nElementDataFile = LOCAL\n",
                zlib(new byte[64]));
        ImageIOException e = fails(f, Problem.TOO_LARGE, "DimSize");
        assertThat(e.getMessage()).contains("MiB of memory available").contains("needing " + 46000L * 46000 * 8 / (1 << 20) + " MiB");
    }

    @Test
    void nanAndZeroSpacing() throws IOException {
        for (String spacing : new String[] {"1 NaN 1", "0 1 1", "1 1 -2", "1 1"}) {
            Path f = mha("s.mha", HEADER.replace("ElementSpacing = 1 1 1", "ElementSpacing = " + spacing)
                    + "ElementDataFile = LOCAL\n", new byte[48]);
            ImageIOException e = fails(f, Problem.BAD_FIELD, "ElementSpacing");
            assertThat(e.getMessage()).contains("'" + spacing + "'");
        }
    }

    @Test
    void nonOrthonormalTransformMatrix() throws IOException {
        Path f = mha("r.mha", HEADER + "TransformMatrix = 1 0 0 0.5 1 0 0 0 1\nElementDataFile = LOCAL\n",
                new byte[48]);
        fails(f, Problem.BAD_FIELD, "TransformMatrix");
    }

    @Test
    void missingDetachedDataFile() throws IOException {
        Path f = header("h.mhd", HEADER + "ElementDataFile = h.raw\n");
        ImageIOException e = fails(f, Problem.MISSING_FILE, "ElementDataFile");
        assertThat(e.file()).isEqualTo(dir.resolve("h.raw"));
        assertThat(e.getMessage()).contains("h.mhd").contains("does not exist");
        fails(dir.resolve("absent.mha"), Problem.MISSING_FILE, "");
    }

    @Test
    void fileListsAndMissingFieldsAreNamed() throws IOException {
        fails(header("l.mhd", HEADER + "ElementDataFile = LIST\n"), Problem.UNSUPPORTED, "ElementDataFile");
        fails(header("n.mhd", HEADER.replace("NDims = 3\n", "") + "ElementDataFile = LOCAL\n"), Problem.BAD_FIELD,
                "NDims");
        fails(header("e.mhd", HEADER), Problem.BAD_FIELD, "ElementDataFile");
        fails(header("v.mhd", HEADER.replace("NDims = 3", "NDims = 4") + "ElementDataFile = LOCAL\n"),
                Problem.UNSUPPORTED, "NDims");
        fails(header("w.mhd", HEADER.replace("NDims = 3", "NDims = 0") + "ElementDataFile = LOCAL\n"),
                Problem.BAD_FIELD, "NDims");
        fails(header("b.mhd", HEADER.replace("BinaryData = True", "BinaryData = False")
                + "ElementDataFile = LOCAL\n"), Problem.UNSUPPORTED, "BinaryData");
        fails(header("c.mhd", HEADER + "ElementNumberOfChannels = 3\nElementDataFile = LOCAL\n"),
                Problem.UNSUPPORTED, "ElementNumberOfChannels");
    }

    @Test
    void failedDetachedWriteLeavesNeitherFile() throws IOException {
        Volume v = TestVolumes.random(VoxelType.INT16, 1);
        // The header's name is taken by a non-empty folder: the data file is written, then the header cannot be.
        Path blocked = Files.createDirectory(dir.resolve("out.mhd"));
        Files.writeString(blocked.resolve("keep.txt"), "x");
        ImageIOException e = catchThrowableOfType(ImageIOException.class,
                () -> new MetaImageWriter().write(v, blocked));
        assertThat(e).isNotNull();
        assertThat(e.problem()).isEqualTo(Problem.IO_FAILURE);
        assertThat(e.getMessage()).contains("out.mhd");
        assertThat(listing()).containsExactly("out.mhd");

        ImageIOException noFolder = catchThrowableOfType(ImageIOException.class,
                () -> new MetaImageWriter().write(v, dir.resolve("missing/x.mha")));
        assertThat(noFolder).isNotNull();
        assertThat(listing()).containsExactly("out.mhd");
    }

    @Test
    void failedCompressedMhaWriteLeavesNoFile() throws IOException {
        Volume v = TestVolumes.random(VoxelType.FLOAT64, 2);
        Path blocked = Files.createDirectory(dir.resolve("out.mha"));
        Files.writeString(blocked.resolve("keep.txt"), "x");
        for (boolean compressed : new boolean[] {true, false}) {
            ImageIOException e = catchThrowableOfType(ImageIOException.class,
                    () -> new MetaImageWriter(compressed, ByteOrder.LITTLE_ENDIAN, 1).write(v, blocked));
            assertThat(e).isNotNull();
            assertThat(listing()).containsExactly("out.mha");
        }
    }

    @Test
    void aFailedWriteKeepsTheExistingFiles() throws IOException {
        Volume v = TestVolumes.random(VoxelType.UINT8, 3);
        Path f = dir.resolve("keep.mhd");
        new MetaImageWriter().write(v, f);
        byte[] before = Files.readAllBytes(f);
        Volume big = TestVolumes.random(VoxelType.UINT8, TestVolumes.obliqueGeometry(9, 9, 9), 4);
        Files.createDirectory(dir.resolve("sub"));
        ImageIOException e = catchThrowableOfType(ImageIOException.class,
                () -> new MetaImageWriter().write(big, dir.resolve("sub/../nowhere/x.mhd")));
        assertThat(e).isNotNull();
        assertThat(Files.readAllBytes(f)).isEqualTo(before);
        assertThat(new MetaImageReader().read(f).geometry()).isEqualTo(v.geometry());
    }

    private ImageIOException fails(Path f, Problem problem, String field) {
        ImageIOException e = catchThrowableOfType(ImageIOException.class, () -> new MetaImageReader().read(f));
        assertThat(e).as("reading " + f + " must fail").isNotNull();
        assertThat(e.problem()).as(e.getMessage()).isEqualTo(problem);
        assertThat(e.getMessage()).contains(f.getFileName().toString());
        if (!field.isEmpty()) {
            assertThat(e.getMessage()).contains("field").contains(field).contains("expected").contains("found");
        }
        return e;
    }

    private Path mha(String name, String header, byte[] data) throws IOException {
        byte[] h = header.getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(h, h.length + data.length);
        System.arraycopy(data, 0, all, h.length, data.length);
        return Files.write(dir.resolve(name), all);
    }

    private Path header(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static byte[] zlib(byte[] raw) {
        Deflater d = new Deflater(1);
        d.setInput(raw);
        d.finish();
        byte[] out = new byte[raw.length + 64];
        int n = d.deflate(out);
        d.end();
        return Arrays.copyOf(out, n);
    }

    private Stream<String> listingStream() throws IOException {
        return Files.list(dir).map(p -> p.getFileName().toString()).sorted();
    }

    private java.util.List<String> listing() throws IOException {
        try (Stream<String> s = listingStream()) {
            return s.toList();
        }
    }
}
