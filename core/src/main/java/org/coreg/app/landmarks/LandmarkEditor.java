package org.coreg.app.landmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.coreg.app.session.Session;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.io.ImageIOException.Problem;
import org.coreg.io.points.PointFileException;
import org.coreg.io.points.PointFiles;
import org.coreg.points.PlanningPoint;
import org.coreg.points.PointList;
import org.coreg.points.Space;
import org.coreg.registration.landmarks.LandmarkErrors;
import org.coreg.registration.landmarks.LandmarkException;
import org.coreg.registration.landmarks.LandmarkPair;
import org.coreg.registration.landmarks.LandmarkPairs;
import org.coreg.transform.AffineTransform;
import org.coreg.transform.NonInvertibleTransformException;

/**
 * The landmark use cases over a {@link Session}: planting pairs by alternating clicks, naming, deleting, the table
 * rows with each pair's error under the current transform, and import and export as two point files (one per image).
 * Every edit is one undoable step.
 *
 * <p>Planting: the views show fixed space with the moving image resampled through the displayed transform {@code T}
 * (fixed LPS mm -> moving LPS mm). A click at fixed position {@code x} first plants a new pair's fixed point at
 * {@code x}; the next click plants that pair's moving point at {@code T(x)}, the moving anatomy drawn under the mouse.
 */
public final class LandmarkEditor {
    private final Session session;

    public LandmarkEditor(Session session) {
        this.session = Objects.requireNonNull(session);
    }

    /** Which image the next click plants on: {@link Space#MOVING} when the last pair waits for its moving point. */
    public Space nextSide() {
        List<PlantedPair> pairs = session.landmarks();
        return !pairs.isEmpty() && !pairs.getLast().complete() ? Space.MOVING : Space.FIXED;
    }

    /**
     * Plants the next point for a click at {@code fixedLps} (fixed LPS mm, where the views were clicked): a new pair's
     * fixed point, or the pending pair's moving point at {@code T(fixedLps)} with {@code T} the displayed transform.
     *
     * @return the pair as it is after the click
     */
    public PlantedPair plant(double[] fixedLps) {
        List<PlantedPair> pairs = new ArrayList<>(session.landmarks());
        PlantedPair p;
        if (nextSide() == Space.MOVING) {
            p = pairs.getLast().withMoving(session.displayedTransform().apply(fixedLps));
            pairs.set(pairs.size() - 1, p);
        } else {
            p = PlantedPair.pending(nextLabel(), fixedLps);
            pairs.add(p);
        }
        session.setLandmarks(pairs);
        return p;
    }

    /** Renames pair {@code i}; false if the name is blank or another pair has it. */
    public boolean rename(int i, String label) {
        String l = label == null ? "" : label.strip();
        List<PlantedPair> pairs = session.landmarks();
        for (int j = 0; j < pairs.size(); j++) {
            if (j != i && pairs.get(j).label().equals(l)) {
                return false;
            }
        }
        if (l.isEmpty()) {
            return false;
        }
        replace(i, pairs.get(i).withLabel(l));
        return true;
    }

    public void delete(int i) {
        List<PlantedPair> pairs = new ArrayList<>(session.landmarks());
        pairs.remove(i);
        session.setLandmarks(pairs);
    }

    /** Removes every pair (one undo step). */
    public void clear() {
        session.setLandmarks(List.of());
    }

    /** The table rows: each pair with its error under the current fixed-to-moving transform. */
    public List<LandmarkRow> rows() {
        List<PlantedPair> pairs = session.landmarks();
        List<LandmarkErrors.PairError> errors = errors(session.fixedToMoving()).points();
        List<LandmarkRow> rows = new ArrayList<>(pairs.size());
        int k = 0;
        for (int i = 0; i < pairs.size(); i++) {
            PlantedPair p = pairs.get(i);
            rows.add(new LandmarkRow(i, p.label(), p.fixedLps(), p.movingLps(),
                    p.complete() ? errors.get(k++).errorMm() : Double.NaN));
        }
        return rows;
    }

