package org.coreg.app.landmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.coreg.io.ImageIOException.Problem;
import org.coreg.io.points.PointFileException;
import org.coreg.points.PointList;

/** Turns two read point files into planted pairs (adapter to the engine's pairing, to be replaced when it lands). */
final class LandmarkFiles {
    private LandmarkFiles() {
    }

    static List<PlantedPair> pair(PointList fixed, PointList moving, Path fixedFile, Path movingFile)
            throws PointFileException {
        if (fixed.size() != moving.size()) {
            throw new PointFileException(movingFile, 0, Problem.BAD_FIELD, "it has " + moving.size()
                    + " points but " + fixedFile.getFileName() + " has " + fixed.size());
        }
        List<PlantedPair> out = new ArrayList<>();
        for (int i = 0; i < fixed.size(); i++) {
            out.add(new PlantedPair(fixed.get(i).label(), fixed.get(i).lps(), moving.get(i).lps()));
        }
        return out;
    }
}
