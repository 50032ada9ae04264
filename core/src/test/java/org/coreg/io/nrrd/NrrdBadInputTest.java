package org.coreg.io.nrrd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.coreg.io.nrrd.NrrdTestFiles.attached;
import static org.coreg.io.nrrd.NrrdTestFiles.gzip;
import static org.coreg.io.nrrd.NrrdTestFiles.ramp16;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.coreg.image.Volume;
import org.coreg.image.VoxelType;
import org.coreg.io.ImageIOException;
import org.coreg.io.ImageIOException.Problem;
import org.coreg.testing.TestVolumes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of bad input ends in a typed {@link ImageIOException} whose message names the file, the field, what
 * was expected and what was found; a failed write leaves no file.
 */
class NrrdBadInputTest {
    @TempDir
    Path dir;

    private static final String HEADER = """
            NRRD0004
            type: short
            dimension: 3
            space: left-posterior-superior
            sizes: 3 2 2
            space directions: (0.5,0,0) (0,0.75,0) (0,0,2)
            space origin: (1,2,3)
            endian: little
            encoding: raw
            """;

    private ImageIOException readFails(Path f, Problem problem, String field) {
        ImageIOException e = catchThrowableOfType(ImageIOException.class, () -> new NrrdReader().read(f));
        assertThat(e).as("reading " + f.getFileName() + " must fail").isNotNull();
        assertThat(e.problem()).as(e.getMessage()).isEqualTo(problem);
        assertThat(e.getMessage()).contains(f.getFileName().toString()).contains("field " + field + ":")
                .contains("expected").contains("found");
        return e;
    }

    private Path nrrd(String name, String header, byte[] data) throws Exception {
        return attached(dir.resolve(name), header, data);
    }

    @Test
    void truncatedRawData() throws Exception {
        Path f = nrrd("short.nrrd", HEADER, Arrays.copyOf(ramp16(12), 20));
        assertThat(readFails(f, Problem.TRUNCATED, "data").getMessage()).contains("expected 24 bytes")
                .contains("found 20 bytes");
    }

    @Test
    void truncatedGzipData() throws Exception {
        byte[] z = gzip(ramp16(4000));
        Path f = nrrd("cut.nrrd", HEADER.replace("sizes: 3 2 2", "sizes: 20 20 10").replace("raw", "gzip"),
                Arrays.copyOf(z, z.length / 2));
        readFails(f, Problem.TRUNCATED, "data");
    }

    @Test
    void wrongMagic() throws Exception {
        Path f = nrrd("magic.nrrd", HEADER.replace("NRRD0004", "NRRX0004"), ramp16(12));
        assertThat(readFails(f, Problem.WRONG_FORMAT, "magic").getMessage()).contains("NRRX0004");
        Path newer = nrrd("v9.nrrd", HEADER.replace("NRRD0004", "NRRD0009"), ramp16(12));
        readFails(newer, Problem.UNSUPPORTED, "magic");
    }

    @Test
    void sizesThatDisagreeWithTheDataLength() throws Exception {
        Path more = nrrd("more.nrrd", HEADER, ramp16(15));
        assertThat(readFails(more, Problem.BAD_FIELD, "sizes").getMessage()).contains("24 bytes").contains("30 bytes");
        Path moreGz = nrrd("more-gz.nrrd", HEADER.replace("raw", "gzip"), gzip(ramp16(15)));
        readFails(moreGz, Problem.BAD_FIELD, "sizes");
        Path fewer = nrrd("fewer.nrrd", HEADER.replace("sizes: 3 2 2", "sizes: 3 2 3"), ramp16(12));
        readFails(fewer, Problem.TRUNCATED, "data");
    }

    @Test
    void unsupportedType() throws Exception {
        Path f = nrrd("int64.nrrd", HEADER.replace("type: short", "type: long long int"), new byte[96]);
        assertThat(readFails(f, Problem.UNSUPPORTED, "type").getMessage()).contains("long long int");
        Path unknown = nrrd("q.nrrd", HEADER.replace("type: short", "type: quad"), new byte[96]);
        readFails(unknown, Problem.BAD_FIELD, "type");
    }

