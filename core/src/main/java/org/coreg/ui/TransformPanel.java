package org.coreg.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.coreg.app.UserMessages;
import org.coreg.app.Workstation;
import org.coreg.app.session.Session;
import org.coreg.app.session.TransformLibrary;
import org.coreg.app.transforms.HardenMoving;
import org.coreg.app.transforms.TransformActionException;
import org.coreg.app.transforms.TransformExchange;
import org.coreg.app.transforms.TransformManager;

/**
 * The transform manager: the transforms kept in the session (each fixed -> moving, with the volumes it applies to
 * and how it was made). Keep the current one; use, compose, invert, harden, rename, delete, import and export kept
 * ones; swap fixed and moving. Every action is a use case of {@code org.coreg.app.transforms}; this panel only picks
 * the entries and shows the outcome. Failures show a plain message and change nothing.
 */
final class TransformPanel extends VBox {
    private final Workstation workstation;
    private final Session session;
    private final TransformManager manager;
    private final TransformExchange exchange;
    private final HardenMoving harden;
    private final Consumer<String> errors;
    private final ListView<TransformLibrary.Entry> list = new ListView<>();
    private final TextField name = new TextField();
    private final Label status = new Label();
    private Consumer<String> exported = m -> { };
    private final Button undoHarden;
    private TransformDialogs dialogs;

    TransformPanel(Workstation workstation, Consumer<String> errors, TransformDialogs dialogs) {
        super(6);
        this.workstation = workstation;
        this.session = workstation.session();
        this.manager = new TransformManager(session);
        this.exchange = new TransformExchange(session);
        this.harden = new HardenMoving(session);
        this.errors = errors;
        this.dialogs = dialogs;
        setPadding(new Insets(6));
        list.setId("transformList");
        list.setPrefHeight(160);
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(TransformLibrary.Entry e, boolean empty) {
                super.updateItem(e, empty);
                // a B-spline result says so in its origin ("rigid + B-spline (grid 20 mm)"); wrapped, not cut
                setText(empty || e == null ? null : e.name() + "\n  " + e.appliesTo() + "\n  " + e.origin());
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        session.transforms().addListener(() -> list.getItems().setAll(session.transforms().entries()));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> name.setText(e == null ? "" : e.name()));
        name.setId("transformName");
        name.setPromptText("name");
        status.setId("transformStatus");
        status.setWrapText(true);
        Button keep = button("Keep current", "keepTransform", manager::keepCurrent);
        Button use = button("Use", "useTransform", () -> one(e -> status.setText(manager.use(e)
                ? "Using '" + e.name() + "'"
                : "Using the affine part of '" + e.name() + "': its B-spline is not the session's current result "
                        + "(export the entry to apply it whole)")));
        Button delete = button("Delete", "deleteTransform", () -> selected().forEach(manager::delete));
        Button rename = button("Rename", "renameTransform", () -> one(e -> act(() -> manager.rename(e, name.getText()),
                "Renamed")));
        Button compose = button("Compose", "composeTransforms", this::compose);
        compose.setTooltip(new Tooltip("Select two: the upper one is applied first, then the lower one"));
        Button invert = button("Invert", "invertTransform", () -> one(e -> act(() -> manager.invert(e), "Added")));
        Button hardenButton = button("Harden", "hardenTransform", () -> one(this::harden));
        hardenButton.setTooltip(new Tooltip("Bake the transform into the moving volume's geometry"));
        undoHarden = button("Undo harden", "undoHarden", () -> {
            harden.undo();
            status.setText("Hardening undone: the moving volume is as it was");
            updateEnabled();
        });
        Button importButton = button("Import...", "importTransform", this::importFile);
        Button export = button("Export...", "exportTransform", () -> one(this::export));
        Button swap = button("Swap fixed and moving", "swapFixedMoving", () -> {
            if (session.fixed().isPresent() && session.moving().isPresent()) {
                session.swapFixedAndMoving();
            }
        });
        session.addListener(c -> updateEnabled());
        updateEnabled();
        FlowPane actions = new FlowPane(6, 6, keep, use, delete, compose, invert, hardenButton, undoHarden, importButton,
                export);
        actions.setPrefWrapLength(270);
        getChildren().addAll(list, new HBox(6, name, rename), actions, swap, status);
    }

