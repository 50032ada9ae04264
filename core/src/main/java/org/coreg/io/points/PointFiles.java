package org.coreg.io.points;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.coreg.image.ImageGeometry;
import org.coreg.io.ImageIOException.Problem;
import org.coreg.points.PlanningPoint;
import org.coreg.points.PointList;
import org.coreg.points.Space;

/**
 * Reads and writes point lists in the format the file name asks for: {@code .mrk.json} (Slicer markups),
 * {@code .fcsv} (Slicer fiducial CSV), {@code .csv} (Coreg CSV), {@code .txt} / {@code .pts} (elastix point file;
 * on reading, a transformix {@code outputpoints.txt} gives its output points).
 */
public final class PointFiles {
    private PointFiles() {
    }

    /**
     * Reads a point list (LPS mm).
     *
     * @param grid the fixed image grid, needed only for elastix {@code index} files; may be null
     */
    public static PointList read(Path file, ImageGeometry grid) throws PointFileException {
        String n = lowerName(file);
        if (n.endsWith(".mrk.json") || n.endsWith(".json")) {
            return MarkupsJsonFile.read(file);
        }
        if (n.endsWith(".fcsv")) {
            return FcsvFile.read(file);
        }
        if (n.endsWith(".csv")) {
            return CsvPointFile.read(file);
        }
        if (n.endsWith(".txt") || n.endsWith(".pts")) {
            if (PointText.read(file).contains("OutputPoint")) {
                List<PlanningPoint> pts = new ArrayList<>();
                for (TransformixOutputPoints.Row r : TransformixOutputPoints.read(file)) {
                    double[] o = r.output();
                    pts.add(PlanningPoint.of(Integer.toString(pts.size() + 1), o[0], o[1], o[2]));
                }
                return PointList.of(ElastixPointFile.baseName(file), Space.UNKNOWN, pts);
            }
            return ElastixPointFile.read(file, grid);
        }
        throw unknown(file);
    }

    /** Writes a point list in the format the file name asks for. */
    public static void write(PointList points, Path file) throws IOException {
        String n = lowerName(file);
        if (n.endsWith(".mrk.json") || n.endsWith(".json")) {
            MarkupsJsonFile.write(points, file);
        } else if (n.endsWith(".fcsv")) {
            FcsvFile.write(points, file);
        } else if (n.endsWith(".csv")) {
            CsvPointFile.write(points, file);
        } else if (n.endsWith(".txt") || n.endsWith(".pts")) {
            ElastixPointFile.write(points, file);
        } else {
            throw unknown(file);
        }
    }

    private static PointFileException unknown(Path file) {
        return new PointFileException(file, 0, Problem.UNSUPPORTED, "unknown point file extension; expected "
                + ".mrk.json, .fcsv, .csv, .txt or .pts");
    }

    private static String lowerName(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT);
    }
}
