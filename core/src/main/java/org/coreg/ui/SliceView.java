package org.coreg.ui;

import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.coreg.app.render.Interpolation;
import org.coreg.app.render.SampledVolume;
import org.coreg.app.render.SliceGrid;
import org.coreg.app.render.SliceImage;
import org.coreg.app.render.ViewPlane;
import org.coreg.app.render.ViewRenderer;
import org.coreg.app.session.Session;
import org.coreg.app.session.SessionChange;
import org.coreg.app.task.LatestOnlyRunner;

/**
 * One orthogonal view of the session: the fused slice through the cursor, the crosshair and the crop box. Mouse:
 * left drag does what the {@link ViewMode} says, right drag changes window/level, middle drag pans, wheel scrolls
 * slices (Ctrl-wheel zooms). All geometry comes from the app layer; this class only maps screen pixels to slice pixels.
 */
public final class SliceView extends Region {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SliceView.class);
    private final Session session;
    private final ViewPlane plane;
    private final Supplier<ViewMode> mode;
    private final ViewRenderer renderer = new ViewRenderer(Interpolation.LINEAR);
    private final ImageView imageView = new ImageView();
    private final Canvas overlay = new Canvas();
    private final SliceInteraction interaction;
    private final LatestOnlyRunner renders;
    private long requested;
    private long shown;
    private SliceImage current;
    private WritableImage image;
    private double zoom = 1;
    /** Pan offset in screen pixels, added to the centred position. */
    private double panX;
    private double panY;
    private double[] panStart;
    private java.util.function.Consumer<double[]> pointPlacer = p -> { };
    private java.util.function.Consumer<double[]> landmarkPlanter = p -> { };

    /** @param renderThreads where slices are rendered (a small pool shared by the views) */
    public SliceView(Session session, ViewPlane plane, Supplier<ViewMode> mode, Executor renderThreads) {
        this.session = session;
        this.renders = new LatestOnlyRunner(renderThreads,
                e -> LOG.error("rendering the {} view failed", plane, e));
        this.plane = plane;
        this.mode = mode;
        this.interaction = new SliceInteraction(session, this);
        setId("view-" + plane.name().toLowerCase(java.util.Locale.ROOT));
        getStyleClass().add("slice-view");
        setStyle("-fx-background-color: black;");
        setMinSize(64, 64);
        setPrefSize(360, 360);
        imageView.setSmooth(false);
        overlay.setMouseTransparent(true);
        getChildren().addAll(imageView, overlay);
        session.addListener(c -> {
            if (c == SessionChange.POINTS || c == SessionChange.LANDMARKS || c == SessionChange.QUALITY) {
                drawOverlay(); // markers only: no re-render
            } else if (c != SessionChange.HISTORY) {
                refresh();
            }
        });
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (panStart != null) {
                panX = panStart[2] + e.getX() - panStart[0];
                panY = panStart[3] + e.getY() - panStart[1];
                layoutChildren();
            } else {
                interaction.dragged(e, slicePoint(e));
            }
        });
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            panStart = null;
            interaction.released();
        });
        addEventHandler(ScrollEvent.SCROLL, this::scrolled);
    }

    /** What a click in Points mode does with the clicked fixed-space position (LPS mm). */
    public void setOnPointPlaced(java.util.function.Consumer<double[]> placer) {
        pointPlacer = java.util.Objects.requireNonNull(placer);
    }

    void placePoint(double[] fixedLps) {
        pointPlacer.accept(fixedLps);
    }

    /** What a click in Landmarks mode does with the clicked fixed-space position (LPS mm). */
    public void setOnLandmarkPlanted(java.util.function.Consumer<double[]> planter) {
        landmarkPlanter = java.util.Objects.requireNonNull(planter);
    }

    void plantLandmark(double[] fixedLps) {
        landmarkPlanter.accept(fixedLps);
    }

    public ViewPlane plane() {
        return plane;
    }

    ViewMode mode() {
        return mode.get();
    }

    /** The slice currently shown, or null before a fixed image is loaded. */
    public SliceImage currentSlice() {
        return current;
    }

    /** The zoom factor relative to fitting the slice into the view. */
    public double zoom() {
        return zoom;
    }

    private void pressed(MouseEvent e) {
        requestFocus();
        if (e.getButton() == MouseButton.MIDDLE) {
            panStart = new double[] {e.getX(), e.getY(), panX, panY};
            return;
        }
        interaction.pressed(e, slicePoint(e), e.getButton() == MouseButton.SECONDARY);
    }

    private void scrolled(ScrollEvent e) {
        if (current == null || e.getDeltaY() == 0) {
            return;
        }
        if (e.isControlDown()) {
            zoom = Math.max(0.25, Math.min(16, zoom * (e.getDeltaY() > 0 ? 1.25 : 0.8)));
            layoutChildren();
            drawOverlay();
        } else {
            scrollSlices(e.getDeltaY() > 0 ? 1 : -1);
        }
        e.consume();
    }

    /** Moves the cursor by {@code steps} slices along this view's normal (one step = the finest fixed spacing). */
    public void scrollSlices(int steps) {
        session.fixed().ifPresent(f -> {
            double step = Math.min(f.geometry().spacing(0), Math.min(f.geometry().spacing(1), f.geometry().spacing(2)));
            double[] c = session.cursor();
            // scrolling up moves towards the viewer: superior, anterior or left for axial, coronal, sagittal
            int axis = plane.normalAxis();
            double towardsViewer = axis == 2 ? 1 : axis == 1 ? -1 : 1;
            c[axis] += steps * step * towardsViewer;
            session.setCursor(c);
        });
    }

    /** Continuous slice pixel under the mouse, or null if nothing is shown. */
    private double[] slicePoint(MouseEvent e) {
        return current == null ? null : toSlicePixel(e.getX(), e.getY());
    }

    /** Screen position in this view -> continuous slice pixel (integers at pixel centres). */
    double[] toSlicePixel(double sx, double sy) {
        double s = scale();
        return new double[] {(sx - offsetX()) / s - 0.5, (sy - offsetY()) / s - 0.5};
    }

    /** Slice pixel -> screen position in this view. */
    double[] toScreen(double px, double py) {
        double s = scale();
        return new double[] {offsetX() + (px + 0.5) * s, offsetY() + (py + 0.5) * s};
    }

    /** Screen pixels per slice pixel. */
    double scale() {
        if (current == null) {
            return 1;
        }
        SliceGrid g = current.grid();
        return Math.min(getWidth() / g.width(), getHeight() / g.height()) * zoom;
    }

    private double offsetX() {
        return current == null ? 0 : (getWidth() - current.grid().width() * scale()) / 2 + panX;
    }

    private double offsetY() {
        return current == null ? 0 : (getHeight() - current.grid().height() * scale()) / 2 + panY;
    }

    /**
     * Asks for the slice to be re-rendered from the session. The render runs on a background thread (only the
     * newest request is kept); the pixels are put on screen on the FX thread, so the UI thread never renders.
     */
    public void refresh() {
        long generation = ++requested;
        SampledVolume fixed = session.fixed().orElse(null);
        if (fixed == null) {
            current = null;
            shown = generation;
            imageView.setImage(null);
            drawOverlay();
            return;
        }
        SampledVolume moving = session.moving().orElse(null);
        var transform = session.displayedTransform();
        var deformation = session.displayedDeformation().orElse(null);
        var deformed = deformation == null ? null : deformation.fixedToMoving();
        var jacobian = session.jacobianShown() ? deformation.jacobian() : null;
        double[] cursor = session.cursor();
        var fixedWindow = session.fixedWindow();
        var movingWindow = session.movingWindow();
        var fusion = session.fusion();
        renders.submit(() -> {
            SliceImage img = renderer.render(fixed, moving, transform, deformed, jacobian, plane, cursor,
                    fixedWindow, movingWindow, fusion);
            Platform.runLater(() -> show(img, generation));
        });
        drawOverlay();
    }

    /** True when the newest requested render is on screen. */
    public boolean isUpToDate() {
        return shown == requested;
    }

    private void show(SliceImage img, long generation) {
        if (generation < shown || session.fixed().isEmpty()) {
            return;
        }
        shown = generation;
        current = img;
        SliceGrid g = img.grid();
        if (image == null || (int) image.getWidth() != g.width() || (int) image.getHeight() != g.height()) {
            image = new WritableImage(g.width(), g.height());
            imageView.setImage(image);
        }
        image.getPixelWriter().setPixels(0, 0, g.width(), g.height(), PixelFormat.getIntArgbInstance(),
                img.argb(), 0, g.width());
        layoutChildren();
    }

    @Override
    protected void layoutChildren() {
        overlay.setWidth(getWidth());
        overlay.setHeight(getHeight());
        if (current != null) {
            double s = scale();
            imageView.setFitWidth(current.grid().width() * s);
            imageView.setFitHeight(current.grid().height() * s);
            imageView.relocate(offsetX(), offsetY());
        }
        drawOverlay();
    }

    private void drawOverlay() {
        GraphicsContext gc = overlay.getGraphicsContext2D();
        gc.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
        if (current == null) {
            gc.setFill(Color.gray(0.6));
            gc.fillText(plane.name().charAt(0) + plane.name().substring(1).toLowerCase() + ": open a fixed image",
                    10, 20);
            return;
        }
        SliceGrid g = current.grid();
        double[] c = g.toPixel(session.cursor());
        double[] sc = toScreen(c[0], c[1]);
        gc.setStroke(Color.rgb(255, 210, 0, 0.8));
        gc.setLineWidth(1);
        gc.strokeLine(sc[0], 0, sc[0], getHeight());
        gc.strokeLine(0, sc[1], getWidth(), sc[1]);
        session.roi().ifPresent(box -> {
            double[] a = toScreenOfWorld(g, box.min());
            double[] b = toScreenOfWorld(g, box.max());
            double x0 = Math.min(a[0], b[0]);
            double y0 = Math.min(a[1], b[1]);
            double w = Math.abs(b[0] - a[0]);
            double h = Math.abs(b[1] - a[1]);
            int n = plane.normalAxis();
            boolean crossing = session.cursor()[n] >= box.min(n) && session.cursor()[n] <= box.max(n);
            gc.setStroke(crossing ? Color.DEEPSKYBLUE : Color.rgb(0, 191, 255, 0.4));
            gc.setLineDashes(crossing ? null : new double[] {6, 4});
            gc.setLineWidth(1.5);
            gc.strokeRect(x0, y0, w, h);
            gc.setLineDashes((double[]) null);
            gc.setFill(Color.DEEPSKYBLUE);
            for (double[] corner : new double[][] {{x0, y0}, {x0 + w, y0}, {x0, y0 + h}, {x0 + w, y0 + h}}) {
                gc.fillRect(corner[0] - 3, corner[1] - 3, 6, 6);
            }
        });
        drawPoints(gc, g);
        LandmarkOverlay.draw(gc, session, g, p -> toScreenOfWorld(g, p));
        gc.setFill(Color.rgb(255, 210, 0));
        String label = plane.name().charAt(0) + plane.name().substring(1).toLowerCase();
        gc.fillText(label + (zoom != 1 ? String.format("  x%.2f", zoom) : ""), 8, 16);
        drawOrientationLetters(gc);
    }

    /** Planning points near this plane: solid within one pixel's depth, hollow and fainter further away. */
    private void drawPoints(GraphicsContext gc, SliceGrid g) {
        int n = plane.normalAxis();
        for (var m : org.coreg.app.points.PointMarkers.nearPlane(session.points(), n, session.cursor()[n])) {
            double[] s = toScreenOfWorld(g, m.point().lps());
            double depth = Math.abs(m.distanceMm());
            boolean inPlane = depth <= g.pixelMm() / 2;
            double alpha = inPlane ? 1 : 0.35 + 0.5 * (1 - depth / org.coreg.app.points.PointMarkers.SLAB_MM);
            Color c = Color.rgb(255, 80, 80, alpha);
            double r = inPlane ? 5 : 3.5;
            gc.setStroke(c);
            gc.setFill(c);
            gc.setLineWidth(1.5);
            if (inPlane) {
                gc.fillOval(s[0] - r, s[1] - r, 2 * r, 2 * r);
            } else {
                gc.strokeOval(s[0] - r, s[1] - r, 2 * r, 2 * r);
            }
            gc.fillText(m.point().label(), s[0] + 7, s[1] - 5);
        }
    }

    double[] toScreenOfWorld(SliceGrid g, double[] p) {
        double[] px = g.toPixel(p);
        return toScreen(px[0], px[1]);
    }

    private void drawOrientationLetters(GraphicsContext gc) {
        String[] pos = {"L", "P", "S"};
        String[] neg = {"R", "A", "I"};
        double[] r = plane.right();
        double[] d = plane.down();
        int ra = r[0] != 0 ? 0 : r[1] != 0 ? 1 : 2;
        int da = d[0] != 0 ? 0 : d[1] != 0 ? 1 : 2;
        String right = r[ra] > 0 ? pos[ra] : neg[ra];
        String left = r[ra] > 0 ? neg[ra] : pos[ra];
        String bottom = d[da] > 0 ? pos[da] : neg[da];
        String top = d[da] > 0 ? neg[da] : pos[da];
        gc.setFill(Color.rgb(255, 210, 0, 0.9));
        gc.fillText(left, 6, getHeight() / 2);
        gc.fillText(right, getWidth() - 14, getHeight() / 2);
        gc.fillText(top, getWidth() / 2, 16);
        gc.fillText(bottom, getWidth() / 2, getHeight() - 6);
    }
}
