package org.coreg.io.metaimage;

import java.nio.file.Path;
import org.coreg.io.ImageIOException;

/** Builds MetaImage errors in the house form "FILE: field F: expected E, found V". */
final class MetaImageException {
    private MetaImageException() {
    }

    static ImageIOException of(Path file, ImageIOException.Problem problem, String field, String expected,
                               Object found) {
        return new ImageIOException(file, problem, "field " + field + ": expected " + expected + ", found " + found);
    }

    static ImageIOException of(Path file, ImageIOException.Problem problem, String field, String expected,
                               Object found, Throwable cause) {
        return new ImageIOException(file, problem, "field " + field + ": expected " + expected + ", found " + found,
                cause);
    }
}
