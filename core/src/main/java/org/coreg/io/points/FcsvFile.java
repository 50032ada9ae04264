package org.coreg.io.points;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.coreg.image.RasLps;
import org.coreg.io.CsvFields;
import org.coreg.points.PlanningPoint;
import org.coreg.points.PointList;
import org.coreg.points.Space;

/**
 * 3D Slicer's fiducial CSV ({@code .fcsv}): comment header lines, then
 * {@code id,x,y,z,ow,ox,oy,oz,vis,sel,lock,label,desc,associatedNodeID}. The coordinate system is RAS unless a
 * {@code # CoordinateSystem = LPS} header (or its old numeric form, 0 = RAS, 1 = LPS) says otherwise. Coreg writes
 * RAS, the form every Slicer version reads; conversion only via {@link RasLps}.
 */
public final class FcsvFile {
    private FcsvFile() {
    }

    public static PointList read(Path file) throws PointFileException {
        List<String> lines = PointText.lines(file);
        boolean ras = true;
        List<PlanningPoint> points = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty()) {
                continue;
            }
            if (l.startsWith("#")) {
                String h = l.substring(1).strip();
                if (h.toLowerCase(Locale.ROOT).startsWith("coordinatesystem")) {
                    String v = h.substring(h.indexOf('=') + 1).strip().toUpperCase(Locale.ROOT);
                    ras = switch (v) {
                        case "RAS", "0" -> true;
                        case "LPS", "1" -> false;
                        default -> throw PointFileException.badField(file, i + 1, "CoordinateSystem",
                                "RAS or LPS (or 0 / 1)", "'" + v + "'");
                    };
                }
                continue;
            }
            List<String> f = CsvFields.split(l);
            if (f.size() < 4) {
                throw PointFileException.badField(file, i + 1, "point", "id,x,y,z,... (at least 4 columns)",
                        f.size() + " columns");
            }
            double[] p = new double[3];
            for (int d = 0; d < 3; d++) {
                p[d] = PointText.number(f.get(1 + d), file, i + 1, "xyz".charAt(d) + "");
            }
            String label = f.size() > 11 ? f.get(11) : f.getFirst();
            String desc = f.size() > 12 ? f.get(12) : "";
            boolean locked = f.size() > 10 && f.get(10).strip().equals("1");
            points.add(new PlanningPoint(label, ras ? RasLps.rasToLps(p) : p, desc, locked));
        }
        return PointList.of(ElastixPointFile.baseName(file), Space.UNKNOWN, points);
    }

    public static void write(PointList points, Path file) throws IOException {
        StringBuilder sb = new StringBuilder("# Markups fiducial file version = 4.11\n# CoordinateSystem = RAS\n"
                + "# columns = id,x,y,z,ow,ox,oy,oz,vis,sel,lock,label,desc,associatedNodeID\n");
        int id = 0;
        for (PlanningPoint p : points.points()) {
            double[] r = RasLps.lpsToRas(p.lps());
            sb.append("vtkMRMLMarkupsFiducialNode_").append(id++).append(',').append(PointText.format(r[0]))
                    .append(',').append(PointText.format(r[1])).append(',').append(PointText.format(r[2]))
                    .append(",0,0,0,1,1,1,").append(p.locked() ? 1 : 0).append(',')
                    .append(CsvPointFile.quote(p.label())).append(',').append(CsvPointFile.quote(p.description()))
                    .append(",\n");
        }
        PointText.write(file, sb.toString());
    }
}
