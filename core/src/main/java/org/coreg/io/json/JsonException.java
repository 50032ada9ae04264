package org.coreg.io.json;

import java.nio.file.Path;
import org.coreg.io.ImageIOException;

/** A JSON document is not well formed; the message names the file, the line, what was expected and what was found. */
public class JsonException extends ImageIOException {
    private final int line;
    private final String detail;

    public JsonException(Path file, int line, String expected, String found) {
        super(file, Problem.BAD_FIELD, "line " + line + ": JSON: expected " + expected + ", found " + found);
        this.line = line;
        this.detail = "JSON: expected " + expected + ", found " + found;
    }

    /** The 1-based line of the problem. */
    public int line() {
        return line;
    }

    /** The problem without the file and line. */
    public String detail() {
        return detail;
    }
}
