package org.coreg.io;

import java.nio.file.Path;
import org.coreg.image.Volume;
import org.coreg.image.VoxelReadListener;

/** Reads one image file (and any detached data file it names) into a {@link Volume} in LPS. */
public interface ImageReader {
    /**
     * @throws ImageIOException naming the file and the problem; never an unchecked exception for bad content
     */
    Volume read(Path file) throws ImageIOException;

    /**
     * As {@link #read(Path)}, telling {@code listener} how far the voxels have arrived; readers that cannot tell
     * ignore it.
     */
    default Volume read(Path file, VoxelReadListener listener) throws ImageIOException {
        return read(file);
    }
}
