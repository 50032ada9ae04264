package org.coreg.app.sessionfile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Crash recovery: the session is written to a recovery file whenever it changed since the last autosave (the UI
 * calls {@link #saveIfChanged()} on a timer), and the file is deleted on a clean exit. A recovery file found at
 * start means the last run did not end cleanly; the user is offered to restore it.
 */
public final class Autosave {
    private final SessionStore store;
    private final Path recoveryFile;
    private long savedChangeCount = -1;

    public Autosave(SessionStore store, Path recoveryFile) {
        this.store = Objects.requireNonNull(store);
        this.recoveryFile = Objects.requireNonNull(recoveryFile);
        savedChangeCount = store.changeCount();
    }

    /** The recovery file left by a run that did not exit cleanly, if there is one. */
    public static Optional<Path> pending(Path recoveryFile) {
        return Files.isRegularFile(recoveryFile) ? Optional.of(recoveryFile) : Optional.empty();
    }

    public Path recoveryFile() {
        return recoveryFile;
    }

    /**
     * Writes the recovery file (atomically) if something changed since the last autosave and there are unsaved
     * changes; a session with nothing unsaved has no recovery file. Returns true if it wrote.
     */
    public boolean saveIfChanged() throws IOException {
        long now = store.changeCount();
        if (now == savedChangeCount) {
            return false;
        }
        if (!store.isDirty() || store.capture().fixed() == null) {
            // nothing to recover: saved work is in its file, and a session without an image file cannot reopen
            Files.deleteIfExists(recoveryFile);
            savedChangeCount = now;
            return false;
        }
        Files.createDirectories(recoveryFile.toAbsolutePath().getParent());
        SessionJson.write(store.capture(), recoveryFile);
        savedChangeCount = now;
        return true;
    }

    /** Deletes the recovery file: on a clean exit, or when the user declines to restore it. */
    public void discard() throws IOException {
        Files.deleteIfExists(recoveryFile);
    }
}