    /** The errors of {@code fixedToMoving} (fixed LPS mm -> moving LPS mm) at the complete pairs. */
    public LandmarkErrors errors(AffineMap fixedToMoving) {
        try {
            return LandmarkErrors.of(AffineTransform.fixedToMoving(fixedToMoving), completePairs());
        } catch (NonInvertibleTransformException e) {
            throw new IllegalStateException("a fixed-to-moving transform is applied as it is", e);
        }
    }

    /**
     * The pairs a registration starts from: the complete pairs when there are at least 3 (enough for a rigid fit),
     * else none, so that a half-planted set does not stop a registration.
     */
    public List<LandmarkPair> pairsForStart() {
        List<LandmarkPair> pairs = completePairs();
        return pairs.size() >= 3 ? pairs : List.of();
    }

    /** The complete pairs only, in order, as the engine's landmark pairs (fixed and moving LPS mm). */
    public List<LandmarkPair> completePairs() {
        return session.landmarks().stream().filter(PlantedPair::complete)
                .map(p -> new LandmarkPair(p.label(), p.fixedLps(), p.movingLps())).toList();
    }

    /**
     * Reads a fixed-image and a moving-image point file and replaces the pairs with them (one undo step), matched by
     * label when both files hold the same unique labels, else by order ({@link LandmarkPairs}). On any failure the
     * pairs are unchanged.
     *
     * @param fixedGrid the fixed image grid, for elastix {@code index} files; may be null
     * @param movingGrid the moving image grid, for elastix {@code index} files; may be null
     * @return how many pairs were read
     */
    public int importFiles(Path fixedFile, Path movingFile, ImageGeometry fixedGrid, ImageGeometry movingGrid)
            throws PointFileException {
        PointList f = PointFiles.read(fixedFile, fixedGrid);
        PointList m = PointFiles.read(movingFile, movingGrid);
        List<LandmarkPair> pairs;
        try {
            pairs = LandmarkPairs.match(f, m);
        } catch (LandmarkException e) {
            throw new PointFileException(movingFile, 0, Problem.BAD_FIELD, "with " + fixedFile.getFileName() + ": "
                    + e.getMessage());
        }
        session.setLandmarks(pairs.stream().map(p -> new PlantedPair(p.label(), p.fixed(), p.moving())).toList());
        return pairs.size();
    }

    /**
     * Writes the complete pairs as two point files in the formats their names ask for: the fixed points (fixed LPS mm)
     * and the moving points (moving LPS mm), with the same labels in the same order so that they pair either way.
     * Each write is atomic.
     */
    public void export(Path fixedFile, Path movingFile) throws IOException {
        List<LandmarkPair> pairs = completePairs();
        PointFiles.write(new PointList("Coreg landmarks (fixed)", Space.FIXED,
                pairs.stream().map(p -> new PlanningPoint(p.label(), p.fixed(), "", false)).toList(),
                List.of("planted on the fixed image in the Coreg workstation")), fixedFile);
        PointFiles.write(new PointList("Coreg landmarks (moving)", Space.MOVING,
                pairs.stream().map(p -> new PlanningPoint(p.label(), p.moving(), "", false)).toList(),
                List.of("planted on the moving image in the Coreg workstation")), movingFile);
    }

    private void replace(int i, PlantedPair p) {
        List<PlantedPair> pairs = new ArrayList<>(session.landmarks());
        pairs.set(i, p);
        session.setLandmarks(pairs);
    }

    private String nextLabel() {
        Set<String> taken = new HashSet<>();
        session.landmarks().forEach(p -> taken.add(p.label()));
        for (int n = session.landmarks().size() + 1; ; n++) {
            if (!taken.contains("L-" + n)) {
                return "L-" + n;
            }
        }
    }
}
