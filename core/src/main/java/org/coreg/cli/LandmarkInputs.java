package org.coreg.cli;

import java.nio.file.Path;
import java.util.List;
import org.coreg.image.ImageGeometry;
import org.coreg.io.points.PointFileException;
import org.coreg.io.points.PointFiles;
import org.coreg.registration.landmarks.LandmarkException;
import org.coreg.registration.landmarks.LandmarkFitKind;
import org.coreg.registration.landmarks.LandmarkPair;
import org.coreg.registration.landmarks.LandmarkPairs;

/** Reads the two landmark files of {@code --fixed-landmarks} and {@code --moving-landmarks} and pairs them. */
final class LandmarkInputs {
    private LandmarkInputs() {
    }

    /**
     * The pairs, or null when neither file is given.
     *
     * @param fixedGrid  the fixed image grid (for elastix index point files), or null
     * @param movingGrid the moving image grid, or null
     * @throws IllegalArgumentException when only one file is given or the files cannot be paired, naming them
     */
    static List<LandmarkPair> read(Path fixedFile, Path movingFile, ImageGeometry fixedGrid, ImageGeometry movingGrid)
            throws PointFileException {
        if (fixedFile == null && movingFile == null) {
            return null;
        }
        if (fixedFile == null || movingFile == null) {
            throw new IllegalArgumentException("landmarks come in pairs: give both --fixed-landmarks and "
                    + "--moving-landmarks");
        }
        try {
            return LandmarkPairs.match(PointFiles.read(fixedFile, fixedGrid), PointFiles.read(movingFile, movingGrid));
        } catch (LandmarkException e) {
            throw new IllegalArgumentException(fixedFile + " and " + movingFile + ": " + e.getMessage());
        }
    }

    /** The kind named by {@code --landmark-fit}, or the one the stages ask for when it is not given. */
    static LandmarkFitKind fit(String name, List<String> stages) {
        if (name != null) {
            LandmarkFitKind k = LandmarkFitKind.parse(name);
            if (k == null) {
                throw new IllegalArgumentException("--landmark-fit: expected rigid, similarity or affine, found '"
                        + name + "'");
            }
            return k;
        }
        return stages.contains("affine") ? LandmarkFitKind.AFFINE
                : stages.contains("similarity") ? LandmarkFitKind.SIMILARITY : LandmarkFitKind.RIGID;
    }
}
