package org.coreg.io.nrrd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.coreg.image.Volume;
import org.coreg.image.VoxelType;
import org.coreg.io.ImageIOException;
import org.coreg.testing.TestVolumes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutations of valid NRRD files (header values, digits, lines, truncation, random bytes, detached data):
 * every case must either read or end in an {@link ImageIOException}, within bounded time and memory. The reader
 * bounds its own memory (sizes are checked against the data length, and gzip data against deflate's largest
 * ratio, before anything is allocated); the test measures the bytes each case allocates.
 */
class NrrdFuzzTest {
    private static final long SEED = 20261201L;
    private static final int CASES = 3000;
    private static final long MAX_TOTAL_MILLIS = 180_000;
    private static final long MAX_CASE_MILLIS = 5_000;
    /** The files are a few KiB; deflate's 1032:1 bound and I/O buffers keep a case far below this. */
    private static final long MAX_CASE_ALLOCATION = 32L << 20;

    private static final String[] VALUES = {"0", "-1", "1", "2", "3", "4", "16", "17", "-0", "nan", "NaN", "inf",
        "-inf", "1e308", "1e-320", "4294967296", "9223372036854775807", "99999999999999999999", "", " ", "none",
        "(1,0,0)", "(0,0,0)", "(nan,1,2)", "(1,2)", "(1,0,0) (0,1,0)", "(1,0,0) (0,1,0) (0,0,1) (1,1,1)", "raw",
        "gzip", "bzip2", "ascii", "little", "big", "short", "double", "int64", "block", "LIST", "x%03d.raw 1 3 1",
        "right-anterior-superior", "scanner-xyz", "left-posterior-superior-time", "domain", "vector", "\"m\"",
        "../../etc/passwd", "4294967296 4294967296 4294967296", "100000 100000 3000", "9 7 5 1", "/dev/zero", "\u0000", "((1,2,3)", "(1,,3)", "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17"};

    @TempDir
    Path dir;

    private record Base(String name, byte[] bytes, String dataName, byte[] data) {
    }