    /** Replaces the file choosers and confirmations (tests answer them without native dialogs). */
    void setDialogs(TransformDialogs d) {
        dialogs = d;
    }

    /** The last action's outcome, as shown under the buttons. */
    String statusText() {
        return status.getText();
    }

    private void updateEnabled() {
        undoHarden.setDisable(!harden.canUndo());
    }

    private interface Action {
        TransformLibrary.Entry run() throws TransformActionException;
    }

    private void act(Action a, String verb) {
        try {
            TransformLibrary.Entry e = a.run();
            list.getSelectionModel().clearSelection();
            list.getSelectionModel().select(e);
            status.setText(verb + " '" + e.name() + "'");
        } catch (TransformActionException x) {
            errors.accept(UserMessages.describe(x));
        }
    }

    private void compose() {
        List<TransformLibrary.Entry> s = selected();
        if (s.size() != 2) {
            status.setText("Select two transforms to compose (the upper one is applied first).");
            return;
        }
        List<TransformLibrary.Entry> inOrder = session.transforms().entries().stream().filter(s::contains).toList();
        act(() -> manager.compose(inOrder.get(0), inOrder.get(1)), "Added");
    }

    private void harden(TransformLibrary.Entry e) {
        if (session.moving().isEmpty()) {
            errors.accept("There is no moving volume to harden the transform into.\n\nWhat to try: Open a moving "
                    + "volume first.");
            return;
        }
        if (!dialogs.confirm("Harden '" + e.name() + "' into the moving volume? Its voxels stay as they are; its "
                + "position and orientation change so that it lies in fixed space, and the kept transforms are "
                + "re-expressed for it. 'Undo harden' puts everything back.")) {
            return;
        }
        var base = session.moving().flatMap(workstation::originOf);
        harden.harden(workstation.tasks(), e, history -> {
            // a saved session reads the hardened volume again by hardening its source (no image file needed)
            base.ifPresent(b -> session.moving().ifPresent(m -> workstation.rememberSource(m,
                    new org.coreg.app.load.VolumeSource.Hardened(b, e.name(), e.fixedToMoving()))));
            status.setText("Hardened: " + history);
            updateEnabled();
        }, x -> errors.accept(UserMessages.describe(x)));
    }

    private void importFile() {
        Path f = dialogs.chooseImport();
        if (f != null) {
            act(() -> exchange.importFile(f), "Imported");
        }
    }

    private void export(TransformLibrary.Entry e) {
        Path f = dialogs.chooseExport(e.name());
        if (f == null) {
            return;
        }
        try {
            var written = exchange.export(e, f);
            status.setText("Exported '" + e.name() + "' (fixed -> moving, LPS mm) to " + written.getLast());
            exported.accept("Exported the transform '" + e.name() + "' to " + written.getLast().getFileName());
        } catch (TransformActionException x) {
            errors.accept(UserMessages.describe(x));
        }
    }

    /** Where a short confirmation goes after an export (the status bar). */
    void setOnExported(Consumer<String> confirmation) {
        exported = java.util.Objects.requireNonNull(confirmation);
    }

    private List<TransformLibrary.Entry> selected() {
        return List.copyOf(list.getSelectionModel().getSelectedItems());
    }

    private void one(Consumer<TransformLibrary.Entry> action) {
        List<TransformLibrary.Entry> s = selected();
        if (s.size() != 1) {
            status.setText("Select one transform.");
            return;
        }
        action.accept(s.getFirst());
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }
}
