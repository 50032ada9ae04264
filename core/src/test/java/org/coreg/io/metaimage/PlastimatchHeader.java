package org.coreg.io.metaimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.coreg.image.ImageGeometry;
import org.coreg.testing.ExternalTool;

/**
 * What {@code plastimatch header FILE} reports (ITK's reading of the file): size, spacing, origin and direction
 * (row-major, LPS), printed with 4 decimals, and the pixel type name.
 */
record PlastimatchHeader(String type, int[] size, double[] spacing, double[] origin, double[] direction) {
    /** Printed with 4 decimals: half a unit in the last place, plus float noise. */
    static final double PRINT_TOLERANCE = 0.5e-4 + 1e-9;

    static PlastimatchHeader of(Path plastimatch, Path file) throws Exception {
        String out = ExternalTool.runOk(file.toAbsolutePath().getParent(), 120, plastimatch.toString(), "header",
                file.toAbsolutePath().toString());
        Map<String, String> m = new HashMap<>();
        for (String line : out.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                m.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        assertThat(m).as("plastimatch header output:\n" + out).containsKeys("Type", "Size", "Spacing", "Origin",
                "Direction");
        double[] size = numbers(m.get("Size"));
        return new PlastimatchHeader(m.get("Type"), Arrays.stream(size).mapToInt(d -> (int) d).toArray(),
                numbers(m.get("Spacing")), numbers(m.get("Origin")), numbers(m.get("Direction")));
    }

    private static double[] numbers(String s) {
        return Arrays.stream(s.strip().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    }

    /** Asserts that Coreg's geometry is the one ITK (through plastimatch) reports, to the printed precision. */
    void assertAgrees(ImageGeometry g) {
        assertThat(g.size()).as("size vs plastimatch").containsExactly(size);
        assertThat(g.spacing()).as("spacing vs plastimatch").containsExactly(spacing, within(PRINT_TOLERANCE));
        assertThat(g.origin()).as("origin vs plastimatch").containsExactly(origin, within(PRINT_TOLERANCE));
        assertThat(g.direction()).as("direction (row-major) vs plastimatch")
                .containsExactly(direction, within(PRINT_TOLERANCE));
    }
}
