package org.coreg.app;

import java.nio.file.Path;
import org.coreg.image.Volume;
import org.coreg.io.ImageIOException;

/** Reads a volume from a file; the workstation uses {@code ImageFormats.standard()::read}. */
@FunctionalInterface
public interface VolumeLoader {
    Volume load(Path file) throws ImageIOException;
}
