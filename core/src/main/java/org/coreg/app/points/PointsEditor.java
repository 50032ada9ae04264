package org.coreg.app.points;

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
import org.coreg.image.RasLps;
import org.coreg.io.points.PointFileException;
import org.coreg.io.points.PointFiles;
import org.coreg.points.PlanningPoint;
import org.coreg.points.PointList;
import org.coreg.points.PointMapper;
import org.coreg.points.Space;
import org.coreg.transform.AffineTransform;
import org.coreg.transform.NonInvertibleTransformException;

/**
 * The planning-point use cases over a {@link Session}. The session keeps the points in fixed LPS mm; every edit is
 * one undoable step. Points placed on the moving image (moving LPS mm) are mapped back into fixed space with the
 * inverse of the current fixed-to-moving transform; the table and the moving-space export map fixed points with the
 * transform itself ({@link PointMapper}).
 */
public final class PointsEditor {
    private final Session session;

    public PointsEditor(Session session) {
        this.session = Objects.requireNonNull(session);
    }

    /** Adds a point at a fixed-space position (LPS mm) with the next free label; returns it. */
    public PlanningPoint addFixed(double[] fixedLps) {
        PlanningPoint p = new PlanningPoint(nextLabel(), fixedLps, "", false);
        List<PlanningPoint> pts = new ArrayList<>(session.points());
        pts.add(p);
        session.setPoints(pts);
        return p;
    }

    /**
     * Adds a point picked on the moving image at {@code movingLps} (moving LPS mm): it is stored in fixed space as
     * {@code T^-1(movingLps)} with {@code T} the current fixed-to-moving transform.
     *
     * @throws NonInvertibleTransformException if the current transform is singular
     */
    public PlanningPoint addFromMoving(double[] movingLps) throws NonInvertibleTransformException {
        PointList one = PointList.of("picked", Space.MOVING,
                List.of(new PlanningPoint("picked", movingLps, "", false)));
        double[] fixedLps = mapper().movingToFixed(one).points().get(0).lps();
        return addFixed(fixedLps);
    }

    /** Renames point {@code i}; false if the name is blank or another point has it. */
    public boolean rename(int i, String label) {
        String l = label == null ? "" : label.strip();
        List<PlanningPoint> pts = session.points();
        for (int j = 0; j < pts.size(); j++) {
            if (j != i && pts.get(j).label().equals(l)) {
                return false;
            }
        }
        if (l.isEmpty()) {
            return false;
        }
        PlanningPoint p = pts.get(i);
        replace(i, new PlanningPoint(l, p.lps(), p.description(), p.locked()));
        return true;
    }

    public void describe(int i, String description) {
        PlanningPoint p = session.points().get(i);
        replace(i, new PlanningPoint(p.label(), p.lps(), description == null ? "" : description, p.locked()));
    }

    /** Moves point {@code i} to a fixed-space position (LPS mm); locked points stay where they are. */
    public void move(int i, double[] fixedLps) {
        PlanningPoint p = session.points().get(i);
        if (!p.locked()) {
            replace(i, p.movedTo(fixedLps));
        }
    }

    public void delete(int i) {
        List<PlanningPoint> pts = new ArrayList<>(session.points());
        pts.remove(i);
        session.setPoints(pts);
    }

    /**
     * The table rows: each point in fixed space (LPS and RAS) and mapped into moving space by the current transform.
     */
    public List<PointRow> rows() {
        List<PlanningPoint> pts = session.points();
        AffineMap t = session.fixedToMoving();
        List<PointRow> rows = new ArrayList<>(pts.size());
        for (int i = 0; i < pts.size(); i++) {
            PlanningPoint p = pts.get(i);
            rows.add(new PointRow(i, p.label(), p.description(), p.lps(), RasLps.lpsToRas(p.lps()), t.apply(p.lps())));
        }
        return rows;
    }

    /**
     * Reads a point file and appends its points (one undo step). Point files do not record which image they belong
     * to, so the user says: points in moving space are mapped into fixed space with the inverse transform. On any
     * failure the session is unchanged.
     *
     * @param fixedGrid the fixed image grid, for elastix {@code index} files; may be null
     * @param fileSpace {@link Space#MOVING} if the file's points are on the moving image, else fixed
     * @return how many points were added
     */
    public int importFile(Path file, ImageGeometry fixedGrid, Space fileSpace) throws PointFileException,
            NonInvertibleTransformException {
        PointList read = PointFiles.read(file, fixedGrid);
        PointList fixed = fileSpace == Space.MOVING
                ? mapper().movingToFixed(new PointList(read.name(), Space.MOVING, read.points(), read.history()))
                        .points()
                : read;
        List<PlanningPoint> pts = new ArrayList<>(session.points());
        pts.addAll(fixed.points());
        session.setPoints(pts);
        return fixed.size();
    }

    /**
     * Writes the points in the format the file name asks for, in fixed space or mapped into moving space by the
     * current fixed-to-moving transform. The write is atomic.
     */
    public void export(Path file, Space space) throws IOException, NonInvertibleTransformException {
        PointList fixed = new PointList("Coreg planning points", Space.FIXED, session.points(),
                List.of("planned on the fixed image in the Coreg workstation"));
        PointList out = space == Space.MOVING ? mapper().fixedToMoving(fixed).points() : fixed;
        PointFiles.write(out, file);
    }

    private PointMapper mapper() {
        return new PointMapper(AffineTransform.fixedToMoving(session.fixedToMoving()));
    }

    private void replace(int i, PlanningPoint p) {
        List<PlanningPoint> pts = new ArrayList<>(session.points());
        pts.set(i, p);
        session.setPoints(pts);
    }

    private String nextLabel() {
        Set<String> taken = new HashSet<>();
        session.points().forEach(p -> taken.add(p.label()));
        for (int n = session.points().size() + 1; ; n++) {
            if (!taken.contains("P-" + n)) {
                return "P-" + n;
            }
        }
    }
}
