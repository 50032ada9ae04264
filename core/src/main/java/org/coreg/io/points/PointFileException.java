package org.coreg.io.points;

import java.nio.file.Path;
import org.coreg.io.ImageIOException;

/** A point file could not be read or written; the message names the file, the line, the field, expected and found. */
public class PointFileException extends ImageIOException {
    private final int line;

    public PointFileException(Path file, int line, Problem problem, String message) {
        super(file, problem, (line > 0 ? "line " + line + ": " : "") + message);
        this.line = line;
    }

    /** "FILE: line N: field F: expected E, found V". */
    public static PointFileException badField(Path file, int line, String field, String expected, Object found) {
        return new PointFileException(file, line, Problem.BAD_FIELD,
                "field " + field + ": expected " + expected + ", found " + found);
    }

    /** The 1-based line of the problem, or 0 if it concerns the whole file. */
    public int line() {
        return line;
    }
}
