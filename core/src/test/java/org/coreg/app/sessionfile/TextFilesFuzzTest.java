package org.coreg.app.sessionfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coreg.app.load.VolumeSource;
import org.coreg.app.render.FusionMode;
import org.coreg.app.render.FusionSettings;
import org.coreg.app.render.WindowLevel;
import org.coreg.app.session.RoiBox;
import org.coreg.app.session.TransformLibrary;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.io.ImageIOException;
import org.coreg.io.points.PointFiles;
import org.coreg.io.transform.ElastixTransformFile;
import org.coreg.io.transform.TransformFiles;
import org.coreg.points.PlanningPoint;
import org.coreg.points.PointList;
import org.coreg.points.Space;
import org.coreg.transform.BSplineTransform;
import org.coreg.transform.Direction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of the small text files: transforms (ITK linear and B-spline, elastix, 4x4 matrix), planning points
 * (Slicer markups JSON, .fcsv, CSV, elastix) and session files. Numbers are replaced by hostile ones (huge counts,
 * grid sizes, NaN, negative), lines dropped, duplicated or cut, bytes flipped, and JSON nested thousands deep. Every
 * case must read or end in the typed exception of its reader, naming the file, quickly and without allocating what
 * a field only claims. {@code -Dcoreg.fuzz.cases=N} sets the number of cases (default 3000).
 */
class TextFilesFuzzTest {
    private static final long SEED = 20261207L;
    private static final String[] HOSTILE = {"0", "-1", "1", "3", "2147483647", "-2147483648", "4294967296",
        "99999999999999999999", "1e308", "-1e308", "NaN", "inf", "-0", "1e-320", "65535", "100000000", "0x7f", ""};
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?(e-?\\d+)?");

    @TempDir
    Path dir;

    private record Seed(String name, byte[] bytes) {
    }

    @Test
    void everyMutatedTextFileReadsOrFailsTyped() throws Exception {
        int cases = Integer.getInteger("coreg.fuzz.cases", 3000);
        List<Seed> seeds = seeds();
        Random rnd = new Random(SEED);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long me = Thread.currentThread().threadId();
        int read = 0;
        int refused = 0;
        long slowest = 0;
        long mostAllocated = 0;
        for (int c = 0; c < cases; c++) {
            Seed seed = seeds.get(c % seeds.size());
            byte[] b = mutate(seed.bytes(), seed.name().endsWith("json"), rnd);
            Path f = dir.resolve("case-" + seed.name());
            Files.write(f, b);
            long t0 = System.nanoTime();
            long a0 = threads.getThreadAllocatedBytes(me);
            try {
                readAny(f);
                read++;
            } catch (ImageIOException | SessionFileException e) {
                assertThat(e.getMessage()).as("case %d (%s)", c, seed.name()).contains(f.getFileName().toString());
                refused++;
            } catch (Throwable t) {
                throw new AssertionError("case " + c + " (seed " + SEED + ", " + seed.name() + ") threw " + t
                        + "\n" + new String(b, 0, Math.min(b.length, 2000), StandardCharsets.UTF_8), t);
            }
            slowest = Math.max(slowest, System.nanoTime() - t0);
            mostAllocated = Math.max(mostAllocated, threads.getThreadAllocatedBytes(me) - a0);
        }
        System.out.printf("text-file fuzz: %d cases (seed %d): %d read, %d refused typed; slowest %.3f s, at most "
                + "%.1f MiB allocated by one case%n", cases, SEED, read, refused, slowest / 1e9, mostAllocated / 1048576.0);
        assertThat(read).isPositive();
        assertThat(refused).isPositive();
        assertThat(slowest / 1e9).as("slowest case, s").isLessThan(5);
        assertThat(mostAllocated).as("bytes allocated by one case").isLessThan(128L << 20);
    }

    @Test
    void bsplineGridSizesThatClaimMoreThanTheParametersAreRefusedWithTheTrueCount() throws Exception {
        for (String size : new String[] {"100000 100000 100000", "2147483647 2147483647 2147483647",
            "1431655765 4 4"}) {
            Path itk = Files.writeString(dir.resolve("grid.tfm"), "#Insight Transform File V1.0\n#Transform 0\n"
                    + "Transform: BSplineTransform_double_3_3\nParameters: 0 0 0\nFixedParameters: " + size
                    + " 0 0 0 1 1 1 1 0 0 0 1 0 0 0 1\n");
            Path elx = Files.writeString(dir.resolve("TransformParameters.grid.txt"), "(Transform \"BSplineTransform\")\n"
                    + "(NumberOfParameters 3)\n(TransformParameters 0 0 0)\n(GridSize " + size + ")\n"
                    + "(GridIndex 0 0 0)\n(GridSpacing 1 1 1)\n(GridOrigin 0 0 0)\n(GridDirection 1 0 0 0 1 0 0 0 1)\n"
                    + "(FixedImageDimension 3)\n(MovingImageDimension 3)\n(Size 10 10 10)\n(Index 0 0 0)\n"
                    + "(Spacing 1 1 1)\n(Origin 0 0 0)\n(Direction 1 0 0 0 1 0 0 0 1)\n"
                    + "(InitialTransformParametersFileName \"NoInitialTransform\")\n");
            for (Path f : new Path[] {itk, elx}) {
                ImageIOException e = org.assertj.core.api.Assertions.catchThrowableOfType(ImageIOException.class,
                        () -> TransformFiles.read(f));
                assertThat(e).as("%s with GridSize %s", f.getFileName(), size).isNotNull();
                assertThat(e.getMessage()).contains(f.getFileName().toString()).containsAnyOf("found 3 values", "grid size", "GridSize")
                        .doesNotContain("expected -");
            }
        }
    }

