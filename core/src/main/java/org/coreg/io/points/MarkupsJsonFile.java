package org.coreg.io.points;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coreg.image.RasLps;
import org.coreg.io.ImageIOException.Problem;
import org.coreg.io.json.Json;
import org.coreg.io.json.JsonException;
import org.coreg.points.PlanningPoint;
import org.coreg.points.PointList;
import org.coreg.points.Space;

/**
 * 3D Slicer markups JSON ({@code .mrk.json}, schema v1.0.3): the control points of the first markup, in the
 * coordinate system the file names ({@code "coordinateSystem": "LPS"} or {@code "RAS"}; absent means LPS, as in the
 * schema). Positions are converted to LPS via {@link RasLps}. Coreg writes LPS.
 */
public final class MarkupsJsonFile {
    static final String SCHEMA = "https://raw.githubusercontent.com/slicer/slicer/master/Modules/Loadable/Markups/"
            + "Resources/Schema/markups-schema-v1.0.3.json#";

    private MarkupsJsonFile() {
    }

    public static PointList read(Path file) throws PointFileException {
        String text = PointText.read(file);
        Object root;
        try {
            root = Json.parse(text, file);
        } catch (JsonException e) {
            throw new PointFileException(file, e.line(), Problem.BAD_FIELD, e.detail());
        }
        if (!(root instanceof Map<?, ?> r) || !(r.get("markups") instanceof List<?> markups) || markups.isEmpty()
                || !(markups.getFirst() instanceof Map<?, ?> m)) {
            throw PointFileException.badField(file, 1, "markups", "an object with a non-empty \"markups\" list",
                    "none");
        }
        Object cs = m.containsKey("coordinateSystem") ? m.get("coordinateSystem") : "LPS";
        boolean ras;
        if ("LPS".equals(cs)) {
            ras = false;
        } else if ("RAS".equals(cs)) {
            ras = true;
        } else {
            throw PointFileException.badField(file, lineOf(text, "\"coordinateSystem\""), "coordinateSystem",
                    "\"LPS\" or \"RAS\"", "\"" + cs + "\"");
        }
        if (m.containsKey("coordinateUnits") && !"mm".equals(m.get("coordinateUnits"))) {
            throw new PointFileException(file, lineOf(text, "\"coordinateUnits\""), Problem.UNSUPPORTED,
                    "field coordinateUnits: expected \"mm\", found \"" + m.get("coordinateUnits") + "\"");
        }
        List<PlanningPoint> points = new ArrayList<>();
        Object cps = m.get("controlPoints");
        if (cps != null && !(cps instanceof List)) {
            throw PointFileException.badField(file, lineOf(text, "\"controlPoints\""), "controlPoints", "a list",
                    cps);
        }
        for (Object o : cps == null ? List.of() : (List<?>) cps) {
            int n = points.size() + 1;
            if (!(o instanceof Map<?, ?> cp) || !(cp.get("position") instanceof List<?> pos) || pos.size() != 3
                    || !(pos.get(0) instanceof Double) || !(pos.get(1) instanceof Double)
                    || !(pos.get(2) instanceof Double)) {
                throw PointFileException.badField(file, lineOfNth(text, "\"position\"", n), "controlPoints[" + n
                        + "].position", "3 numbers", o instanceof Map<?, ?> cp2 ? cp2.get("position") : o);
            }
            double[] p = {(Double) pos.get(0), (Double) pos.get(1), (Double) pos.get(2)};
            double[] lps = ras ? RasLps.rasToLps(p) : p;
            String label = cp.get("label") instanceof String s ? s : Integer.toString(n);
            String desc = cp.get("description") instanceof String s ? s : "";
            boolean locked = Boolean.TRUE.equals(cp.get("locked"));
            points.add(new PlanningPoint(label, lps, desc, locked));
        }
        String name = m.get("name") instanceof String s ? s : ElastixPointFile.baseName(file);
        return PointList.of(name, Space.UNKNOWN, points);
    }

    private static int lineOf(String text, String key) {
        return lineOfNth(text, key, 1);
    }

    private static int lineOfNth(String text, String key, int nth) {
        int at = -1;
        for (int i = 0; i < nth; i++) {
            int next = text.indexOf(key, at + 1);
            if (next < 0) {
                break;
            }
            at = next;
        }
        if (at < 0) {
            return 0;
        }
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    /** Writes a Slicer fiducial markup in LPS. */
    public static void write(PointList points, Path file) throws IOException {
        List<Object> cps = new ArrayList<>();
        int id = 1;
        for (PlanningPoint p : points.points()) {
            Map<String, Object> cp = new LinkedHashMap<>();
            cp.put("id", Integer.toString(id++));
            cp.put("label", p.label());
            cp.put("description", p.description());
            cp.put("associatedNodeID", "");
            double[] x = p.lps();
            cp.put("position", List.of(x[0], x[1], x[2]));
            cp.put("orientation", List.of(-1.0, -0.0, -0.0, -0.0, -1.0, -0.0, 0.0, 0.0, 1.0));
            cp.put("selected", true);
            cp.put("locked", p.locked());
            cp.put("visibility", true);
            cp.put("positionStatus", "defined");
            cps.add(cp);
        }
        Map<String, Object> markup = new LinkedHashMap<>();
        markup.put("type", "Fiducial");
        markup.put("coordinateSystem", "LPS");
        markup.put("coordinateUnits", "mm");
        markup.put("locked", false);
        markup.put("fixedNumberOfControlPoints", false);
        markup.put("labelFormat", "%N-%d");
        markup.put("lastUsedControlPointNumber", (double) points.size());
        markup.put("controlPoints", cps);
        markup.put("measurements", List.of());
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("@schema", SCHEMA);
        root.put("markups", List.of(markup));
        PointText.write(file, Json.write(root));
    }
}
