package org.coreg.cohort;

import java.util.List;
import org.coreg.io.CsvFields;

/** Comma-separated values as RFC 4180 writes them: fields in double quotes may hold commas, and "" is one quote. */
final class Csv {
    private Csv() {
    }

    /** The fields of one line, each stripped of surrounding blanks; null when a quoted field is not closed on it. */
    static List<String> split(String line) {
        List<String> fields = CsvFields.splitClosed(line);
        return fields == null ? null : fields.stream().map(String::strip).toList();
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