    private static void readAny(Path f) throws Exception {
        String n = f.getFileName().toString();
        if (n.endsWith(".session.json")) {
            SessionJson.read(f);
        } else if (n.contains("points")) {
            PointFiles.read(f, null);
        } else {
            TransformFiles.readRecord(f);
        }
    }

    private List<Seed> seeds() throws Exception {
        List<Seed> out = new ArrayList<>();
        AffineMap map = AffineMap.of(new double[] {1, 0.1, 0, -0.1, 1, 0, 0, 0, 1.1}, new double[] {3, -4, 5});
        ImageGeometry grid = ImageGeometry.axisAligned(new int[] {10, 12, 8}, new double[] {1, 1, 2},
                new double[] {-5, -6, -8});
        TransformFiles.writeFixedToMoving(map, dir.resolve("a.tfm"));
        TransformFiles.writeFixedToMoving(map, dir.resolve("m.txt"));
        ElastixTransformFile.writeFixedToMoving(map, grid, dir.resolve("TransformParameters.0.txt"));
        BSplineTransform bs = BSplineTransform.zero(grid, new double[] {5, 5, 5}, Direction.FIXED_TO_MOVING);
        TransformFiles.write(bs, dir.resolve("b.tfm"));
        ElastixTransformFile.write(bs, grid, dir.resolve("TransformParameters.1.txt"));
        PointList pts = PointList.of("pts", Space.FIXED, List.of(PlanningPoint.of("a", 1, 2, 3),
                PlanningPoint.of("b", -4.5, 6, 7e1)));
        for (String ext : new String[] {".mrk.json", ".fcsv", ".csv", ".pts"}) {
            PointFiles.write(pts, dir.resolve("points" + ext));
        }
        SessionDocument doc = new SessionDocument(new VolumeSource.ImageFile(dir.resolve("f.nii")),
                new VolumeSource.ImageFile(dir.resolve("m.nii")), map,
                List.of(new TransformLibrary.Entry("kept", map, "register", TransformLibrary.Entry.FIXED_TO_MOVING)),
                new RoiBox(new double[] {-1, -2, -3}, new double[] {4, 5, 6}), List.of(PlanningPoint.of("p", 1, 1, 1)),
                new double[] {0, 0, 0}, new WindowLevel(40, 400), new WindowLevel(500, 1000),
                new FusionSettings(FusionMode.BLEND, 0.5, 32, true));
        SessionJson.write(doc, dir.resolve("s.session.json"));
        for (String name : new String[] {"a.tfm", "m.txt", "TransformParameters.0.txt", "b.tfm",
            "TransformParameters.1.txt", "points.mrk.json", "points.fcsv", "points.csv", "points.pts",
            "s.session.json"}) {
            out.add(new Seed(name, Files.readAllBytes(dir.resolve(name))));
        }
        return out;
    }

    private static byte[] mutate(byte[] seed, boolean json, Random rnd) {
        String s = new String(seed, StandardCharsets.ISO_8859_1);
        int kind = rnd.nextInt(json ? 7 : 6);
        switch (kind) {
            case 0, 1 -> { // numbers that size arrays, count parameters or place points
                for (int k = 1 + rnd.nextInt(3); k > 0; k--) {
                    s = replaceNumber(s, HOSTILE[rnd.nextInt(HOSTILE.length)], rnd);
                }
            }
            case 2 -> { // drop or duplicate a line
                List<String> lines = new ArrayList<>(List.of(s.split("\n", -1)));
                int i = rnd.nextInt(lines.size());
                if (rnd.nextBoolean()) {
                    lines.remove(i);
                } else {
                    for (int k = rnd.nextInt(50); k >= 0; k--) {
                        lines.add(i, lines.get(i));
                    }
                }
                s = String.join("\n", lines);
            }
            case 3 -> s = s.substring(0, rnd.nextInt(s.length() + 1));
            case 4 -> {
                char[] a = s.toCharArray();
                for (int k = 1 + rnd.nextInt(6); k > 0 && a.length > 0; k--) {
                    a[rnd.nextInt(a.length)] = (char) rnd.nextInt(256);
                }
                s = new String(a);
            }
            case 5 -> { // a long run of numbers where a few belong
                int at = s.indexOf(' ', rnd.nextInt(Math.max(1, s.length())));
                if (at >= 0) {
                    s = s.substring(0, at) + " 1".repeat(20_000 + rnd.nextInt(20_000)) + s.substring(at);
                }
            }
            default -> { // JSON nested thousands deep
                int at = s.indexOf(':', rnd.nextInt(Math.max(1, s.length())));
                int depth = 1_000 + rnd.nextInt(100_000);
                if (at >= 0) {
                    s = s.substring(0, at + 1) + "[".repeat(depth) + "]".repeat(rnd.nextInt(depth + 1))
                            + s.substring(at + 1);
                }
            }
        }
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String replaceNumber(String s, String with, Random rnd) {
        Matcher m = NUMBER.matcher(s);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return s;
        }
        int[] span = spans.get(rnd.nextInt(spans.size()));
        return s.substring(0, span[0]) + with + s.substring(span[1]);
    }
}
