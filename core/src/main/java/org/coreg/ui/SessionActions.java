package org.coreg.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.coreg.app.UserMessages;
import org.coreg.app.VolumeLoader;
import org.coreg.app.Workstation;
import org.coreg.app.sessionfile.Autosave;
import org.coreg.app.sessionfile.SessionStore;
import org.coreg.app.task.TaskHandle;

/**
 * The session menu items and dialogs: open, save and save as ({@link SessionStore}), the unsaved-changes prompt
 * before exit, the autosave timer and the offer to restore a recovery file left by a crash.
 */
final class SessionActions {
    /** How often the autosave timer looks for changes (it writes only if there were some). */
    static final Duration AUTOSAVE_INTERVAL = Duration.seconds(20);
    static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.YES);
    static final ButtonType DISCARD = new ButtonType("Don't save", ButtonBar.ButtonData.NO);

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SessionActions.class);
    private final Stage stage;
    private final SessionStore store;
    private final Consumer<String> errors;
    private Autosave autosave;
    private Timeline timer;

    SessionActions(Stage stage, Workstation workstation, VolumeLoader loader, Consumer<String> errors) {
        this.stage = stage;
        this.errors = errors;
        this.store = new SessionStore(workstation, loader, errors);
    }

    SessionStore store() {
        return store;
    }

    List<MenuItem> menuItems() {
        MenuItem open = new MenuItem("Open session...");
        open.setOnAction(e -> {
            File f = chooser("Open session").showOpenDialog(stage);
            if (f != null) {
                open(f.toPath());
            }
        });
        MenuItem save = new MenuItem("Save session");
        save.setAccelerator(KeyCombination.keyCombination("Shortcut+S"));
        save.setOnAction(e -> saveInteractively());
        MenuItem saveAs = new MenuItem("Save session as...");
        saveAs.setOnAction(e -> saveAs());
        return List.of(open, save, saveAs);
    }

    private static FileChooser chooser(String title) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Coreg sessions", "*.coreg.json", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return c;
    }

    /** Opens a session file; a bad file shows a message naming the file and field and changes nothing. */
    TaskHandle open(Path file) {
        return open(file, false);
    }

    private TaskHandle open(Path file, boolean recovered) {
        try {
            return store.open(file, recovered);
        } catch (Exception e) {
            errors.accept(UserMessages.describe(e));
            return null;
        }
    }

    /** Saves to {@code file}; true if it worked (a failure shows a message). */
    boolean save(Path file) {
        try {
            store.save(file);
            stage.setTitle("Coreg workstation - " + file.getFileName());
            return true;
        } catch (IOException e) {
            errors.accept("Could not save the session to " + file + ".\n\n" + e.getMessage());
            return false;
        }
    }

    private boolean saveInteractively() {
        Optional<Path> f = store.file();
        return f.isPresent() ? save(f.get()) : saveAs();
    }

    private boolean saveAs() {
        File f = chooser("Save session").showSaveDialog(stage);
        return f != null && save(f.toPath());
    }

    /**
     * Asks before exit when there are unsaved changes: save, don't save or cancel. True if the window may close.
     */
    boolean mayExit() {
        if (!store.isDirty()) {
            return true;
        }
        Alert ask = unsavedChangesDialog();
        ButtonType answer = ask.showAndWait().orElse(ButtonType.CANCEL);
        return answer == DISCARD || (answer == SAVE && saveInteractively());
    }

    Alert unsavedChangesDialog() {
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "The session has changes that are not saved "
                + "(transform, crop box or planning points). Save them before closing?", SAVE, DISCARD,
                ButtonType.CANCEL);
        ask.initOwner(stage);
        ask.setTitle("Coreg");
        ask.setHeaderText("Unsaved changes");
        ask.getDialogPane().setId("unsavedChanges");
        return ask;
    }

    /**
     * Offers to restore the session autosaved by a run that did not exit cleanly. Call before
     * {@link #startAutosave(Path)}. True if it is being restored.
     */
    boolean offerRecovery(Path recoveryFile) {
        if (Autosave.pending(recoveryFile).isEmpty()) {
            return false;
        }
        ButtonType restore = new ButtonType("Restore", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "Coreg did not close normally last time. Its work was "
                + "autosaved to " + recoveryFile + ". Restore it?", restore, discard);
        ask.initOwner(stage);
        ask.setTitle("Coreg");
        ask.setHeaderText("Restore the autosaved session?");
        if (ask.showAndWait().orElse(discard) == restore) {
            return open(recoveryFile, true) != null;
        }
        try {
            java.nio.file.Files.deleteIfExists(recoveryFile);
        } catch (IOException e) {
            LOG.warn("could not delete the recovery file {}", recoveryFile, e);
        }
        return false;
    }

    /** Autosaves to {@code recoveryFile} every {@link #AUTOSAVE_INTERVAL} when something changed. */
    void startAutosave(Path recoveryFile) {
        autosave = new Autosave(store, recoveryFile);
        timer = new Timeline(new KeyFrame(AUTOSAVE_INTERVAL, e -> autosaveNow()));
        timer.setCycleCount(Timeline.INDEFINITE);
        timer.play();
    }

    void autosaveNow() {
        if (autosave == null) {
            return;
        }
        try {
            autosave.saveIfChanged();
        } catch (IOException e) {
            LOG.warn("autosave to {} failed", autosave.recoveryFile(), e);
        }
    }

    /** A clean exit: the recovery file is no longer needed. */
    void stopAutosave() {
        if (timer != null) {
            timer.stop();
        }
        if (autosave != null) {
            try {
                autosave.discard();
            } catch (IOException e) {
                LOG.warn("could not delete the recovery file {}", autosave.recoveryFile(), e);
            }
        }
    }

    /** Where autosave writes unless {@code -Dcoreg.recovery=FILE} says otherwise: ~/.coreg/recovery.coreg.json. */
    static Path defaultRecoveryFile() {
        String p = System.getProperty("coreg.recovery");
        return p != null ? Path.of(p) : Path.of(System.getProperty("user.home"), ".coreg", "recovery.coreg.json");
    }
}
