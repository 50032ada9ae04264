package org.coreg.ui;

import javafx.scene.input.MouseEvent;
import org.coreg.app.points.PointMarkers;
import org.coreg.app.points.PointsEditor;
import org.coreg.app.render.SliceGrid;
import org.coreg.app.render.ViewPlane;
import org.coreg.app.render.WindowLevel;
import org.coreg.app.session.PreAlign;
import org.coreg.app.session.RoiBox;
import org.coreg.app.session.Session;
import org.coreg.image.AffineMap;

/**
 * Turns mouse gestures in one {@link SliceView} into session edits: cursor moves, window/level, pre-align
 * translations and rotations, and crop box drawing. Slice pixel positions in, LPS millimetres out; the maths of each
 * edit lives in the app layer ({@link PreAlign}, {@link RoiBox}).
 */
final class SliceInteraction {
    /** Screen pixels within which a box edge catches the mouse. */
    private static final double GRAB = 6;

    private enum Kind { NONE, CURSOR, WINDOW_FIXED, WINDOW_MOVING, TRANSLATE, ROTATE, ROI_NEW, ROI_EDGES, ROI_MOVE, POINT_MOVE }

    private final Session session;
    private final SliceView view;
    private Kind kind = Kind.NONE;
    private double startScreenX;
    private double startScreenY;
    private double[] startPixel;
    private double[] startWorld;
    private WindowLevel startWindow;
    private AffineMap startTransform;
    private RoiBox startBox;
    /** For ROI_EDGES: -1 min face, +1 max face, 0 untouched; per screen axis (x, y). */
    private final int[] faces = new int[2];
    /** For POINT_MOVE: which point is dragged. */
    private int pointIndex = -1;

    SliceInteraction(Session session, SliceView view) {
        this.session = session;
        this.view = view;
    }

    void pressed(MouseEvent e, double[] pixel, boolean secondary) {
        SliceGrid g = grid();
        if (pixel == null || g == null) {
            return;
        }
        startScreenX = e.getX();
        startScreenY = e.getY();
        startPixel = pixel;
        startWorld = g.toWorld(pixel[0], pixel[1]);
        if (secondary) {
            kind = e.isShiftDown() ? Kind.WINDOW_MOVING : Kind.WINDOW_FIXED;
            startWindow = kind == Kind.WINDOW_MOVING ? session.movingWindow() : session.fixedWindow();
            return;
        }
        switch (view.mode()) {
            case NAVIGATE -> {
                kind = Kind.CURSOR;
                session.setCursor(startWorld);
            }
            case PRE_ALIGN -> {
                if (session.moving().isEmpty()) {
                    kind = Kind.NONE;
                    return;
                }
                kind = e.isShiftDown() ? Kind.ROTATE : Kind.TRANSLATE;
                startTransform = session.fixedToMoving();
                session.beginGesture();
            }
            case ROI -> {
                startBox = session.roi().orElse(null);
                kind = startBox == null ? Kind.ROI_NEW : pickBoxPart(e.getX(), e.getY(), startBox);
                session.beginGesture();
            }
            case POINTS -> {
                pointIndex = pickPoint(g, e.getX(), e.getY());
                if (pointIndex >= 0) {
                    kind = Kind.POINT_MOVE;
                    session.beginGesture();
                } else {
                    kind = Kind.NONE;
                    view.placePoint(startWorld);
                }
            }
            case LANDMARKS -> {
                kind = Kind.NONE;
                view.plantLandmark(startWorld);
            }
        }
    }

    /** The point whose marker is under the screen position (within {@link #GRAB} pixels), or -1. */
    private int pickPoint(SliceGrid g, double sx, double sy) {
        int n = g.plane().normalAxis();
        int best = -1;
        double bestD = GRAB;
        for (PointMarkers.Marker m : PointMarkers.nearPlane(session.points(), n, session.cursor()[n])) {
            double[] s = view.toScreenOfWorld(g, m.point().lps());
            double d = Math.hypot(s[0] - sx, s[1] - sy);
            if (d <= bestD) {
                bestD = d;
                best = m.index();
            }
        }
        return best;
    }

