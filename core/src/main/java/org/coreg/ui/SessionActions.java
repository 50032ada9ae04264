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
    private final Workstation workstation;
    private Consumer<String> notices = m -> { };

    SessionActions(Stage stage, Workstation workstation, VolumeLoader loader, Consumer<String> errors) {
        this.stage = stage;
        this.workstation = workstation;
        this.errors = errors;
        this.store = new SessionStore(workstation, loader, errors);
    }

    /**
     * Said after a session save while a B-spline result is current: where its whole transform went (the file beside
     * the session that {@link org.coreg.app.sessionfile.DeformationFile} names).
     */
    static String deformationSaved(Path sessionFile) {
        return "Session saved with its B-spline result: the whole transform (affine part, then B-spline; fixed -> "
                + "moving) is in " + org.coreg.app.sessionfile.DeformationFile.besideSession(sessionFile).getFileName()
                + " beside it.";
    }

    /** Where short notices go (the status bar). */
    void setOnNotice(Consumer<String> n) {
        notices = n;
    }

    SessionStore store() {
        return store;
    }

    List<MenuItem> menuItems() {
        MenuItem newSession = new MenuItem("New session");
        newSession.setAccelerator(KeyCombination.keyCombination("Shortcut+N"));
        newSession.setOnAction(e -> newSession());
        MenuItem open = new MenuItem("Open session...");
        open.setOnAction(e -> {
            if (!mayDiscard("opening another session")) {
                return;
            }
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
        return List.of(newSession, open, save, saveAs);
    }

    private static FileChooser chooser(String title) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Coreg sessions", "*.coreg.json", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return c;
    }

    /** File > New session: asks first when there is unsaved work, then empties the session. True if it did. */
    boolean newSession() {
        if (!mayDiscard("starting a new session")) {
            return false;
        }
        store.newSession();
        return true;
    }

    /**
     * File > Open session with a file already chosen: asks first when there is unsaved work (Cancel opens
     * nothing), then opens it. Null if nothing was opened.
     */
    TaskHandle openAsking(Path file) {
        return mayDiscard("opening another session") ? open(file) : null;
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
            store.save(file); // autosave drops its recovery copy: the saved file is now the latest work
            if (workstation.session().deformation().isPresent()) {
                notices.accept(deformationSaved(file));
            }
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
        return mayDiscard("closing");
    }

    /**
     * Asks before {@code doing} something that replaces the session when there are unsaved changes: save, don't
     * save or cancel. True if it may go ahead (saved, or the user chose not to save).
     */
    boolean mayDiscard(String doing) {
        if (!store.isDirty()) {
            return true;
        }
        Alert ask = unsavedChangesDialog(doing);
        ButtonType answer = ask.showAndWait().orElse(ButtonType.CANCEL);
        return answer == DISCARD || (answer == SAVE && saveInteractively());
    }

    Alert unsavedChangesDialog() {
        return unsavedChangesDialog("closing");
    }

    /** The question asked before {@code doing} with unsaved work (the screenshot tour shows it modeless). */
    Alert unsavedChangesDialogFor(String doing) {
        return unsavedChangesDialog(doing);
    }

    private Alert unsavedChangesDialog(String doing) {
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "The session has changes that are not saved "
                + "(transform, crop box, planning points or kept transforms). Save them before " + doing + "?",
                SAVE, DISCARD, ButtonType.CANCEL);
        ask.initOwner(stage);
        ask.setTitle("Coreg");
        ask.setHeaderText("Unsaved changes");
        ask.getDialogPane().setId("unsavedChanges");
        ErrorDialogs.wrap(ask);
        return ask;
    }

    /**
     * Offers to restore the session autosaved by a run that did not exit cleanly. Call before
     * {@link #startAutosave(Path)}. True if it is being restored.
     */
    boolean offerRecovery(Path recoveryFile) {
        java.util.Optional<org.coreg.app.sessionfile.RecoveryOffer> offer;
        try {
            offer = org.coreg.app.sessionfile.RecoveryOffer.check(recoveryFile, java.time.ZoneId.systemDefault());
        } catch (IOException e) {
            LOG.warn("could not check the recovery file {}", recoveryFile, e);
            return false;
        }
        if (offer.isEmpty()) {
            return false;
        }
        ButtonType restore = new ButtonType("Restore", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, offer.get().message(), restore, discard);
        ask.initOwner(stage);
        ask.setTitle("Coreg");
        ask.setHeaderText("Restore the autosaved session?");
        ask.getDialogPane().setId("recoveryOffer");
        ErrorDialogs.wrap(ask);
        if (ask.showAndWait().orElse(discard) == restore) {
            return open(recoveryFile, true) != null;
        }
        try {
            Autosave.discard(recoveryFile);
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

    /**
     * What the JVM's shutdown hook runs on SIGTERM (a logout, {@code kill}, a service stop): the autosave, on the FX
     * thread, waited for at most {@code timeoutMillis}, so the recovery file holds the latest work and the process
     * still ends promptly. Safe to call from any thread but the FX thread.
     */
    Runnable autosaveOnTermination(long timeoutMillis) {
        return () -> {
            java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
            try {
                javafx.application.Platform.runLater(() -> {
                    try {
                        autosaveNow();
                    } finally {
                        done.countDown();
                    }
                });
                done.await(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (IllegalStateException e) {
                // the FX toolkit has already exited: there is nothing left to autosave from
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
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
