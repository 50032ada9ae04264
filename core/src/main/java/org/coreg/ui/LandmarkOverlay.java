package org.coreg.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.coreg.app.landmarks.LandmarkMarkers;
import org.coreg.app.points.PointMarkers;
import org.coreg.app.render.SliceGrid;
import org.coreg.app.session.Session;

/**
 * Draws the landmark pairs near a view's plane: the fixed point as a green circle, the moving point (where the views
 * show its anatomy) as a magenta diamond, and a line between the two marks of a pair, which is the pair's error as
 * seen on screen. Marks in the plane are solid, marks up to {@link PointMarkers#SLAB_MM} away hollow and fainter.
 */
final class LandmarkOverlay {
    static final Color FIXED = Color.rgb(80, 230, 120);
    static final Color MOVING = Color.rgb(255, 90, 255);

    private LandmarkOverlay() {
    }

    /** @param toScreen fixed LPS mm -> screen position in the view */
    static void draw(GraphicsContext gc, Session session, SliceGrid g, Function<double[], double[]> toScreen) {
        int n = g.plane().normalAxis();
        List<LandmarkMarkers.Marker> marks = LandmarkMarkers.nearPlane(session.landmarks(),
                session.displayedTransform(), n, session.cursor()[n]);
        Map<Integer, double[]> fixedAt = new HashMap<>();
        for (LandmarkMarkers.Marker m : marks) {
            if (!m.movingSide()) {
                fixedAt.put(m.index(), toScreen.apply(m.fixedLps()));
            }
        }
        gc.setLineWidth(1.5);
        for (LandmarkMarkers.Marker m : marks) {
            double[] s = toScreen.apply(m.fixedLps());
            double depth = Math.abs(m.distanceMm());
            boolean inPlane = depth <= g.pixelMm() / 2;
            double alpha = inPlane ? 1 : 0.35 + 0.5 * (1 - depth / PointMarkers.SLAB_MM);
            Color c = m.movingSide() ? MOVING : FIXED;
            c = Color.color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
            gc.setStroke(c);
            gc.setFill(c);
            double r = inPlane ? 5 : 3.5;
            if (m.movingSide()) {
                double[] f = fixedAt.get(m.index());
                if (f != null) {
                    gc.strokeLine(f[0], f[1], s[0], s[1]);
                }
                double[] xs = {s[0], s[0] + r, s[0], s[0] - r};
                double[] ys = {s[1] - r, s[1], s[1] + r, s[1]};
                if (inPlane) {
                    gc.fillPolygon(xs, ys, 4);
                } else {
                    gc.strokePolygon(xs, ys, 4);
                }
            } else {
                if (inPlane) {
                    gc.fillOval(s[0] - r, s[1] - r, 2 * r, 2 * r);
                } else {
                    gc.strokeOval(s[0] - r, s[1] - r, 2 * r, 2 * r);
                }
                gc.fillText(m.label(), s[0] + 7, s[1] + 14);
            }
        }
    }
}
