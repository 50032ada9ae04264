package org.coreg.io.points;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.coreg.image.ImageGeometry;
import org.coreg.io.ImageIOException.Problem;
import org.coreg.points.PlanningPoint;
import org.coreg.points.PointList;
import org.coreg.points.Space;

/**
 * elastix / transformix input point files: a first line {@code point} (LPS mm) or {@code index} (continuous voxel
 * indices of the fixed image), a second line with the count, then one point per line. Labels are not stored; read
 * points are labelled 1, 2, ...
 */
public final class ElastixPointFile {
    private ElastixPointFile() {
    }

    /** Writes the points in the {@code point} form (LPS mm), as {@code transformix -def} reads them. */
    public static void write(PointList points, Path file) throws IOException {
        StringBuilder sb = new StringBuilder("point\n").append(points.size()).append('\n');
        for (PlanningPoint p : points.points()) {
            double[] x = p.lps();
            sb.append(PointText.format(x[0])).append(' ').append(PointText.format(x[1])).append(' ')
                    .append(PointText.format(x[2])).append('\n');
        }
        PointText.write(file, sb.toString());
    }

    /** Writes the points in the {@code index} form: continuous voxel indices of {@code grid}. */
    public static void writeIndices(PointList points, ImageGeometry grid, Path file) throws IOException {
        StringBuilder sb = new StringBuilder("index\n").append(points.size()).append('\n');
        for (PlanningPoint p : points.points()) {
            double[] i = grid.worldToIndex(p.lps());
            sb.append(PointText.format(i[0])).append(' ').append(PointText.format(i[1])).append(' ')
                    .append(PointText.format(i[2])).append('\n');
        }
        PointText.write(file, sb.toString());
    }

    /**
     * Reads a point file; the {@code index} form needs {@code grid} (the fixed image's) to place indices in LPS mm.
     *
     * @param grid may be null for the {@code point} form
     */
    public static PointList read(Path file, ImageGeometry grid) throws PointFileException {
        List<String> lines = PointText.lines(file).stream().map(String::strip).toList();
        int i = 0;
        while (i < lines.size() && lines.get(i).isEmpty()) {
            i++;
        }
        String form = i < lines.size() ? lines.get(i) : "";
        boolean index = form.equalsIgnoreCase("index");
        if (!index && !form.equalsIgnoreCase("point")) {
            throw PointFileException.badField(file, i + 1, "form", "'point' or 'index' on the first line",
                    "'" + form + "'");
        }
        if (index && grid == null) {
            throw new PointFileException(file, i + 1, Problem.UNSUPPORTED, "field form: an 'index' point file needs "
                    + "the fixed image grid to place its points in LPS mm (give --reference)");
        }
        int countLine = i + 2;
        String countText = i + 1 < lines.size() ? lines.get(i + 1) : "";
        int count;
        try {
            count = Integer.parseInt(countText);
        } catch (NumberFormatException e) {
            throw PointFileException.badField(file, countLine, "count", "a whole number of points",
                    "'" + countText + "'");
        }
        List<PlanningPoint> points = new ArrayList<>();
        for (int k = i + 2; k < lines.size(); k++) {
            String l = lines.get(k);
            if (l.isEmpty()) {
                continue;
            }
            String[] parts = l.split("\\s+");
            if (parts.length != 3) {
                throw PointFileException.badField(file, k + 1, "point " + (points.size() + 1), "3 numbers",
                        parts.length + " values");
            }
            double[] v = new double[3];
            for (int d = 0; d < 3; d++) {
                v[d] = PointText.number(parts[d], file, k + 1, "point " + (points.size() + 1));
            }
            double[] lps = index ? grid.indexToWorld(v[0], v[1], v[2]) : v;
            points.add(PlanningPoint.of(Integer.toString(points.size() + 1), lps[0], lps[1], lps[2]));
        }
        if (points.size() != count) {
            throw PointFileException.badField(file, countLine, "count", count + " points as stated",
                    points.size() + " points");
        }
        return PointList.of(baseName(file), Space.UNKNOWN, points);
    }

    static String baseName(Path file) {
        String n = file.getFileName().toString();
        int dot = n.indexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
