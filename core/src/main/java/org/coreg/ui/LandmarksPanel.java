package org.coreg.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.coreg.app.UserMessages;
import javafx.scene.control.ChoiceBox;
import org.coreg.app.landmarks.LandmarkAlignment;
import org.coreg.app.landmarks.LandmarkEditor;
import org.coreg.app.landmarks.LandmarkRow;
import org.coreg.app.render.FusionMode;
import org.coreg.app.session.Session;
import org.coreg.app.session.SessionChange;
import org.coreg.points.Space;
import org.coreg.registration.landmarks.LandmarkFitKind;

/**
 * Landmarks: which image the next click plants on, a table of the pairs (x, y, z of the fixed points in fixed LPS mm
 * or of the moving points in moving LPS mm, as the user chooses, and each pair's error under the current transform), rename in the table, delete, clear, and import and
 * export as two point files. Clicks in the views in Landmarks mode arrive at {@link #plant(double[])}.
 */
final class LandmarksPanel extends VBox {
    private final Session session;
    private final LandmarkEditor editor;
    private final Consumer<String> errors;
    private final Supplier<Window> owner;
    private final TableView<LandmarkRow> table = new TableView<>();
    private final Label next = new Label();
    private final Label summary = new Label();
    private final CheckBox solo = new CheckBox("Show only the image to click on");
    private final ChoiceBox<LandmarkFitKind> fit = new ChoiceBox<>();
    private final ChoiceBox<Shown> shown = new ChoiceBox<>();

    /** Which point of each pair the table's x, y, z columns show, each in its own image's LPS mm. */
    enum Shown {
        FIXED("fixed points (fixed LPS)", LandmarkRow::fixedLps),
        MOVING("moving points (moving LPS)", LandmarkRow::movingLps);

        private final String text;
        private final Function<LandmarkRow, double[]> point;

        Shown(String text, Function<LandmarkRow, double[]> point) {
            this.text = text;
            this.point = point;
        }

        @Override
        public String toString() {
            return text;
        }
    }
    private final Button align = new Button("Align from landmarks");
    private final LandmarkAlignment alignment;
    /** True while the table's rows are replaced: the selection it keeps then is not the user's choice. */
    private boolean refilling;

    LandmarksPanel(Session session, Consumer<String> errors, Supplier<Window> owner) {
        super(6);
        this.session = session;
        this.editor = new LandmarkEditor(session);
        this.errors = errors;
        this.owner = owner;
        this.alignment = new LandmarkAlignment(session);
        setPadding(new Insets(6));
        next.setId("landmarkNext");
        next.setStyle("-fx-font-weight: bold;");
        summary.setId("landmarkSummary");
        summary.setWrapText(true);
        solo.setId("landmarkSolo");
        solo.selectedProperty().addListener((o, a, v) -> showSide());
        table.setId("landmarkTable");
        table.setEditable(true);
        table.setPrefHeight(200);
        table.setPlaceholder(new Label("No landmarks: choose Landmarks mode and click the fixed image"));
        TableColumn<LandmarkRow, String> label = new TableColumn<>("Name");
        label.setCellValueFactory(r -> new ReadOnlyStringWrapper(r.getValue().label()));
        label.setCellFactory(TextFieldTableCell.forTableColumn());
        label.setOnEditCommit(e -> {
            if (!editor.rename(e.getRowValue().index(), e.getNewValue())) {
                table.refresh(); // blank or taken: the old name stays
            }
        });
        label.setPrefWidth(66);
        table.getColumns().add(label);
        // the name, x, y, z of one side of the pairs (narrow, monospace) and the error fit the default side panel
        table.getColumns().addAll(CoordinateColumns.<LandmarkRow>of(() -> shown.getValue().point));
        TableColumn<LandmarkRow, String> error = column("Error", r -> r.complete()
                ? String.format(Locale.ROOT, "%.2f", r.errorMm()) : "", 58);
        error.setStyle("-fx-alignment: CENTER-RIGHT; -fx-font-family: monospace;"); // mm, like x, y, z
        table.getColumns().add(error);
        shown.setId("landmarkCoordinates");
        shown.getItems().setAll(Shown.values());
        shown.setValue(Shown.FIXED);
        shown.valueProperty().addListener((o, a, v) -> table.refresh());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // selecting a pair takes the crosshair to its fixed point, so both of its marks show in the views
        table.getSelectionModel().selectedItemProperty().addListener((o, was, row) -> {
            if (!refilling && row != null && !java.util.Arrays.equals(row.fixedLps(), session.cursor())) {
                session.setCursor(row.fixedLps());
            }
        });
        session.addListener(c -> {
            if (c == SessionChange.LANDMARKS || c == SessionChange.TRANSFORM || c == SessionChange.VOLUMES) {
                update();
            }
        });

        Button delete = button("Delete", "deleteLandmark", () -> {
            LandmarkRow r = table.getSelectionModel().getSelectedItem();
            if (r != null) {
                editor.delete(r.index());
            }
        });
        Button clear = button("Clear", "clearLandmarks", editor::clear);
        Button importButton = button("Import...", "importLandmarks", this::chooseImport);
        Button export = button("Export...", "exportLandmarks", this::chooseExport);
        fit.setId("landmarkFit");
        fit.getItems().setAll(LandmarkFitKind.values());
        fit.setValue(LandmarkFitKind.RIGID);
        fit.valueProperty().addListener((o, a, v) -> update());
        align.setId("alignLandmarks");
        align.setOnAction(e -> alignFromLandmarks());
        Label help = new Label("Landmarks mode: the first click plants a pair's point on the fixed image, the second "
                + "its point on the moving image (the moving anatomy under the mouse, kept in moving space). With 3 "
                + "or more pairs, Register starts from their rigid fit; 'Align from landmarks' uses the fit alone. "
                + "Files: one for the fixed image and one for the moving image, matched by name, else by order.");
        help.setWrapText(true);
        getChildren().addAll(next, solo, new HBox(6, new Label("x, y, z (mm) of the"), shown), table, summary, new HBox(6, delete, clear, importButton, export),
                new HBox(6, fit, align), help);
        update();
    }

