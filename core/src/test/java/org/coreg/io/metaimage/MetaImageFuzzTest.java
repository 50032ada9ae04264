package org.coreg.io.metaimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * Seeded fuzzing of the MetaImage reader: valid files in every layout are mutated (header values, lines, lengths,
 * truncation, random bytes) and every case must either read into a consistent volume or end in an
 * {@link ImageIOException}, never another exception or error, within a bounded time.
 */
class MetaImageFuzzTest {
    private static final long SEED = 20261201L;
    private static final int CASES = 3000;
    private static final String[] VALUES = {"0", "-1", "1", "2", "3", "4", "-7", "65536", "2147483647",
        "2147483648", "9223372036854775807", "99999999999999999999", "1e308", "-0", "NaN", "inf", "", " ", "abc",
        "1 2", "1 2 3 4", "1.5", "0.0 0 0", "1e-320", "True", "False", "LOCAL", "LIST", "MET_LONG", "MET_FLOAT",
        "MET_UCHAR", "MET_DOUBLE", "missing.raw", "../x.raw", "%d.raw", "\u00e9\u00e9"};

    @TempDir
    Path dir;

    /** A valid file in one layout: the header file name and the files (name, bytes) that make it. */
    private record Seed(String header, List<String> names, List<byte[]> contents) {
    }

    @Test
    void everyMutationReadsOrThrowsTheTypedException() throws Exception {
        List<Seed> seeds = seeds();
        Random rnd = new Random(SEED);
        int[] outcome = new int[2];
        java.util.Map<String, int[]> perSeed = new java.util.TreeMap<>();
        long[] maxAllocated = new long[1];
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime();
        assertTimeoutPreemptively(Duration.ofSeconds(180), () -> {
            for (int c = 0; c < CASES; c++) {
                Seed seed = seeds.get(rnd.nextInt(seeds.size()));
                Path caseDir = Files.createDirectories(dir.resolve("case" + (c % 16)));
                int target = rnd.nextInt(seed.names().size());
                for (int f = 0; f < seed.names().size(); f++) {
                    byte[] b = seed.contents().get(f);
                    Files.write(caseDir.resolve(seed.names().get(f)), f == target ? mutate(b, rnd) : b);
                }
                Path header = caseDir.resolve(seed.header());
                long before = threads.getCurrentThreadAllocatedBytes();
                try {
                    Volume v = new MetaImageReader().read(header);
                    assertThat((long) v.voxels().length()).isEqualTo(v.geometry().voxelCount());
                    outcome[0]++;
                    perSeed.computeIfAbsent(seed.header(), k -> new int[2])[0]++;
                } catch (ImageIOException e) {
                    assertThat(e.getMessage()).contains(caseDir.toString());
                    outcome[1]++;
                    perSeed.computeIfAbsent(seed.header(), k -> new int[2])[1]++;
                } catch (Throwable t) {
                    throw new AssertionError("fuzz case " + c + " (seed " + SEED + ", file " + seed.header()
                            + ") threw " + t, t);
                }
                maxAllocated[0] = Math.max(maxAllocated[0], threads.getCurrentThreadAllocatedBytes() - before);
                for (String n : seed.names()) {
                    Files.deleteIfExists(caseDir.resolve(n));
                }
            }
        });
        System.out.printf("MetaImage fuzz: %d cases (seed %d) in %.1f s: %d read, %d refused with ImageIOException;"
                + " at most %.1f MiB allocated by one case; %d seed files%n", CASES, SEED, (System.nanoTime() - t0) / 1e9,
                outcome[0], outcome[1], maxAllocated[0] / 1048576.0, seeds.size());
        // Memory is bounded: no header, however it lies, makes the reader allocate more than a few MiB for files of
        // a few KiB (the 1 MiB header buffer plus at most deflate's 1032-fold expansion of the data present).
        assertThat(maxAllocated[0]).as("bytes allocated by the worst case").isLessThan(16L << 20);
        perSeed.forEach((k, n) -> System.out.printf("  %s: %d read, %d refused%n", k, n[0], n[1]));
        assertThat(outcome[0] + outcome[1]).isEqualTo(CASES);
        // Both outcomes occur: the mutations are neither all harmless nor all fatal.
        assertThat(outcome[0]).as("cases that read").isGreaterThan(CASES / 50);
        assertThat(outcome[1]).as("cases that were refused").isGreaterThan(CASES / 5);
    }

    private byte[] mutate(byte[] b, Random rnd) {
        int kind = rnd.nextInt(6);
        String text = new String(b, StandardCharsets.ISO_8859_1);
        int headerEnd = text.indexOf('\n', Math.max(0, text.indexOf("ElementDataFile"))) + 1;
        boolean hasHeader = text.startsWith("ObjectType") && headerEnd > 0;
        switch (kind) {
            case 0 -> { // replace one header value
                if (hasHeader) {
                    return replaceLine(b, headerEnd, rnd, (key, value) -> key + " = " + VALUES[rnd.nextInt(VALUES.length)]);
                }
                return flip(b, rnd);
            }
            case 1 -> { // change one digit or token inside a header value
                if (hasHeader) {
                    return replaceLine(b, headerEnd, rnd, (key, value) -> key + " = " + tweak(value, rnd));
                }
                return flip(b, rnd);
            }
            case 2 -> { // drop or duplicate a header line
                if (hasHeader) {
                    return replaceLine(b, headerEnd, rnd, (key, value) -> rnd.nextBoolean() ? ""
                            : key + " = " + value + "\n" + key + " = " + value);
                }
                return Arrays.copyOf(b, b.length + 1 + rnd.nextInt(9));
            }
            case 3 -> { // truncate anywhere
                return Arrays.copyOf(b, rnd.nextInt(b.length + 1));
            }
            case 4 -> { // grow with random bytes
                byte[] extra = new byte[1 + rnd.nextInt(64)];
                rnd.nextBytes(extra);
                byte[] r = Arrays.copyOf(b, b.length + extra.length);
                System.arraycopy(extra, 0, r, b.length, extra.length);
                return r;
            }
            default -> {
                return flip(b, rnd);
            }
        }
    }

