package org.coreg.app.sessionfile;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.coreg.app.load.VolumeSource;
import org.coreg.app.render.WindowLevel;
import org.coreg.app.session.TransformLibrary;
import org.coreg.image.AffineMap;
import org.coreg.io.AtomicOutput;
import org.coreg.io.json.Json;
import org.coreg.io.json.JsonException;
import org.coreg.points.PlanningPoint;

/**
 * Reads and writes session files: readable JSON, volumes by path relative to the session file's folder, transforms
 * as embedded 3x4 row-major matrices mapping fixed LPS mm to moving LPS mm (field {@code "direction"} says so),
 * crop box, points and view state in fixed LPS mm, landmark pairs (each point in its image's LPS mm), the last
 * registration's quality report, and the transform file holding a B-spline result ({@link DeformationFile}) by path
 * with its direction. Writes are atomic.
 */
public final class SessionJson {
    static final String FORMAT = "coreg-session";
    static final int VERSION = 1;
    static final String DIRECTION = "fixed->moving";

    private SessionJson() {
    }

    /** Writes {@code doc} to {@code file} atomically (a temporary file moved into place). */
    public static void write(SessionDocument doc, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("version", (double) VERSION);
        root.put("coordinates", "LPS millimetres of the fixed image; transforms map fixed -> moving (ITK convention)");
        root.put("fixed", volume(doc.fixed(), dir));
        root.put("moving", volume(doc.moving(), dir));
        root.put("transform", matrix(doc.fixedToMoving()));
        List<Object> kept = new ArrayList<>();
        for (TransformLibrary.Entry e : doc.kept()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", e.name());
            m.put("origin", e.origin());
            m.put("appliesTo", e.appliesTo());
            m.putAll(matrix(e.fixedToMoving()));
            Path whole = doc.keptDeformations().get(e.name());
            if (whole != null) { // a B-spline result: the matrix is its affine part, the file holds the whole map
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("path", relative(whole, dir));
                d.put("direction", DIRECTION);
                m.put("deformation", d);
            }
            kept.add(m);
        }
        root.put("keptTransforms", kept);
        if (doc.roi() == null) {
            root.put("cropBox", null);
        } else {
            Map<String, Object> box = new LinkedHashMap<>();
            box.put("min", list(doc.roi().min()));
            box.put("max", list(doc.roi().max()));
            root.put("cropBox", box);
        }
        List<Object> points = new ArrayList<>();
        for (PlanningPoint p : doc.points()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", p.label());
            m.put("description", p.description());
            m.put("locked", p.locked());
            m.put("lps", list(p.lps()));
            points.add(m);
        }
        root.put("points", points);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("cursor", list(doc.cursor()));
        view.put("fixedWindow", window(doc.fixedWindow()));
        view.put("movingWindow", window(doc.movingWindow()));
        Map<String, Object> fusion = new LinkedHashMap<>();
        fusion.put("mode", doc.fusion().mode().name().toLowerCase(Locale.ROOT));
        fusion.put("opacity", doc.fusion().opacity());
        fusion.put("tilePixels", (double) doc.fusion().tilePixels());
        fusion.put("movingVisible", doc.fusion().movingVisible());
        view.put("fusion", fusion);
        root.put("view", view);
        root.put("landmarks", LandmarkPairsJson.write(doc.landmarks()));
        root.put("quality", QualityReportJson.write(doc.verdict()));
        if (doc.deformation() == null) {
            root.put("deformation", null);
        } else {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("path", relative(doc.deformation().file(), dir));
            d.put("direction", DIRECTION);
            d.put("contents", "affine part (the transform above), then B-spline; ITK transform file, LPS mm");
            d.put("jacobianMap", doc.deformation().jacobianMap());
            root.put("deformation", d);
        }
        try (AtomicOutput out = new AtomicOutput()) {
            try (OutputStream s = out.open(file)) {
                s.write(Json.write(root).getBytes(StandardCharsets.UTF_8));
            }
            out.commit();
        }
    }

    private static Map<String, Object> volume(VolumeSource source, Path dir) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Object> hardenings = new ArrayList<>();
        VolumeSource s = source;
        while (s instanceof VolumeSource.Hardened h) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("name", h.name());
            step.putAll(matrix(h.fixedToMoving()));
            hardenings.addFirst(step); // applied innermost first
            s = h.base();
        }
        switch (s) {
            case null -> m.put("path", null);
            case VolumeSource.ImageFile f -> m.put("path", relative(f.path(), dir));
            case VolumeSource.DicomSeriesSource d -> {
                m.put("dicomFolder", relative(d.folder(), dir));
                m.put("seriesUid", d.seriesUid());
                m.put("seriesDescription", d.description());
                m.put("images", (double) d.images());
                m.put("resampleUneven", d.options().resampleUneven());
                m.put("correctTilt", d.options().correctTilt());
            }
            case VolumeSource.Hardened h -> throw new AssertionError(h);
        }
        if (!hardenings.isEmpty()) {
            m.put("hardenedBy", hardenings);
        }
        return m;
    }

    private static String relative(Path p, Path dir) {
        Path abs = p.toAbsolutePath().normalize();
        try {
            return dir.relativize(abs).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return abs.toString(); // another root (drive): only an absolute path can name it
        }
    }

    private static Map<String, Object> matrix(AffineMap a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("direction", DIRECTION);
        m.put("matrix", list(a.rowMajor3x4()));
        return m;
    }

    private static Map<String, Object> window(WindowLevel w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("level", w.level());
        m.put("width", w.width());
        return m;
    }

    private static List<Object> list(double[] v) {
        List<Object> l = new ArrayList<>(v.length);
        for (double x : v) {
            l.add(x);
        }
        return l;
    }

    /** The largest session file read (sessions hold a few transforms and points: kilobytes). */
    static final long MAX_SESSION_BYTES = 64L << 20;

    /** Reads a session file; volume paths come back absolute (resolved against the file's folder). */
    public static SessionDocument read(Path file) throws SessionFileException {
        String text;
        try {
            if (Files.exists(file) && !Files.isRegularFile(file) || Files.size(file) > MAX_SESSION_BYTES) {
                // A folder, pipe or device would fail oddly, block or never end; sessions are a few kilobytes.
                throw new SessionFileException(file, "expected a session file of at most " + (MAX_SESSION_BYTES >> 20)
                        + " MiB, found a folder, device, pipe or larger file", null);
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SessionFileException(file, "cannot read the session file (" + e.getMessage() + ")", e);
        }
        Object parsed;
        try {
            parsed = Json.parse(text, file);
        } catch (JsonException e) {
            throw new SessionFileException(file, "line " + e.line() + ": " + e.detail(), e);
        }
        return new SessionReader(file).document(parsed);
    }
}
