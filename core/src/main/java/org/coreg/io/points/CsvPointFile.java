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
 * Plain CSV points with the coordinate system named in the header:
 * {@code label,x_lps_mm,y_lps_mm,z_lps_mm,description,locked} (or {@code x_ras_mm ...} for RAS). Fields may be
 * quoted (RFC 4180). Coreg writes LPS.
 */
public final class CsvPointFile {
    /** The header Coreg writes. */
    public static final String HEADER = "label,x_lps_mm,y_lps_mm,z_lps_mm,description,locked";

    private CsvPointFile() {
    }

    public static PointList read(Path file) throws PointFileException {
        List<String> lines = PointText.lines(file);
        int h = 0;
        while (h < lines.size() && lines.get(h).isBlank()) {
            h++;
        }
        List<String> header = h < lines.size() ? CsvFields.split(lines.get(h).strip()) : List.of();
        String x = header.size() > 1 ? header.get(1).strip().toLowerCase(Locale.ROOT) : "";
        boolean ras;
        if (x.equals("x_lps_mm") || x.equals("l")) {
            ras = false;
        } else if (x.equals("x_ras_mm") || x.equals("r")) {
            ras = true;
        } else {
            throw PointFileException.badField(file, h + 1, "header", "'" + HEADER + "' (or x_ras_mm, ... for RAS)",
                    "'" + (h < lines.size() ? lines.get(h).strip() : "") + "' (unknown coordinate system)");
        }
        List<PlanningPoint> points = new ArrayList<>();
        for (int i = h + 1; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty()) {
                continue;
            }
            List<String> f = CsvFields.split(l);
            if (f.size() < 4) {
                throw PointFileException.badField(file, i + 1, "point", "label,x,y,z (at least 4 columns)",
                        f.size() + " columns");
            }
            double[] p = new double[3];
            for (int d = 0; d < 3; d++) {
                p[d] = PointText.number(f.get(1 + d), file, i + 1, header.size() > 1 + d ? header.get(1 + d) : "xyz");
            }
            String desc = f.size() > 4 ? f.get(4) : "";
            boolean locked = f.size() > 5 && f.get(5).strip().equalsIgnoreCase("true");
            points.add(new PlanningPoint(f.getFirst(), ras ? RasLps.rasToLps(p) : p, desc, locked));
        }
        return PointList.of(ElastixPointFile.baseName(file), Space.UNKNOWN, points);
    }

    public static void write(PointList points, Path file) throws IOException {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (PlanningPoint p : points.points()) {
            double[] x = p.lps();
            sb.append(quote(p.label())).append(',').append(PointText.format(x[0])).append(',')
                    .append(PointText.format(x[1])).append(',').append(PointText.format(x[2])).append(',')
                    .append(quote(p.description())).append(',').append(p.locked()).append('\n');
        }
        PointText.write(file, sb.toString());
    }

    static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