    @Test
    void corruptGzip() throws Exception {
        byte[] z = gzip(ramp16(12));
        for (int i = 12; i < z.length - 8; i++) {
            z[i] ^= (byte) 0x5a;
        }
        Path f = nrrd("corrupt.nrrd", HEADER.replace("raw", "gzip"), z);
        readFails(f, Problem.CORRUPT_COMPRESSION, "data");
        Path notGzip = nrrd("plain.nrrd", HEADER.replace("raw", "gzip"), ramp16(12));
        readFails(notGzip, Problem.CORRUPT_COMPRESSION, "data");
        byte[] badCrc = gzip(ramp16(12));
        badCrc[badCrc.length - 6] ^= 1;
        readFails(nrrd("crc.nrrd", HEADER.replace("raw", "gzip"), badCrc), Problem.CORRUPT_COMPRESSION, "data");
    }

    @Test
    void sizesWhoseProductOverflowsOrExceedsOneArray() throws Exception {
        Path overflow = nrrd("overflow.nrrd", HEADER.replace("sizes: 3 2 2", "sizes: 4294967296 4294967296 4294967296"),
                ramp16(12));
        assertThat(readFails(overflow, Problem.TOO_LARGE, "sizes").getMessage()).contains("overflow");
        Path big = nrrd("big.nrrd", HEADER.replace("sizes: 3 2 2", "sizes: 3000 1000 1000"), ramp16(12));
        assertThat(readFails(big, Problem.TOO_LARGE, "sizes").getMessage()).contains("3000000000 voxels");
    }

    @Test
    void sizesThatExceedAvailableMemory() throws Exception {
        // about 2.1e9 voxels fit in one array but as float64 need 17 GB
        long side = 46000;
        assumeThat(Runtime.getRuntime().maxMemory()).as("heap smaller than 16 GB").isLessThan(16L << 30);
        Path f = nrrd("huge.nrrd", HEADER.replace("type: short", "type: double")
                .replace("sizes: 3 2 2", "sizes: " + side + " " + side + " 1").replace("raw", "gzip"), gzip(ramp16(12)));
        assertThat(readFails(f, Problem.TOO_LARGE, "sizes").getMessage()).contains("memory");
    }

    @Test
    void nanOrZeroSpacing() throws Exception {
        readFails(nrrd("nan.nrrd", HEADER.replace("(0.5,0,0)", "(nan,0,0)"), ramp16(12)), Problem.BAD_FIELD,
                "space directions");
        readFails(nrrd("zero.nrrd", HEADER.replace("(0.5,0,0)", "(0,0,0)"), ramp16(12)), Problem.BAD_FIELD,
                "space directions");
        String plain = """
                NRRD0004
                type: short
                dimension: 3
                sizes: 3 2 2
                spacings: 1 %s 1
                endian: little
                encoding: raw""";
        readFails(nrrd("nan2.nrrd", plain.formatted("NaN"), ramp16(12)), Problem.BAD_FIELD, "spacings");
        readFails(nrrd("zero2.nrrd", plain.formatted("0"), ramp16(12)), Problem.BAD_FIELD, "spacings");
    }

    @Test
    void missingDetachedDataFile() throws Exception {
        Path h = dir.resolve("lost.nhdr");
        Files.writeString(h, HEADER + "data file: lost.raw\n");
        ImageIOException e = readFails(h, Problem.MISSING_FILE, "data file");
        assertThat(e.file()).isEqualTo(dir.resolve("lost.raw").toAbsolutePath());
        assertThat(e.getMessage()).contains("lost.raw");
    }

    @Test
    void unsupportedEncoding() throws Exception {
        for (String enc : new String[] {"bzip2", "ascii", "hex"}) {
            Path f = nrrd(enc + ".nrrd", HEADER.replace("encoding: raw", "encoding: " + enc), new byte[24]);
            assertThat(readFails(f, Problem.UNSUPPORTED, "encoding").getMessage()).contains(enc);
        }
        readFails(nrrd("made-up.nrrd", HEADER.replace("encoding: raw", "encoding: lzw"), new byte[24]),
                Problem.BAD_FIELD, "encoding");
    }

