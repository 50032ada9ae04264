package org.coreg.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of comma-separated values as RFC 4180 writes them: fields in double quotes may hold commas, and
 * {@code ""} inside them is one quote. Fields come back as written, blanks kept.
 */
public final class CsvFields {
    private CsvFields() {
    }

    /** The fields of {@code line}; a quoted field left open runs to the end of the line. */
    public static List<String> split(String line) {
        return split(line, false);
    }

    /** The fields of {@code line}, or null when a quoted field is not closed on this line. */
    public static List<String> splitClosed(String line) {
        return split(line, true);
    }

    private static List<String> split(String line, boolean nullWhenOpen) {
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
                fields.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted && nullWhenOpen) {
            return null;
        }
        fields.add(cur.toString());
        return fields;
    }
}
