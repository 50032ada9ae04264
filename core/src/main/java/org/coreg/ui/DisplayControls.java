package org.coreg.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import org.coreg.app.render.FusionMode;
import org.coreg.app.render.WindowPreset;
import org.coreg.app.session.Session;
import org.coreg.app.session.SessionChange;

/**
 * Tool bar: mouse mode, fusion mode and opacity, checkerboard tile, the Jacobian-determinant overlay of a B-spline
 * result, window presets, undo and redo.
 */
final class DisplayControls extends FlowPane {
    private final Session session;
    private final ToggleGroup modes = new ToggleGroup();
    private final Button undo = new Button("Undo");
    private final Button redo = new Button("Redo");

    DisplayControls(Session session) {
        super(8, 4);
        this.session = session;
        setId("displayControls");
        setPadding(new Insets(4, 8, 4, 8));
        setAlignment(Pos.CENTER_LEFT);

        ToggleButton navigate = mode("Navigate", "modeNavigate", ViewMode.NAVIGATE);
        ToggleButton preAlign = mode("Pre-align", "modePreAlign", ViewMode.PRE_ALIGN);
        ToggleButton roi = mode("Crop box", "modeRoi", ViewMode.ROI);
        ToggleButton points = mode("Points", "modePoints", ViewMode.POINTS);
        ToggleButton landmarks = mode("Landmarks", "modeLandmarks", ViewMode.LANDMARKS);
        navigate.setSelected(true);
        modes.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one mode is always active
            }
        });

        ComboBox<FusionMode> fusion = new ComboBox<>();
        fusion.setId("fusionMode");
        fusion.getItems().setAll(FusionMode.values());
        fusion.setValue(session.fusion().mode());
        fusion.valueProperty().addListener((o, a, m) -> session.setFusion(session.fusion().withMode(m)));

        Slider opacity = new Slider(0, 1, session.fusion().opacity());
        opacity.setId("opacity");
        opacity.setPrefWidth(110);
        opacity.valueProperty().addListener((o, a, v) -> session.setFusion(session.fusion().withOpacity(
                Math.max(0, Math.min(1, v.doubleValue())))));

        Slider tile = new Slider(2, 128, session.fusion().tilePixels());
        tile.setId("tileSize");
        tile.setPrefWidth(80);
        tile.valueProperty().addListener((o, a, v) -> session.setFusion(session.fusion().withTilePixels(
                Math.max(1, v.intValue()))));

        CheckBox showMoving = new CheckBox("Moving");
        showMoving.setId("showMoving");
        showMoving.setSelected(true);
        showMoving.selectedProperty().addListener((o, a, v) -> session.setFusion(session.fusion().withMovingVisible(v)));

        // the determinant of the last B-spline result, offered only while that result is the current transform
        CheckBox jacobian = new CheckBox("Jacobian determinant");
        jacobian.setId("showJacobian");
        jacobian.setTooltip(new javafx.scene.control.Tooltip("Colour map of the B-spline's Jacobian determinant on the "
                + "fixed grid: blue compressed, red expanded, yellow folded"));
        jacobian.selectedProperty().addListener((o, a, v) -> session.showJacobian(v));
        jacobian.setDisable(session.deformation().isEmpty());

        ComboBox<WindowPreset> fixedPreset = preset("fixedPreset", true);
        ComboBox<WindowPreset> movingPreset = preset("movingPreset", false);

        undo.setId("undo");
        redo.setId("redo");
        undo.setOnAction(e -> session.undo());
        redo.setOnAction(e -> session.redo());
        session.addListener(c -> {
            if (c == SessionChange.HISTORY || c == SessionChange.VOLUMES) {
                updateHistoryButtons();
            }
            if (c == SessionChange.TRANSFORM || c == SessionChange.VOLUMES || c == SessionChange.HISTORY) {
                jacobian.setDisable(session.deformation().isEmpty());
            }
            if (c == SessionChange.DISPLAY && fusion.getValue() != session.fusion().mode()) {
                fusion.setValue(session.fusion().mode()); // changed elsewhere (command line)
            }
            if (c == SessionChange.DISPLAY || c == SessionChange.VOLUMES) {
                showCurrentWindow(fixedPreset, true);
                showCurrentWindow(movingPreset, false);
            }
        });
        updateHistoryButtons();

        getChildren().addAll(group(navigate, preAlign, roi, points, landmarks), group(undo, redo),
                group(new Label("Overlay"), fusion, new Label("Opacity"), opacity, new Label("Tile"), tile, showMoving),
                group(new Label("Window fixed"), fixedPreset, new Label("moving"), movingPreset),
                group(jacobian)); // its own group, after the others: it wraps before they do
    }

    /** Controls that belong together, kept on one line when the bar wraps. */
    private static HBox group(javafx.scene.Node... nodes) {
        HBox box = new HBox(6, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(0, 10, 0, 0));
        for (javafx.scene.Node n : nodes) {
            if (n instanceof Label l) {
                l.setMinWidth(Label.USE_PREF_SIZE);
            }
        }
        return box;
    }

    private ToggleButton mode(String text, String id, ViewMode m) {
        ToggleButton b = new ToggleButton(text);
        b.setId(id);
        b.setUserData(m);
        b.setToggleGroup(modes);
        return b;
    }

    private ComboBox<WindowPreset> preset(String id, boolean fixed) {
        ComboBox<WindowPreset> box = new ComboBox<>();
        box.setId(id);
        box.setPromptText("no image");
        box.getItems().setAll(WindowPreset.values());
        box.valueProperty().addListener((o, a, p) -> {
            if (p == null || showingWindow) {
                return;
            }
            if (fixed) {
                session.fixed().ifPresent(v -> session.setFixedWindow(p.windowFor(v)));
            } else {
                session.moving().ifPresent(v -> session.setMovingWindow(p.windowFor(v)));
            }
        });
        return box;
    }

    /**
     * Shows the preset the image's current window equals, or "W width / L level" when it is none of them (a right
     * drag, a session file), so the box always says what is on screen rather than a bare "preset".
     */
    private void showCurrentWindow(ComboBox<WindowPreset> box, boolean fixed) {
        var volume = fixed ? session.fixed() : session.moving();
        if (volume.isEmpty()) {
            showingWindow = true;
            box.setValue(null);
            box.setPromptText("no image");
            showingWindow = false;
            return;
        }
        var w = fixed ? session.fixedWindow() : session.movingWindow();
        WindowPreset match = null;
        for (WindowPreset p : WindowPreset.values()) {
            if (p.windowFor(volume.get()).equals(w)) {
                match = p;
            }
        }
        showingWindow = true; // a value shown, not chosen: it must not set the window again
        box.setValue(match);
        box.setPromptText(String.format(java.util.Locale.ROOT, "W %.0f / L %.0f", w.width(), w.level()));
        showingWindow = false;
    }

    private void updateHistoryButtons() {
        undo.setDisable(!session.canUndo());
        redo.setDisable(!session.canRedo());
    }

    private boolean showingWindow;

    /** The active mouse mode. */
    ViewMode mode() {
        return modes.getSelectedToggle() == null ? ViewMode.NAVIGATE : (ViewMode) modes.getSelectedToggle().getUserData();
    }
}
