package org.coreg.io.json;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The project's JSON reader and writer (no dependency): objects (insertion-ordered maps), arrays (lists), strings,
 * numbers (double), booleans and null. Parse errors name the file and line. Writing pretty-prints with 4-space
 * indents (as Slicer does); numbers are written so that they read back to the same double.
 */
public final class Json {
    private final String s;
    private final Path file;
    private int pos;

    private Json(String s, Path file) {
        this.s = s;
        this.file = file;
    }

    /** Parses a whole document; {@code file} names it in error messages. */
    public static Object parse(String text, Path file) throws JsonException {
        Json p = new Json(text, file);
        p.skip();
        Object v = p.value(0);
        p.skip();
        if (p.pos < text.length()) {
            throw p.error("end of the document", "'" + text.charAt(p.pos) + "'");
        }
        return v;
    }

    /** The 1-based line of a character offset. */
    int lineAt(int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private JsonException error(String expected, String found) {
        return new JsonException(file, lineAt(pos), expected, found);
    }

    private void skip() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    private Object value(int depth) throws JsonException {
        if (depth > 64) {
            throw error("at most 64 nested levels", "deeper nesting");
        }
        if (pos >= s.length()) {
            throw error("a value", "the end of the file");
        }
        char c = s.charAt(pos);
        switch (c) {
            case '{' -> {
                pos++;
                Map<String, Object> m = new LinkedHashMap<>();
                skip();
                if (peek('}')) {
                    return m;
                }
                while (true) {
                    skip();
                    if (pos >= s.length() || s.charAt(pos) != '"') {
                        throw error("a quoted key", pos < s.length() ? "'" + s.charAt(pos) + "'" : "the end");
                    }
                    String k = string();
                    skip();
                    expect(':');
                    skip();
                    m.put(k, value(depth + 1));
                    skip();
                    if (peek('}')) {
                        return m;
                    }
                    expect(',');
                }
            }
            case '[' -> {
                pos++;
                List<Object> l = new ArrayList<>();
                skip();
                if (peek(']')) {
                    return l;
                }
                while (true) {
                    skip();
                    l.add(value(depth + 1));
                    skip();
                    if (peek(']')) {
                        return l;
                    }
                    expect(',');
                }
            }
            case '"' -> {
                return string();
            }
            default -> {
                if (s.startsWith("true", pos)) {
                    pos += 4;
                    return Boolean.TRUE;
                }
                if (s.startsWith("false", pos)) {
                    pos += 5;
                    return Boolean.FALSE;
                }
                if (s.startsWith("null", pos)) {
                    pos += 4;
                    return null;
                }
                int start = pos;
                while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
                    pos++;
                }
                try {
                    return Double.parseDouble(s.substring(start, pos));
                } catch (NumberFormatException e) {
                    pos = start;
                    throw error("a JSON value", "'" + s.substring(start, Math.min(s.length(), start + 12)) + "'");
                }
            }
        }
    }

    private boolean peek(char c) {
        if (pos < s.length() && s.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) throws JsonException {
        if (!peek(c)) {
            throw error("'" + c + "'", pos < s.length() ? "'" + s.charAt(pos) + "'" : "the end of the file");
        }
    }

    private String string() throws JsonException {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\\') {
                if (pos >= s.length()) {
                    break;
                }
                char e = s.charAt(pos++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        if (pos + 4 > s.length()) {
                            throw error("4 hex digits after \\u", "the end of the file");
                        }
                        try {
                            sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw error("4 hex digits after \\u", "'" + s.substring(pos, pos + 4) + "'");
                        }
                        pos += 4;
                    }
                    default -> sb.append(e);
                }
            } else {
                sb.append(c);
            }
        }
        throw error("a closing quote", "the end of the file");
    }

    /** Pretty-printed JSON of maps, lists, strings, numbers, booleans and null. */
    public static String write(Object v) {
        StringBuilder sb = new StringBuilder();
        write(v, sb, 0);
        return sb.append('\n').toString();
    }

    private static void write(Object v, StringBuilder sb, int indent) {
        if (v instanceof Map<?, ?> m) {
            sb.append("{\n");
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(" ".repeat(indent + 4)).append(quote(e.getKey().toString())).append(": ");
                write(e.getValue(), sb, indent + 4);
                sb.append(++i < m.size() ? ",\n" : "\n");
            }
            sb.append(" ".repeat(indent)).append('}');
        } else if (v instanceof List<?> l) {
            boolean flat = l.stream().noneMatch(x -> x instanceof Map || x instanceof List);
            if (flat) {
                sb.append('[');
                for (int i = 0; i < l.size(); i++) {
                    write(l.get(i), sb, indent);
                    sb.append(i + 1 < l.size() ? ", " : "");
                }
                sb.append(']');
                return;
            }
            sb.append("[\n");
            for (int i = 0; i < l.size(); i++) {
                sb.append(" ".repeat(indent + 4));
                write(l.get(i), sb, indent + 4);
                sb.append(i + 1 < l.size() ? ",\n" : "\n");
            }
            sb.append(" ".repeat(indent)).append(']');
        } else if (v instanceof String str) {
            sb.append(quote(str));
        } else if (v instanceof Double d) {
            sb.append(number(d));
        } else {
            sb.append(v);
        }
    }

    /** Integers without a fraction; other values in the shortest form that reads back to the same double. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v).replace("E", "e");
    }

    private static String quote(String str) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : str.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
