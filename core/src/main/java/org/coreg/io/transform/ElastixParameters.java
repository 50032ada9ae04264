package org.coreg.io.transform;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coreg.io.ImageIOException.Problem;

/**
 * The parameter syntax of elastix and transformix: one {@code (Key value value ...)} per line, strings in double
 * quotes, comments after {@code //}. Keys keep the order and line they were read at.
 */
final class ElastixParameters {
    /** One parameter: its values (quotes removed) and the 1-based line it was on. */
    record Entry(List<String> values, int line) {
    }

    private final Map<String, Entry> entries;
    private final Path file;

    private ElastixParameters(Map<String, Entry> entries, Path file) {
        this.entries = entries;
        this.file = file;
    }

    static ElastixParameters parse(List<String> lines, Path file) throws TransformFileException {
        Map<String, Entry> map = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = stripComment(lines.get(i)).strip();
            if (l.isEmpty()) {
                continue;
            }
            if (!l.startsWith("(") || !l.endsWith(")")) {
                throw TransformFileException.badField(file, i + 1, "line", "'(Key value ...)'",
                        "'" + TextLines.clip(l) + "'");
            }
            List<String> tokens = tokens(l.substring(1, l.length() - 1), file, i + 1);
            if (tokens.isEmpty()) {
                throw TransformFileException.badField(file, i + 1, "line", "a key", "'()'");
            }
            map.put(tokens.getFirst(), new Entry(List.copyOf(tokens.subList(1, tokens.size())), i + 1));
        }
        return new ElastixParameters(map, file);
    }

    private static String stripComment(String l) {
        boolean quoted = false;
        for (int i = 0; i < l.length() - 1; i++) {
            char c = l.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '/' && l.charAt(i + 1) == '/') {
                return l.substring(0, i);
            }
        }
        return l;
    }

    private static List<String> tokens(String s, Path file, int line) throws TransformFileException {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int end = s.indexOf('"', i + 1);
                if (end < 0) {
                    throw TransformFileException.badField(file, line, "string", "a closing double quote", "none");
                }
                out.add(s.substring(i + 1, end));
                i = end + 1;
            } else {
                int end = i;
                while (end < s.length() && !Character.isWhitespace(s.charAt(end))) {
                    end++;
                }
                out.add(s.substring(i, end));
                i = end;
            }
        }
        return out;
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    /** The values of a required key. */
    List<String> values(String key) throws TransformFileException {
        Entry e = entries.get(key);
        if (e == null) {
            throw new TransformFileException(file, 0, Problem.BAD_FIELD, "field " + key
                    + ": expected the parameter (" + key + " ...), found none");
        }
        return e.values();
    }

    int line(String key) {
        Entry e = entries.get(key);
        return e == null ? 0 : e.line();
    }

    /** The single string value of {@code key}, or {@code fallback} if absent. */
    String string(String key, String fallback) throws TransformFileException {
        if (!has(key)) {
            return fallback;
        }
        List<String> v = values(key);
        if (v.size() != 1) {
            throw TransformFileException.badField(file, line(key), key, "one value", v.size() + " values");
        }
        return v.getFirst();
    }

    /** Exactly {@code n} numbers ({@code n < 0}: any count). */
    double[] numbers(String key, int n) throws TransformFileException {
        List<String> v = values(key);
        if (n >= 0 && v.size() != n) {
            throw TransformFileException.badField(file, line(key), key, n + " values", v.size() + " values");
        }
        return Numbers.parse(String.join(" ", v), file, line(key), key);
    }

    /** Writes {@code (Key v1 v2 ...)} with strings quoted. */
    static String line(String key, Object... values) {
        StringBuilder sb = new StringBuilder("(").append(key);
        for (Object v : values) {
            sb.append(' ');
            if (v instanceof String s) {
                sb.append('"').append(s).append('"');
            } else if (v instanceof double[] arr) {
                sb.append(Numbers.join(arr));
            } else if (v instanceof Double d) {
                sb.append(Numbers.format(d));
            } else {
                sb.append(v);
            }
        }
        return sb.append(")\n").toString();
    }
}
