package org.coreg.io;

import java.nio.file.Path;
import org.coreg.image.Volume;

/** Reads one image file (and any detached data file it names) into a {@link Volume} in LPS. */
public interface ImageReader {
    /**
     * @throws ImageIOException naming the file and the problem; never an unchecked exception for bad content
     */
    Volume read(Path file) throws ImageIOException;
}
