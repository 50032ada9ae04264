package org.coreg.io.transform;

import java.nio.file.Path;
import org.coreg.io.ImageIOException;

/**
 * A transform file could not be read or written. The message names the file, the line (where there is one), the
 * field, what was expected and what was found.
 */
public class TransformFileException extends ImageIOException {
    private final int line;

    public TransformFileException(Path file, int line, Problem problem, String message) {
        super(file, problem, (line > 0 ? "line " + line + ": " : "") + message);
        this.line = line;
    }

    /** "FILE: line N: field F: expected E, found V". */
    public static TransformFileException badField(Path file, int line, String field, String expected, Object found) {
        return new TransformFileException(file, line, Problem.BAD_FIELD,
                "field " + field + ": expected " + expected + ", found " + found);
    }

    /** The 1-based line the problem is on, or 0 if it concerns the whole file. */
    public int line() {
        return line;
    }
}
