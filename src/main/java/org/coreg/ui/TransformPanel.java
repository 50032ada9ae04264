package org.coreg.ui;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.coreg.app.session.Session;
import org.coreg.app.session.TransformLibrary;

/**
 * The transforms kept in the session (registration results and saved alignments, each fixed -> moving): keep the
 * current one, use, rename or delete a kept one, and swap fixed and moving (the transform is inverted).
 */
final class TransformPanel extends VBox {
    private final Session session;
    private final ListView<TransformLibrary.Entry> list = new ListView<>();
    private final TextField name = new TextField();

    TransformPanel(Session session) {
        super(6);
        this.session = session;
        setPadding(new Insets(6));
        list.setId("transformList");
        list.setPrefHeight(140);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(TransformLibrary.Entry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : e.name() + "  (" + e.origin() + ")");
            }
        });
        session.transforms().addListener(() -> list.getItems().setAll(session.transforms().entries()));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> name.setText(e == null ? "" : e.name()));
        name.setId("transformName");
        name.setPromptText("name");
        Button keep = button("Keep current", "keepTransform", () -> session.transforms().add("Manual",
                session.fixedToMoving(), "manual alignment"));
        Button use = button("Use", "useTransform", () -> selected(e -> session.setTransform(e.fixedToMoving())));
        Button rename = button("Rename", "renameTransform", () -> selected(e -> session.transforms().rename(e,
                name.getText())));
        Button delete = button("Delete", "deleteTransform", () -> selected(e -> session.transforms().remove(e)));
        Button swap = button("Swap fixed and moving", "swapFixedMoving", () -> {
            if (session.fixed().isPresent() && session.moving().isPresent()) {
                session.swapFixedAndMoving();
            }
        });
        getChildren().addAll(list, new HBox(6, keep, use, delete), new HBox(6, name, rename), swap);
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private void selected(java.util.function.Consumer<TransformLibrary.Entry> action) {
        TransformLibrary.Entry e = list.getSelectionModel().getSelectedItem();
        if (e != null) {
            action.accept(e);
        }
    }
}
