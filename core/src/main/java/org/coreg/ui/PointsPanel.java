package org.coreg.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.coreg.app.UserMessages;
import org.coreg.app.points.PointRow;
import org.coreg.app.points.PointsEditor;
import org.coreg.app.session.Session;
import org.coreg.app.session.SessionChange;
import org.coreg.points.Space;

/**
 * Planning points: a table of every point with its x, y, z in the space the user chooses (fixed LPS, fixed RAS, or
 * mapped into moving space through the current transform, all mm); name and description are edited in the table; delete, import and export (in fixed space or mapped to
 * moving space). Clicks in the views in Points mode arrive at {@link #place(double[])}.
 */
final class PointsPanel extends VBox {
    /** Which image a click in Points mode plants a point on. */
    enum Target { FIXED, MOVING }

    private final Session session;
    private final PointsEditor editor;
    private final Consumer<String> errors;
    private final TableView<PointRow> table = new TableView<>();
    private Consumer<String> exported = m -> { };
    private final ChoiceBox<Target> target = new ChoiceBox<>();
    private final ChoiceBox<Space> fileSpace = new ChoiceBox<>();
    private final ChoiceBox<Shown> shown = new ChoiceBox<>();

    /** Which position of a point the table's x, y, z columns show (mm). */
    enum Shown {
        FIXED_LPS("fixed LPS", PointRow::fixedLps),
        FIXED_RAS("fixed RAS", PointRow::fixedRas),
        MOVING_LPS("moving LPS (mapped)", PointRow::movingLps);

        private final String text;
        private final Function<PointRow, double[]> point;

        Shown(String text, Function<PointRow, double[]> point) {
            this.text = text;
            this.point = point;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    PointsPanel(Session session, Consumer<String> errors, java.util.function.Supplier<Window> owner) {
        super(6);
        this.session = session;
        this.editor = new PointsEditor(session);
        this.errors = errors;
        setPadding(new Insets(6));
        table.setId("pointsTable");
        table.setEditable(true);
        table.setPrefHeight(220);
        TableColumn<PointRow, String> label = new TableColumn<>("Name");
        label.setCellValueFactory(r -> new ReadOnlyStringWrapper(r.getValue().label()));
        label.setCellFactory(TextFieldTableCell.forTableColumn());
        label.setOnEditCommit(e -> {
            if (!editor.rename(e.getRowValue().index(), e.getNewValue())) {
                table.refresh(); // blank or taken: the old name stays
            }
        });
        TableColumn<PointRow, String> description = new TableColumn<>("Description");
        description.setCellValueFactory(r -> new ReadOnlyStringWrapper(r.getValue().description()));
        description.setCellFactory(TextFieldTableCell.forTableColumn());
        description.setOnEditCommit(e -> editor.describe(e.getRowValue().index(), e.getNewValue()));
        // the name, then x, y, z of one space (narrow, monospace) fit the default side panel; the description last
        // takes whatever width is left
        label.setPrefWidth(78);
        description.setPrefWidth(110);
        table.getColumns().add(label);
        table.getColumns().addAll(CoordinateColumns.<PointRow>of(() -> shown.getValue().point));
        table.getColumns().add(description);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        shown.setId("pointCoordinates");
        shown.getItems().setAll(Shown.values());
        shown.setValue(Shown.FIXED_LPS);
        shown.valueProperty().addListener((o, a, v) -> table.refresh());
        session.addListener(c -> {
            if (c == SessionChange.POINTS || c == SessionChange.TRANSFORM || c == SessionChange.VOLUMES) {
                table.getItems().setAll(editor.rows());
            }
        });

        target.setId("pointTarget");
        target.getItems().setAll(Target.values());
        target.setValue(Target.FIXED);
        fileSpace.setId("pointFileSpace");
        fileSpace.getItems().setAll(Space.FIXED, Space.MOVING);
        fileSpace.setValue(Space.FIXED);

        Button delete = new Button("Delete");
        delete.setId("deletePoint");
        delete.setOnAction(e -> {
            PointRow r = table.getSelectionModel().getSelectedItem();
            if (r != null) {
                editor.delete(r.index());
            }
        });
        Button importButton = new Button("Import...");
        importButton.setId("importPoints");
        importButton.setOnAction(e -> {
            File f = chooser("Import points").showOpenDialog(owner.get());
            if (f != null) {
                importFrom(f.toPath());
            }
        });
        Button export = new Button("Export...");
        export.setId("exportPoints");
        export.setOnAction(e -> {
            File f = chooser("Export points").showSaveDialog(owner.get());
            if (f != null) {
                exportTo(f.toPath(), fileSpace.getValue());
            }
        });
        Label help = new Label("Points mode: click plants a point, drag moves one. Points are kept in fixed "
                + "space; moving = mapped by the current fixed -> moving transform. 'Files in' says which space "
                + "imported files are in and exported files are written in.");
        help.setWrapText(true);
        getChildren().addAll(new HBox(6, new Label("Click plants on"), target),
                new HBox(6, new Label("x, y, z (mm) in"), shown), table,
                new javafx.scene.layout.FlowPane(6, 6, new Label("Files in"), fileSpace, importButton, export), delete,
                help);
    }

    /** The points table (its column widths are remembered by the window). */
    TableView<PointRow> table() {
        return table;
    }

    private static FileChooser chooser(String title) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Point files", "*.mrk.json", "*.fcsv",
                "*.csv", "*.txt", "*.pts"), new FileChooser.ExtensionFilter("All files", "*"));
        return c;
    }

    /**
     * Plants a point clicked at {@code fixedLps} (the views show fixed space). On the fixed image it is stored as
     * clicked; on the moving image the moving anatomy under the click, {@code T(fixedLps)}, is mapped back with the
     * inverse transform.
     */
    void place(double[] fixedLps) {
        try {
            if (target.getValue() == Target.MOVING && session.moving().isPresent()) {
                editor.addFromMoving(session.fixedToMoving().apply(fixedLps));
            } else {
                editor.addFixed(fixedLps);
            }
        } catch (Exception e) {
            errors.accept(UserMessages.describe(e));
        }
    }

    /**
     * Imports a point file whose points are in the space the "Files in" choice says; a failure shows a message and
     * leaves the points as they were.
     */
    void importFrom(Path file) {
        try {
            editor.importFile(file, session.fixed().map(v -> v.geometry()).orElse(null), fileSpace.getValue());
        } catch (Exception e) {
            errors.accept(UserMessages.describe(e));
        }
    }

    /** Exports the points in fixed space, or mapped into moving space. */
    void exportTo(Path file, Space space) {
        try {
            editor.export(file, space);
            exported.accept("Exported " + session.points().size() + " planning point"
                    + (session.points().size() == 1 ? "" : "s") + " (" + space.name().toLowerCase(Locale.ROOT)
                    + " space) to " + file.getFileName());
        } catch (Exception e) {
            errors.accept(UserMessages.describe(e));
        }
    }

    /** Where a short confirmation goes after an export (the status bar). */
    void setOnExported(Consumer<String> confirmation) {
        exported = java.util.Objects.requireNonNull(confirmation);
    }

    /** Chooses the space whose x, y, z the table shows. */
    void show(Shown space) {
        shown.setValue(space);
    }

    void setTarget(Target t) {
        target.setValue(t);
    }
}
