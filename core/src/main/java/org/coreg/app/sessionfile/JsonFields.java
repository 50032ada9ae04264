package org.coreg.app.sessionfile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed access to a parsed session file's values, each failure naming the file and the field; numbers written as
 * {@code null} read back as NaN (JSON has no NaN). Used by the readers of the later session fields.
 */
final class JsonFields {
    private final Path file;

    JsonFields(Path file) {
        this.file = file;
    }

    SessionFileException bad(String field, String expected, Object found) {
        return SessionFileException.badField(file, field, expected, found == null ? "nothing"
                : found instanceof Map ? "an object" : found instanceof List ? "a list" : found.toString());
    }

    Map<?, ?> object(Object v, String field) throws SessionFileException {
        if (!(v instanceof Map<?, ?> m)) {
            throw bad(field, "an object", v);
        }
        return m;
    }

    List<?> list(Object v, String field) throws SessionFileException {
        if (!(v instanceof List<?> l)) {
            throw bad(field, "a list", v);
        }
        return l;
    }

    String string(Object v, String field) throws SessionFileException {
        if (!(v instanceof String s)) {
            throw bad(field, "a string", v);
        }
        return s;
    }

    /** A finite number, or NaN for {@code null}. */
    double numberOrNaN(Object v, String field) throws SessionFileException {
        if (v == null) {
            return Double.NaN;
        }
        if (!(v instanceof Double d) || !Double.isFinite(d)) {
            throw bad(field, "a finite number or null", v);
        }
        return d;
    }

    double number(Object v, String field) throws SessionFileException {
        double d = numberOrNaN(v, field);
        if (Double.isNaN(d)) {
            throw bad(field, "a finite number", v);
        }
        return d;
    }

    /** Three finite numbers (LPS mm). */
    double[] vector(Object v, String field) throws SessionFileException {
        List<?> l = list(v, field);
        if (l.size() != 3) {
            throw bad(field, "3 numbers", l.size() + " values");
        }
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            out[i] = number(l.get(i), field + "[" + i + "]");
        }
        return out;
    }

    /** {@code v} with every non-finite double replaced by null, so that the JSON stays valid. */
    static Object finite(Object v) {
        if (v instanceof Double d) {
            return Double.isFinite(d) ? d : null;
        }
        if (v instanceof Number n && !(v instanceof Double)) {
            return n.doubleValue();
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(k.toString(), finite(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(x -> out.add(finite(x)));
            return out;
        }
        return v;
    }

    static List<Object> list(double[] v) {
        List<Object> l = new ArrayList<>(v.length);
        for (double x : v) {
            l.add(x);
        }
        return l;
    }
}