    @Test
    void everyMutationReadsOrFailsWithTheTypedException() throws Exception {
        List<Base> bases = bases();
        Random rnd = new Random(SEED);
        Map<ImageIOException.Problem, Integer> problems = new EnumMap<>(ImageIOException.Problem.class);
        int read = 0;
        long slowest = 0;
        long mostAllocated = 0;
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long me = Thread.currentThread().threadId();
        long start = System.nanoTime();
        for (int c = 0; c < CASES; c++) {
            Base b = bases.get(rnd.nextInt(bases.size()));
            Path caseDir = Files.createDirectories(dir.resolve("case" + (c % 8)));
            byte[] header = b.bytes;
            byte[] data = b.data;
            int target = b.dataName == null ? 0 : rnd.nextInt(4);
            String how;
            if (target == 3) {
                Mutation m = mutate(rnd, data);
                how = "data file: " + m.how;
                data = m.bytes;
            } else {
                Mutation m = mutate(rnd, header);
                how = "file: " + m.how;
                header = m.bytes;
            }
            Path f = caseDir.resolve(b.name);
            Files.write(f, header);
            if (b.dataName != null) {
                Files.write(caseDir.resolve(b.dataName), data);
            }
            long t0 = System.nanoTime();
            long a0 = threads.getThreadAllocatedBytes(me);
            try {
                Volume v = new NrrdReader().read(f);
                assertThat(v.voxels().length()).isEqualTo((int) v.geometry().voxelCount());
                read++;
            } catch (ImageIOException e) {
                assertThat(e.getMessage()).as("case %d (%s)", c, how).contains(e.file().getFileName().toString());
                problems.merge(e.problem(), 1, Integer::sum);
            } catch (Throwable t) {
                throw new AssertionError("case " + c + " (" + b.name + ", " + how + ") threw " + t + "\nheader: "
                        + new String(header, 0, Math.min(header.length, 600), StandardCharsets.ISO_8859_1), t);
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            long allocated = threads.getThreadAllocatedBytes(me) - a0;
            slowest = Math.max(slowest, ms);
            mostAllocated = Math.max(mostAllocated, allocated);
            assertThat(ms).as("case %d (%s) time", c, how).isLessThan(MAX_CASE_MILLIS);
            assertThat(allocated).as("case %d (%s) bytes allocated", c, how).isLessThan(MAX_CASE_ALLOCATION);
        }
        long total = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("NRRD fuzz: %d cases, %d read, failures by problem %s, slowest %d ms, most allocated by "
                + "one case %d KiB, total %d ms%n", CASES, read, problems, slowest, mostAllocated >> 10, total);
        assertThat(total).isLessThan(MAX_TOTAL_MILLIS);
        // the mutations must reach deep: some cases still read, and failures of many kinds occur
        assertThat(read).isGreaterThan(CASES / 50);
        assertThat(problems.keySet()).contains(ImageIOException.Problem.BAD_FIELD,
                ImageIOException.Problem.TRUNCATED, ImageIOException.Problem.CORRUPT_COMPRESSION,
                ImageIOException.Problem.UNSUPPORTED, ImageIOException.Problem.WRONG_FORMAT,
                ImageIOException.Problem.TOO_LARGE, ImageIOException.Problem.MISSING_FILE);
    }

    private record Mutation(byte[] bytes, String how) {
    }

    /** One random mutation of a copy of {@code in}, and what it did. */
    private static Mutation mutate(Random rnd, byte[] in) {
        byte[] b = in.clone();
        int headerEnd = headerEnd(b);
        String how;
        switch (rnd.nextInt(7)) {
            case 0, 1 -> {
                // replace the value of one header line
                List<int[]> lines = lines(b, headerEnd);
                int[] line = lines.get(rnd.nextInt(lines.size()));
                String text = new String(b, line[0], line[1] - line[0], StandardCharsets.ISO_8859_1);
                int colon = text.indexOf(':');
                String value = VALUES[rnd.nextInt(VALUES.length)];
                String replaced = colon < 0 ? value : text.substring(0, colon + 1) + " " + value;
                b = splice(b, line[0], line[1], replaced.getBytes(StandardCharsets.ISO_8859_1));
                how = "line '" + text + "' -> '" + replaced + "'";
            }
            case 2 -> {
                // change digits in the header
                int n = 1 + rnd.nextInt(3);
                for (int i = 0; i < n && headerEnd > 0; i++) {
                    int p = rnd.nextInt(headerEnd);
                    if (Character.isDigit(b[p])) {
                        b[p] = (byte) ('0' + rnd.nextInt(10));
                    } else {
                        b[p] = (byte) "0123456789-.e(), ".charAt(rnd.nextInt(17));
                    }
                }
                how = n + " header characters changed";
            }
            case 3 -> {
                int cut = rnd.nextInt(b.length + 1);
                b = Arrays.copyOf(b, cut);
                how = "truncated to " + cut + " bytes";
            }
            case 4 -> {
                int n = 1 + rnd.nextInt(8);
                for (int i = 0; i < n && b.length > 0; i++) {
                    b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
                }
                how = n + " random bytes";
            }
            case 5 -> {
                // delete, duplicate or swap header lines
                List<int[]> lines = lines(b, headerEnd);
                int[] a = lines.get(rnd.nextInt(lines.size()));
                byte[] text = Arrays.copyOfRange(b, a[0], Math.min(b.length, a[1] + 1));
                b = rnd.nextBoolean() ? splice(b, a[0], Math.min(b.length, a[1] + 1), new byte[0])
                        : splice(b, a[0], a[0], text);
                how = "header line removed or repeated: " + new String(text, StandardCharsets.ISO_8859_1).trim();
            }
            default -> {
                int p = rnd.nextInt(b.length + 1);
                byte[] junk = new byte[1 + rnd.nextInt(64)];
                rnd.nextBytes(junk);
                b = rnd.nextBoolean() ? splice(b, p, p, junk) : splice(b, p, Math.min(b.length, p + junk.length),
                        new byte[0]);
                how = "bytes inserted or removed at " + p;
            }
        }
        return new Mutation(b, how);
    }

    private static int headerEnd(byte[] b) {
        for (int i = 1; i < b.length; i++) {
            if (b[i] == '\n' && b[i - 1] == '\n') {
                return i;
            }
        }
        return b.length;
    }

    /** [start, end) of each line before {@code end} (end excludes the newline). */
    private static List<int[]> lines(byte[] b, int end) {
        List<int[]> l = new ArrayList<>();
        int s = 0;
        for (int i = 0; i < end; i++) {
            if (b[i] == '\n') {
                l.add(new int[] {s, i});
                s = i + 1;
            }
        }
        if (l.isEmpty()) {
            l.add(new int[] {0, Math.min(end, b.length)});
        }
        return l;
    }

    private static byte[] splice(byte[] b, int from, int to, byte[] insert) {
        byte[] r = new byte[b.length - (to - from) + insert.length];
        System.arraycopy(b, 0, r, 0, from);
        System.arraycopy(insert, 0, r, from, insert.length);
        System.arraycopy(b, to, r, from + insert.length, b.length - to);
        return r;
    }

    /** Valid files to mutate: gzip and raw, both byte orders, several types, detached data, skips, RAS. */
    private List<Base> bases() throws Exception {
        List<Base> bases = new ArrayList<>();
        VoxelType[] types = {VoxelType.INT16, VoxelType.FLOAT32, VoxelType.UINT8, VoxelType.FLOAT64};
        for (int i = 0; i < types.length; i++) {
            Volume v = TestVolumes.random(types[i], TestVolumes.obliqueGeometry(9, 7, 5), i);
            ByteOrder order = i % 2 == 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
            for (NrrdEncoding enc : NrrdEncoding.values()) {
                Path f = dir.resolve("base-" + i + "-" + enc + ".nrrd");
                new NrrdWriter(enc, order).write(v, f);
                bases.add(new Base("v.nrrd", Files.readAllBytes(f), null, null));
            }
            Path h = dir.resolve("base-" + i + ".nhdr");
            new NrrdWriter(NrrdEncoding.RAW, order).write(v, h);
            bases.add(new Base("v.nhdr", Files.readAllBytes(h), "base-" + i + ".raw",
                    Files.readAllBytes(dir.resolve("base-" + i + ".raw"))));
        }
        byte[] data = NrrdTestFiles.ramp16(60);
        bases.add(new Base("skips.nrrd", NrrdTestFiles.concat("""
                NRRD0005
                type: int16
                dimension: 4
                space: RAS
                sizes: 1 5 4 3
                space directions: none (0,1,0) (-1,0,0) (0,0,2)
                kinds: scalar domain domain domain
                endian: little
                encoding: gz
                line skip: 1
                byte skip: 2
                key:=value

                skipped line
                """.getBytes(StandardCharsets.US_ASCII), NrrdTestFiles.gzip(NrrdTestFiles.concat(new byte[2], data))),
                null, null));
        // the read of every base succeeds before mutation
        for (Base b : bases) {
            Path d = Files.createDirectories(dir.resolve("check"));
            Files.write(d.resolve(b.name), b.bytes);
            if (b.dataName != null) {
                Files.write(d.resolve(b.dataName), b.data);
            }
            assertThat(new NrrdReader().read(d.resolve(b.name)).voxels().length()).isPositive();
        }
        return bases;
    }
}