    void dragged(MouseEvent e, double[] pixel) {
        SliceGrid g = grid();
        if (pixel == null || g == null || kind == Kind.NONE) {
            return;
        }
        double[] world = g.toWorld(pixel[0], pixel[1]);
        ViewPlane plane = g.plane();
        switch (kind) {
            case CURSOR -> session.setCursor(world);
            case WINDOW_FIXED -> session.setFixedWindow(startWindow.dragged(e.getX() - startScreenX,
                    e.getY() - startScreenY));
            case WINDOW_MOVING -> session.setMovingWindow(startWindow.dragged(e.getX() - startScreenX,
                    e.getY() - startScreenY));
            case TRANSLATE -> session.setTransform(PreAlign.translate(startTransform, plane,
                    (pixel[0] - startPixel[0]) * g.pixelMm(), (pixel[1] - startPixel[1]) * g.pixelMm()));
            case ROTATE -> {
                double[] c = g.toPixel(session.cursor());
                double a0 = Math.atan2(startPixel[1] - c[1], startPixel[0] - c[0]);
                double a1 = Math.atan2(pixel[1] - c[1], pixel[0] - c[0]);
                session.setTransform(PreAlign.rotate(startTransform, plane, a1 - a0, session.cursor()));
            }
            case ROI_NEW -> session.setRoi(newBox(startWorld, world, plane));
            case ROI_MOVE -> {
                double[] delta = new double[3];
                for (int a = 0; a < 3; a++) {
                    delta[a] = a == plane.normalAxis() ? 0 : world[a] - startWorld[a];
                }
                session.setRoi(startBox.translated(delta));
            }
            case ROI_EDGES -> {
                RoiBox b = startBox;
                for (int s = 0; s < 2; s++) {
                    if (faces[s] != 0) {
                        int axis = lpsAxisOf(plane, s);
                        b = b.withFace(axis, faces[s] > 0, world[axis]);
                    }
                }
                session.setRoi(b);
            }
            case POINT_MOVE -> {
                if (pointIndex < session.points().size()) {
                    // the point slides in the view plane; its depth across the plane is kept
                    int n = plane.normalAxis();
                    world[n] = session.points().get(pointIndex).lps()[n];
                    new PointsEditor(session).move(pointIndex, world);
                }
            }
            default -> { }
        }
    }

    void released() {
        if (session.inGesture()) {
            session.endGesture();
        }
        kind = Kind.NONE;
    }

    private SliceGrid grid() {
        return view.currentSlice() == null ? null : view.currentSlice().grid();
    }

    /** The LPS axis along screen axis {@code s} (0 = x, 1 = y) of {@code plane}. */
    private static int lpsAxisOf(ViewPlane plane, int s) {
        double[] v = s == 0 ? plane.right() : plane.down();
        return v[0] != 0 ? 0 : v[1] != 0 ? 1 : 2;
    }

    /** A box spanning the two in-plane corners and, across the plane, the fixed image's whole extent. */
    private RoiBox newBox(double[] a, double[] b, ViewPlane plane) {
        double[] min = new double[3];
        double[] max = new double[3];
        for (int i = 0; i < 3; i++) {
            min[i] = Math.min(a[i], b[i]);
            max[i] = Math.max(a[i], b[i]);
        }
        int n = plane.normalAxis();
        session.fixed().ifPresent(f -> {
            double[][] bounds = SliceGrid.worldBounds(f.geometry());
            min[n] = bounds[0][n];
            max[n] = bounds[1][n];
        });
        return new RoiBox(min, max);
    }

    /** Which part of the box's outline is under the screen point: edges (and corners), inside, or nothing. */
    private Kind pickBoxPart(double sx, double sy, RoiBox box) {
        SliceGrid g = grid();
        ViewPlane plane = g.plane();
        double[] screenMin = view.toScreenOfWorld(g, box.min());
        double[] screenMax = view.toScreenOfWorld(g, box.max());
        double[] pos = {sx, sy};
        boolean[] within = new boolean[2];
        for (int s = 0; s < 2; s++) {
            double lo = Math.min(screenMin[s], screenMax[s]);
            double hi = Math.max(screenMin[s], screenMax[s]);
            within[s] = pos[s] >= lo - GRAB && pos[s] <= hi + GRAB;
        }
        for (int s = 0; s < 2; s++) {
            faces[s] = 0;
            if (!within[1 - s]) {
                continue;
            }
            if (Math.abs(pos[s] - screenMin[s]) <= GRAB) {
                faces[s] = -1;
            } else if (Math.abs(pos[s] - screenMax[s]) <= GRAB) {
                faces[s] = 1;
            }
        }
        if (faces[0] != 0 || faces[1] != 0) {
            return Kind.ROI_EDGES;
        }
        double[] w = g.toWorld(view.toSlicePixel(sx, sy)[0], view.toSlicePixel(sx, sy)[1]);
        int n = plane.normalAxis();
        w[n] = (box.min(n) + box.max(n)) / 2;
        return box.contains(w) ? Kind.ROI_MOVE : Kind.ROI_NEW;
    }
}