    private static TableColumn<LandmarkRow, String> column(String title, Function<LandmarkRow, String> f, double w) {
        TableColumn<LandmarkRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(r -> new ReadOnlyStringWrapper(f.apply(r.getValue())));
        c.setEditable(false);
        c.setPrefWidth(w);
        return c;
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private void update() {
        refilling = true;
        try {
            table.getItems().setAll(editor.rows());
        } finally {
            refilling = false;
        }
        boolean moving = editor.nextSide() == Space.MOVING;
        next.setText(moving ? "Next click: the MOVING image (pair " + session.landmarks().getLast().label() + ")"
                : "Next click: the FIXED image (a new pair)");
        next.setTextFill(moving ? LandmarkOverlay.MOVING.darker() : LandmarkOverlay.FIXED.darker());
        var errors = editor.errors(session.fixedToMoving());
        summary.setText(errors.points().isEmpty() ? "No complete pairs yet"
                : String.format(Locale.ROOT, "%d pairs under the current transform: mean %.2f mm, max %.2f mm, "
                        + "RMS %.2f mm", errors.points().size(), errors.meanMm(), errors.maxMm(), errors.rmsMm()));
        align.setDisable(!alignment.canAlign(fit.getValue()));
        showSide();
    }

    /** With "show only", blends the views fully to the image the next click plants on. */
    private void showSide() {
        if (solo.isSelected()) {
            double opacity = editor.nextSide() == Space.MOVING ? 1 : 0;
            session.setFusion(session.fusion().withMode(FusionMode.BLEND).withOpacity(opacity).withMovingVisible(true));
        }
    }

    /** Registers from the landmarks alone; the badge shows the fit's report, a refusal also comes as a message. */
    void alignFromLandmarks() {
        var outcome = alignment.align(fit.getValue());
        if (!outcome.usable()) {
            errors.accept("The landmarks cannot give a transform; the transform is unchanged.\n\n"
                    + outcome.report().reasonsText());
        }
    }

    /** Chooses which point of each pair the table's x, y, z show. */
    void show(Shown side) {
        shown.setValue(side);
    }

    /** The landmark table (its column widths are remembered by the window). */
    TableView<LandmarkRow> table() {
        return table;
    }

    /** Plants the next point of a pair for a click at {@code fixedLps} (fixed LPS mm). */
    void plant(double[] fixedLps) {
        editor.plant(fixedLps);
    }

    private void chooseImport() {
        File f = chooser("Landmarks on the FIXED image").showOpenDialog(owner.get());
        File m = f == null ? null : chooser("Landmarks on the MOVING image").showOpenDialog(owner.get());
        if (m != null) {
            importFrom(f.toPath(), m.toPath());
        }
    }

    private void chooseExport() {
        File f = chooser("Save the FIXED image's landmarks").showSaveDialog(owner.get());
        File m = f == null ? null : chooser("Save the MOVING image's landmarks").showSaveDialog(owner.get());
        if (m != null) {
            exportTo(f.toPath(), m.toPath());
        }
    }

    private static FileChooser chooser(String title) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Point files", "*.mrk.json", "*.fcsv",
                "*.csv", "*.txt", "*.pts"), new FileChooser.ExtensionFilter("All files", "*"));
        return c;
    }

    /** Replaces the pairs with those of two point files; a failure shows a message and changes nothing. */
    void importFrom(Path fixedFile, Path movingFile) {
        try {
            editor.importFiles(fixedFile, movingFile, session.fixed().map(v -> v.geometry()).orElse(null),
                    session.moving().map(v -> v.geometry()).orElse(null));
        } catch (Exception e) {
            errors.accept(UserMessages.describe(e));
        }
    }

    /** Writes the complete pairs as a fixed-image and a moving-image point file. */
    void exportTo(Path fixedFile, Path movingFile) {
        try {
            editor.export(fixedFile, movingFile);
        } catch (Exception e) {
            errors.accept(UserMessages.describe(e));
        }
    }
}
