package org.coreg.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/** Shows a plain-language error: the message and what to try, never a stack trace. */
public final class ErrorDialogs {
    /** The width of dialog text, in pixels: long messages wrap instead of widening the dialog past the screen. */
    static final double TEXT_WIDTH = 520;

    private ErrorDialogs() {
    }

    public static void show(Window owner, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, "", ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle("Coreg");
        alert.setHeaderText("That did not work");
        wrap(alert, message).setId("errorMessage");
        alert.show();
    }

    /** Replaces {@code alert}'s content text by a label wrapped at {@link #TEXT_WIDTH}; returns the label. */
    static Label wrap(Alert alert) {
        return wrap(alert, alert.getContentText());
    }

    /** Shows {@code message} in {@code alert} wrapped at {@link #TEXT_WIDTH}, so its buttons stay on screen. */
    static Label wrap(Alert alert, String message) {
        Label text = new Label(message);
        text.setWrapText(true);
        text.setPrefWidth(TEXT_WIDTH);
        text.setMaxWidth(TEXT_WIDTH);
        text.setMinHeight(Region.USE_PREF_SIZE);
        alert.getDialogPane().setContent(text);
        alert.getDialogPane().setMaxWidth(TEXT_WIDTH + 80);
        alert.setResizable(true);
        return text;
    }
}
