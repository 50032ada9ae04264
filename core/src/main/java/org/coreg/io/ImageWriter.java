package org.coreg.io;

import java.nio.file.Path;
import org.coreg.image.Volume;

/**
 * Writes a {@link Volume} to a file (and its detached data file, where the format has one). Writes are atomic:
 * on failure no output file is left behind and any existing file of that name is unchanged.
 */
public interface ImageWriter {
    void write(Volume volume, Path file) throws ImageIOException;
}
