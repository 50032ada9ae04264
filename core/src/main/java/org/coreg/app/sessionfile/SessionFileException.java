package org.coreg.app.sessionfile;

import java.nio.file.Path;

/** A session file could not be read or written; the message names the file, the field, expected and found. */
public class SessionFileException extends Exception {
    private final Path file;

    public SessionFileException(Path file, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.file = file;
    }

    /** "FILE: field F: expected E, found V". */
    public static SessionFileException badField(Path file, String field, String expected, Object found) {
        return new SessionFileException(file, "field " + field + ": expected " + expected + ", found " + found, null);
    }

    public Path file() {
        return file;
    }
}
