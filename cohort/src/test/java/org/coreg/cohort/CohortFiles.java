package org.coreg.cohort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.coreg.image.AffineMap;
import org.coreg.io.ImageFormats;
import org.coreg.registration.Phantom;
import org.coreg.registration.PhantomRegistrationTest;

/** Small cohorts for the tests: MR-like fixed and CT-like moving phantoms (84x96x44) seen through known maps. */
final class CohortFiles {
    /** A pair written to disk with the fixed->moving map it was rendered through. */
    record Pair(String id, Path fixed, Path moving, AffineMap truth) {
    }

    private CohortFiles() {
    }

    /** {@code n} pairs in {@code dir}, each moved by its own rigid map (rotation up to 8 degrees, shift up to 9 mm). */
    static List<Pair> pairs(Path dir, int n) throws IOException {
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            AffineMap truth = Phantom.rigid(4 + i, -3 + i, 6 - 2 * i, new double[] {5 - i, -7 + 2 * i, 3 + i},
                    new double[3]);
            Path f = dir.resolve("case" + i + "-mr.nii.gz");
            Path m = dir.resolve("case" + i + "-ct.nii.gz");
            write(truth, 11 + 2L * i, f, m);
            pairs.add(new Pair("case" + i, f, m, truth));
        }
        return pairs;
    }

    /** Renders the pair (noise seeds {@code seed}, {@code seed + 1}). */
    static void write(AffineMap truth, long seed, Path fixed, Path moving) throws IOException {
        ImageFormats formats = ImageFormats.standard();
        formats.write(Phantom.render(PhantomRegistrationTest.fixedGrid(), Phantom.MR, AffineMap.identity(), 8, seed),
                fixed);
        formats.write(Phantom.render(PhantomRegistrationTest.movingGrid(), Phantom.CT, truth, 6, seed + 1), moving);
    }

    /** A manifest with columns id,fixed,moving (paths relative to the manifest's folder) and extra lines. */
    static Path manifest(Path file, List<Pair> pairs, String... extraLines) throws IOException {
        StringBuilder sb = new StringBuilder("id,fixed,moving\n");
        for (Pair p : pairs) {
            sb.append(p.id()).append(',').append(file.getParent().relativize(p.fixed())).append(',')
                    .append(file.getParent().relativize(p.moving())).append('\n');
        }
        for (String line : extraLines) {
            sb.append(line).append('\n');
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        return file;
    }

    /** results.csv as lines of fields (header first). */
    static List<List<String>> results(Path dir) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("results.csv"), StandardCharsets.UTF_8)) {
            rows.add(Csv.split(line));
        }
        return rows;
    }
}
