package org.coreg.cohort;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One pair of a cohort manifest: an id (names the row's output files) and absolute paths, as the driver resolved
 * them (relative paths are taken from the manifest's folder; on a cluster every executor must read the same path).
 * Optional cells are null when empty. {@code stages} and {@code roi} hold the text of {@code coreg register}'s
 * {@code --stages} and {@code --roi} (comma-separated; the ROI is LPS mm).
 *
 * @param line the row's line in the manifest (1 = the header), for messages
 */
public record ManifestRow(int line, String id, String fixed, String moving, String stages, String fixedLandmarks,
        String movingLandmarks, String initialTransform, String roi) implements Serializable {

    /** The input files of the row that exist as files (fixed, moving, and any landmark or transform file). */
    List<Path> inputFiles() {
        List<Path> files = new ArrayList<>();
        for (String s : new String[] {fixed, moving, fixedLandmarks, movingLandmarks, initialTransform}) {
            if (s != null) {
                files.add(Path.of(s));
            }
        }
        return files;
    }
}