    @Test
    void otherMalformedHeaders() throws Exception {
        readFails(nrrd("no-type.nrrd", HEADER.replace("type: short\n", ""), ramp16(12)), Problem.BAD_FIELD, "type");
        readFails(nrrd("twice.nrrd", HEADER + "type: short", ramp16(12)), Problem.BAD_FIELD, "type");
        readFails(nrrd("endian.nrrd", HEADER.replace("endian: little\n", ""), ramp16(12)), Problem.BAD_FIELD, "endian");
        readFails(nrrd("unknown.nrrd", HEADER + "colour: blue", ramp16(12)), Problem.BAD_FIELD, "header line 10");
        readFails(nrrd("sheared.nrrd", HEADER.replace("(0,0.75,0)", "(0.3,0.75,0)"), ramp16(12)), Problem.BAD_FIELD,
                "space directions");
        readFails(nrrd("count.nrrd", HEADER.replace("(0,0,2)", ""), ramp16(12)), Problem.BAD_FIELD,
                "space directions");
        readFails(nrrd("vector.nrrd", HEADER.replace("sizes: 3 2 2", "sizes: 3 3 2 2").replace("dimension: 3",
                "dimension: 4").replace("space directions:", "space directions: none"), ramp16(36)),
                Problem.UNSUPPORTED, "space directions");
        readFails(nrrd("time.nrrd", HEADER.replace("left-posterior-superior", "left-posterior-superior-time"),
                ramp16(12)), Problem.UNSUPPORTED, "space");
        readFails(nrrd("list.nrrd", HEADER + "data file: LIST\na.raw\nb.raw", ramp16(12)), Problem.UNSUPPORTED,
                "data file");
        readFails(nrrd("pattern.nrrd", HEADER + "data file: slice%03d.raw 1 2 1", ramp16(12)), Problem.UNSUPPORTED,
                "data file");
        readFails(nrrd("skip.nrrd", HEADER.replace("raw", "gzip") + "byte skip: -1", gzip(ramp16(12))),
                Problem.BAD_FIELD, "byte skip");
        readFails(nrrd("lines.nrrd", HEADER + "line skip: 3", "one line\n".getBytes()), Problem.TRUNCATED,
                "line skip");
        readFails(nrrd("units.nrrd", HEADER + "space units: \"m\" \"m\" \"m\"", ramp16(12)), Problem.UNSUPPORTED,
                "space units");
        readFails(nrrd("origin.nrrd", HEADER.replace("(1,2,3)", "(1,2)"), ramp16(12)), Problem.BAD_FIELD,
                "space origin");
        Path noBlank = dir.resolve("noblank.nrrd");
        Files.writeString(noBlank, HEADER);
        readFails(noBlank, Problem.TRUNCATED, "data");
    }

    @Test
    void missingFile() {
        Path f = dir.resolve("absent.nrrd");
        ImageIOException e = catchThrowableOfType(ImageIOException.class, () -> new NrrdReader().read(f));
        assertThat(e.problem()).isEqualTo(Problem.MISSING_FILE);
        assertThat(e.getMessage()).contains("absent.nrrd");
    }

    @Test
    void failedWritesLeaveNoFile() throws Exception {
        Volume v = TestVolumes.random(VoxelType.INT16, 1);
        // the header cannot be moved into place (a non-empty folder has its name) after the data were
        Path h = dir.resolve("a.nhdr");
        Files.createDirectories(h.resolve("sub"));
        ImageIOException e = catchThrowableOfType(ImageIOException.class, () -> new NrrdWriter().write(v, h));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("a.nhdr");
        assertThat(dir.resolve("a.raw")).doesNotExist();
        // the data cannot be moved into place: the existing header is untouched
        Path h2 = dir.resolve("b.nhdr");
        Files.writeString(h2, "old header");
        Files.createDirectories(dir.resolve("b.raw/sub"));
        assertThat(catchThrowableOfType(ImageIOException.class, () -> new NrrdWriter().write(v, h2))).isNotNull();
        assertThat(Files.readString(h2)).isEqualTo("old header");
        // attached
        Path n = dir.resolve("c.nrrd");
        Files.createDirectories(n.resolve("sub"));
        assertThat(catchThrowableOfType(ImageIOException.class, () -> new NrrdWriter().write(v, n))).isNotNull();
        // a folder that does not exist
        Path nowhere = dir.resolve("missing/d.nrrd");
        assertThat(catchThrowableOfType(ImageIOException.class, () -> new NrrdWriter().write(v, nowhere)))
                .isNotNull();
        assertThat(dir.resolve("missing")).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("a.nhdr", "b.nhdr", "b.raw", "c.nrrd");
        }
        assertThat(Files.isDirectory(dir.resolve("a.nhdr"))).isTrue();
        assertThat(Files.isDirectory(dir.resolve("c.nrrd"))).isTrue();
    }
}
