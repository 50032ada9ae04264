package org.coreg.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.Window;

/** Shows a plain-language error: the message and what to try, never a stack trace. */
public final class ErrorDialogs {
    private ErrorDialogs() {
    }

    public static void show(Window owner, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, "", ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle("Coreg");
        alert.setHeaderText("That did not work");
        Label text = new Label(message);
        text.setWrapText(true);
        text.setMaxWidth(520);
        text.setId("errorMessage");
        alert.getDialogPane().setContent(text);
        alert.show();
    }
}
