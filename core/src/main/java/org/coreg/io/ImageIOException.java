package org.coreg.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file could not be read or written as an image. The message always names the file; for a bad field it also
 * names the field, what was expected and what was found. {@link #problem()} classifies the failure for callers
 * (and tests) that act on it.
 */
public class ImageIOException extends IOException {
    /** What went wrong, independent of the format. */
    public enum Problem {
        /** A header field has a value that is malformed, out of range or inconsistent with another. */
        BAD_FIELD,
        /** The file is not of the format it claims or was detected as (wrong magic, unknown header). */
        WRONG_FORMAT,
        /** The data ends before the header says it should. */
        TRUNCATED,
        /** A valid value this reader or writer does not handle (data type, encoding, dimension). */
        UNSUPPORTED,
        /** Compressed data is corrupt. */
        CORRUPT_COMPRESSION,
        /** The image would not fit in one array or in the memory available. */
        TOO_LARGE,
        /** A file the header refers to (detached data) or the file itself does not exist. */
        MISSING_FILE,
        /** The operating system refused a read or write. */
        IO_FAILURE
    }

    private final Path file;
    private final Problem problem;

    public ImageIOException(Path file, Problem problem, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.file = file;
        this.problem = problem;
    }

    public ImageIOException(Path file, Problem problem, String message) {
        this(file, problem, message, null);
    }

    /** A header field with an unacceptable value: "FILE: field F: expected E, found V". */
    public static ImageIOException badField(Path file, String field, String expected, Object found) {
        return new ImageIOException(file, Problem.BAD_FIELD,
                "field " + field + ": expected " + expected + ", found " + found);
    }

    /** A valid value that is not supported: "FILE: field F: expected E, found V (not supported)". */
    public static ImageIOException unsupported(Path file, String field, String expected, Object found) {
        return new ImageIOException(file, Problem.UNSUPPORTED,
                "field " + field + ": expected " + expected + ", found " + found + " (not supported)");
    }

    /** The file (or the detached data file) the failure is about. */
    public Path file() {
        return file;
    }

    public Problem problem() {
        return problem;
    }
}
