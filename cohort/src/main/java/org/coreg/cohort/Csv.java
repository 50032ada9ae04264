package org.coreg.cohort;

import java.util.ArrayList;
import java.util.List;

/** Comma-separated values as RFC 4180 writes them: fields in double quotes may hold commas, and "" is one quote. */
final class Csv {
    private Csv() {
    }

    /** The fields of one line; null when a quoted field is not closed on this line. */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(cur.toString().strip());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        fields.add(cur.toString().strip());
        return fields;
    }

    /** A field as written: quoted when it holds a comma, a quote or a line break. */
    static String field(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"").replace("\r", " ").replace("\n", " ") + '"';
    }
}