    private static byte[] flip(byte[] b, Random rnd) {
        byte[] r = b.clone();
        int n = 1 + rnd.nextInt(8);
        for (int i = 0; i < n && r.length > 0; i++) {
            r[rnd.nextInt(r.length)] = (byte) rnd.nextInt(256);
        }
        return r;
    }

    private interface LineEdit {
        String apply(String key, String value);
    }

    private static byte[] replaceLine(byte[] b, int headerEnd, Random rnd, LineEdit edit) {
        String header = new String(b, 0, headerEnd, StandardCharsets.ISO_8859_1);
        String[] lines = header.split("\n");
        int i = rnd.nextInt(lines.length);
        int eq = lines[i].indexOf('=');
        String key = eq > 0 ? lines[i].substring(0, eq).strip() : lines[i];
        String value = eq > 0 ? lines[i].substring(eq + 1).strip() : "";
        lines[i] = edit.apply(key, value);
        StringBuilder s = new StringBuilder();
        for (String l : lines) {
            if (!l.isEmpty()) {
                s.append(l).append('\n');
            }
        }
        byte[] h = s.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] r = Arrays.copyOf(h, h.length + b.length - headerEnd);
        System.arraycopy(b, headerEnd, r, h.length, b.length - headerEnd);
        return r;
    }

    private static String tweak(String value, Random rnd) {
        if (value.isEmpty()) {
            return String.valueOf(rnd.nextInt(10));
        }
        char[] c = value.toCharArray();
        int at = rnd.nextInt(c.length);
        c[at] = "0123456789-.eE x9".charAt(rnd.nextInt(17));
        return new String(c);
    }

    private List<Seed> seeds() throws IOException {
        List<Seed> seeds = new ArrayList<>();
        Path src = Files.createDirectories(dir.resolve("seeds"));
        Object[][] layouts = {
            {VoxelType.INT16, "a.mha", true, ByteOrder.LITTLE_ENDIAN},
            {VoxelType.FLOAT32, "b.mha", false, ByteOrder.BIG_ENDIAN},
            {VoxelType.UINT8, "c.mhd", false, ByteOrder.LITTLE_ENDIAN},
            {VoxelType.FLOAT64, "d.mhd", true, ByteOrder.BIG_ENDIAN},
            {VoxelType.UINT32, "e.mhd", true, ByteOrder.LITTLE_ENDIAN},
        };
        for (Object[] l : layouts) {
            VoxelType t = (VoxelType) l[0];
            String name = (String) l[1];
            Volume v = TestVolumes.random(t, TestVolumes.obliqueGeometry(6, 5, 3), t.ordinal());
            new MetaImageWriter((Boolean) l[2], (ByteOrder) l[3], 1).write(v, src.resolve(name));
        }
        try (var files = Files.list(src)) {
            List<Path> all = files.sorted().toList();
            for (Path h : all) {
                String n = h.getFileName().toString();
                if (n.endsWith(".mha")) {
                    seeds.add(new Seed(n, List.of(n), List.of(Files.readAllBytes(h))));
                } else if (n.endsWith(".mhd")) {
                    String base = n.substring(0, n.length() - 4);
                    Path data = Files.exists(src.resolve(base + ".raw")) ? src.resolve(base + ".raw")
                            : src.resolve(base + ".zraw");
                    seeds.add(new Seed(n, List.of(n, data.getFileName().toString()),
                            List.of(Files.readAllBytes(h), Files.readAllBytes(data))));
                }
            }
        }
        assertThat(seeds).hasSize(5);
        // An ITK-written 2-D header with a 30-degree direction and a .zraw, where the shared data is present.
        Path itk = org.coreg.testing.SharedData.root();
        if (itk != null && Files.exists(itk.resolve("itk-2d-multimodal/BrainT1SliceBorder20DirectionPlus30.zraw"))) {
            Path folder = itk.resolve("itk-2d-multimodal");
            seeds.add(new Seed("BrainT1SliceBorder20DirectionPlus30.mhd",
                    List.of("BrainT1SliceBorder20DirectionPlus30.mhd", "BrainT1SliceBorder20DirectionPlus30.zraw"),
                    List.of(Files.readAllBytes(folder.resolve("BrainT1SliceBorder20DirectionPlus30.mhd")),
                            Files.readAllBytes(folder.resolve("BrainT1SliceBorder20DirectionPlus30.zraw")))));
        }
        return seeds;
    }
}
