package org.coreg.io.points;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code outputpoints.txt} written by {@code transformix -def}: one line per point with
 * {@code InputPoint = [ x y z ]} and {@code OutputPoint = [ x y z ]} (LPS mm, six decimals) among other fields.
 */
public final class TransformixOutputPoints {
    /** One line: the input point and where the transform mapped it (LPS mm). */
    public record Row(double[] input, double[] output) {
    }

    private static final Pattern FIELD = Pattern.compile("(\\w+)\\s*=\\s*\\[([^\\]]*)\\]");

    private TransformixOutputPoints() {
    }

    public static List<Row> read(Path file) throws PointFileException {
        List<String> lines = PointText.lines(file);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isBlank()) {
                continue;
            }
            double[] in = null;
            double[] out = null;
            Matcher m = FIELD.matcher(l);
            while (m.find()) {
                if (m.group(1).equals("InputPoint")) {
                    in = vector(m.group(2), file, i + 1, "InputPoint");
                } else if (m.group(1).equals("OutputPoint")) {
                    out = vector(m.group(2), file, i + 1, "OutputPoint");
                }
            }
            if (in == null || out == null) {
                throw PointFileException.badField(file, i + 1, "line", "'InputPoint = [ x y z ]' and "
                        + "'OutputPoint = [ x y z ]'", "'" + (l.length() > 60 ? l.substring(0, 57) + "..." : l) + "'");
            }
            rows.add(new Row(in, out));
        }
        return rows;
    }

    private static double[] vector(String text, Path file, int line, String field) throws PointFileException {
        String[] parts = text.strip().split("\\s+");
        if (parts.length != 3) {
            throw PointFileException.badField(file, line, field, "3 numbers", parts.length + " values");
        }
        double[] v = new double[3];
        for (int d = 0; d < 3; d++) {
            v[d] = PointText.number(parts[d], file, line, field);
        }
        return v;
    }
}
