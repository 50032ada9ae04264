package org.coreg.app.sessionfile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.coreg.app.load.VolumeSource;
import org.coreg.app.render.FusionMode;
import org.coreg.app.render.FusionSettings;
import org.coreg.app.render.WindowLevel;
import org.coreg.app.session.RoiBox;
import org.coreg.app.session.TransformLibrary;
import org.coreg.image.AffineMap;
import org.coreg.io.dicom.DicomReadOptions;
import org.coreg.points.PlanningPoint;

/** Turns a parsed session document into a {@link SessionDocument}, naming the field of anything wrong. */
final class SessionReader {
    private final Path file;
    private final Path dir;

    SessionReader(Path file) {
        this.file = file;
        this.dir = file.toAbsolutePath().getParent();
    }

    SessionDocument document(Object parsed) throws SessionFileException {
        Map<?, ?> root = object(parsed, "(document)");
        Object format = root.get("format");
        if (!SessionJson.FORMAT.equals(format)) {
            throw bad("format", "\"" + SessionJson.FORMAT + "\"", show(format));
        }
        double version = number(root.get("version"), "version");
        if (version != SessionJson.VERSION) {
            throw bad("version", Integer.toString(SessionJson.VERSION), show(root.get("version")));
        }
        VolumeSource fixed = volume(root.get("fixed"), "fixed");
        VolumeSource moving = volume(root.get("moving"), "moving");
        AffineMap transform = matrix(root.get("transform"), "transform");
        List<TransformLibrary.Entry> kept = new ArrayList<>();
        Map<String, Path> keptDeformations = new java.util.HashMap<>();
        List<?> keptList = list(root.get("keptTransforms"), "keptTransforms");
        for (int i = 0; i < keptList.size(); i++) {
            String f = "keptTransforms[" + i + "]";
            Map<?, ?> m = object(keptList.get(i), f);
            // appliesTo came after version 1's first files: absent means the session's fixed -> moving
            String appliesTo = m.get("appliesTo") == null ? TransformLibrary.Entry.FIXED_TO_MOVING
                    : string(m.get("appliesTo"), f + ".appliesTo");
            kept.add(new TransformLibrary.Entry(string(m.get("name"), f + ".name"), matrix(m, f),
                    string(m.get("origin"), f + ".origin"), appliesTo));
            if (m.get("deformation") != null) { // a B-spline result's whole map, read with the volumes
                Map<?, ?> d = object(m.get("deformation"), f + ".deformation");
                if (!SessionJson.DIRECTION.equals(d.get("direction"))) {
                    throw bad(f + ".deformation.direction", "\"" + SessionJson.DIRECTION + "\"",
                            show(d.get("direction")));
                }
                keptDeformations.put(kept.getLast().name(), path(d.get("path"), f + ".deformation.path"));
            }
        }
        RoiBox roi = null;
        if (root.get("cropBox") != null) {
            Map<?, ?> box = object(root.get("cropBox"), "cropBox");
            double[] min = vector(box.get("min"), "cropBox.min");
            double[] max = vector(box.get("max"), "cropBox.max");
            try {
                roi = new RoiBox(min, max);
            } catch (IllegalArgumentException e) {
                throw bad("cropBox", "min <= max on every axis", e.getMessage());
            }
        }
        List<PlanningPoint> points = new ArrayList<>();
        List<?> pts = list(root.get("points"), "points");
        for (int i = 0; i < pts.size(); i++) {
            String f = "points[" + i + "]";
            Map<?, ?> m = object(pts.get(i), f);
            Object locked = m.get("locked");
            if (!(locked instanceof Boolean b)) {
                throw bad(f + ".locked", "true or false", show(locked));
            }
            points.add(new PlanningPoint(string(m.get("label"), f + ".label"),
                    vector(m.get("lps"), f + ".lps"), string(m.get("description"), f + ".description"), b));
        }
        Map<?, ?> view = object(root.get("view"), "view");
        double[] cursor = vector(view.get("cursor"), "view.cursor");
        WindowLevel fw = window(view.get("fixedWindow"), "view.fixedWindow");
        WindowLevel mw = window(view.get("movingWindow"), "view.movingWindow");
        Map<?, ?> fu = object(view.get("fusion"), "view.fusion");
        String modeText = string(fu.get("mode"), "view.fusion.mode");
        FusionMode mode;
        try {
            mode = FusionMode.valueOf(modeText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad("view.fusion.mode", "blend, checkerboard, colour or difference", show(modeText));
        }
        double opacity = number(fu.get("opacity"), "view.fusion.opacity");
        double tile = number(fu.get("tilePixels"), "view.fusion.tilePixels");
        if (!(fu.get("movingVisible") instanceof Boolean visible)) {
            throw bad("view.fusion.movingVisible", "true or false", show(fu.get("movingVisible")));
        }
        FusionSettings fusion;
        try {
            fusion = new FusionSettings(mode, opacity, (int) tile, visible);
        } catch (IllegalArgumentException e) {
            throw bad("view.fusion", "opacity in [0, 1] and a positive tile size", e.getMessage());
        }
        // landmarks and quality came after version 1's first files: absent means none
        JsonFields fields = new JsonFields(file);
        return new SessionDocument(fixed, moving, transform, kept, roi, points, cursor, fw, mw, fusion,
                LandmarkPairsJson.read(root.get("landmarks"), fields), QualityReportJson.read(root.get("quality"),
                fields), deformation(root.get("deformation")), keptDeformations);
    }

    /** The B-spline result's file; absent (files from before it) or null means none. */
    private SessionDeformation deformation(Object v) throws SessionFileException {
        if (v == null) {
            return null;
        }
        Map<?, ?> m = object(v, "deformation");
        if (!SessionJson.DIRECTION.equals(m.get("direction"))) {
            throw bad("deformation.direction", "\"" + SessionJson.DIRECTION + "\"", show(m.get("direction")));
        }
        if (!(m.get("jacobianMap") instanceof Boolean map)) {
            throw bad("deformation.jacobianMap", "true or false", show(m.get("jacobianMap")));
        }
        return new SessionDeformation(path(m.get("path"), "deformation.path"), map);
    }

    private VolumeSource volume(Object v, String field) throws SessionFileException {
        Map<?, ?> m = object(v, field);
        VolumeSource source;
        if (m.get("dicomFolder") != null) {
            double images = number(m.get("images"), field + ".images");
            if (!(m.get("resampleUneven") instanceof Boolean resample)) {
                throw bad(field + ".resampleUneven", "true or false", show(m.get("resampleUneven")));
            }
            if (!(m.get("correctTilt") instanceof Boolean tilt)) {
                throw bad(field + ".correctTilt", "true or false", show(m.get("correctTilt")));
            }
            source = new VolumeSource.DicomSeriesSource(path(m.get("dicomFolder"), field + ".dicomFolder"),
                    string(m.get("seriesUid"), field + ".seriesUid"),
                    string(m.get("seriesDescription"), field + ".seriesDescription"), (int) images,
                    new DicomReadOptions(resample, tilt));
        } else if (m.get("path") == null) {
            return null;
        } else {
            source = new VolumeSource.ImageFile(path(m.get("path"), field + ".path"));
        }
        if (m.get("hardenedBy") != null) {
            List<?> steps = list(m.get("hardenedBy"), field + ".hardenedBy");
            for (int i = 0; i < steps.size(); i++) {
                String f = field + ".hardenedBy[" + i + "]";
                Map<?, ?> step = object(steps.get(i), f);
                source = new VolumeSource.Hardened(source, string(step.get("name"), f + ".name"), matrix(step, f));
            }
        }
        return source;
    }

    private Path path(Object p, String field) throws SessionFileException {
        if (!(p instanceof String s) || s.isBlank()) {
            throw bad(field, "a path relative to the session file", show(p));
        }
        try {
            return dir.resolve(s).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw bad(field, "a file path", show(s));
        }
    }

    private AffineMap matrix(Object v, String field) throws SessionFileException {
        Map<?, ?> m = object(v, field);
        if (!SessionJson.DIRECTION.equals(m.get("direction"))) {
            throw bad(field + ".direction", "\"" + SessionJson.DIRECTION + "\"", show(m.get("direction")));
        }
        double[] a = numbers(m.get("matrix"), field + ".matrix", 12);
        AffineMap map = AffineMap.ofRowMajor3x4(a);
        if (!Double.isFinite(map.determinant()) || Math.abs(map.determinant()) < 1e-12) {
            throw bad(field + ".matrix", "an invertible 3x4 matrix", "determinant " + map.determinant());
        }
        return map;
    }

    private WindowLevel window(Object v, String field) throws SessionFileException {
        Map<?, ?> m = object(v, field);
        double level = number(m.get("level"), field + ".level");
        double width = number(m.get("width"), field + ".width");
        try {
            return new WindowLevel(level, width);
        } catch (IllegalArgumentException e) {
            throw bad(field + ".width", "a positive width", show(m.get("width")));
        }
    }

    private double[] vector(Object v, String field) throws SessionFileException {
        return numbers(v, field, 3);
    }

    private double[] numbers(Object v, String field, int n) throws SessionFileException {
        List<?> l = list(v, field);
        if (l.size() != n) {
            throw bad(field, n + " numbers", l.size() + " values");
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = number(l.get(i), field + "[" + i + "]");
        }
        return out;
    }

    private double number(Object v, String field) throws SessionFileException {
        if (!(v instanceof Double d) || !Double.isFinite(d)) {
            throw bad(field, "a finite number", show(v));
        }
        return d;
    }

    private String string(Object v, String field) throws SessionFileException {
        if (!(v instanceof String s)) {
            throw bad(field, "a string", show(v));
        }
        return s;
    }

    private List<?> list(Object v, String field) throws SessionFileException {
        if (!(v instanceof List<?> l)) {
            throw bad(field, "a list", show(v));
        }
        return l;
    }

    private Map<?, ?> object(Object v, String field) throws SessionFileException {
        if (!(v instanceof Map<?, ?> m)) {
            throw bad(field, "an object", show(v));
        }
        return m;
    }

    private SessionFileException bad(String field, String expected, String found) {
        return SessionFileException.badField(file, field, expected, found);
    }

    private static String show(Object v) {
        if (v == null) {
            return "nothing";
        }
        if (v instanceof String s) {
            return "\"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
        }
        if (v instanceof Map) {
            return "an object";
        }
        if (v instanceof List) {
            return "a list";
        }
        return v.toString();
    }
}
