package org.coreg.app.sessionfile;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.coreg.io.AtomicOutput;
import org.coreg.io.json.Json;

/**
 * Crash recovery: the session is written to a recovery file whenever it changed since the last autosave and has
 * unsaved work (the UI calls {@link #saveIfChanged()} on a timer). Saving the session deletes the recovery copy (the
 * saved file is then the latest work), and so does a clean exit. Beside the copy, a small info file
 * ({@link #infoFile}) records when it was written and which session file it was the unsaved work of, so that the next
 * start offers it only when it is newer than that file ({@link RecoveryOffer}).
 */
public final class Autosave {
    private final SessionStore store;
    private final Path recoveryFile;
    private final Clock clock;
    private long savedChangeCount;

    public Autosave(SessionStore store, Path recoveryFile) {
        this(store, recoveryFile, Clock.systemUTC());
    }

    Autosave(SessionStore store, Path recoveryFile, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.recoveryFile = Objects.requireNonNull(recoveryFile);
        this.clock = Objects.requireNonNull(clock);
        savedChangeCount = store.changeCount();
        store.addSaveListener(this::afterUserSave);
    }

    /** The recovery file left by a run that did not exit cleanly, if there is one. */
    public static Optional<Path> pending(Path recoveryFile) {
        return Files.isRegularFile(recoveryFile) ? Optional.of(recoveryFile) : Optional.empty();
    }

    /** The info file beside {@code recoveryFile}: when it was autosaved and the session file it belongs to. */
    public static Path infoFile(Path recoveryFile) {
        return recoveryFile.resolveSibling(recoveryFile.getFileName() + ".info");
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
            // nothing to recover: saved work is in its file, and a session without an image source cannot reopen
            discard();
            savedChangeCount = now;
            return false;
        }
        Files.createDirectories(recoveryFile.toAbsolutePath().getParent());
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("autosavedAt", clock.instant().toString());
        info.put("sessionFile", store.file().map(f -> f.toAbsolutePath().normalize().toString()).orElse(null));
        try (AtomicOutput out = new AtomicOutput()) {
            try (OutputStream s = out.open(infoFile(recoveryFile))) {
                s.write(Json.write(info).getBytes(StandardCharsets.UTF_8));
            }
            out.commit();
        }
        store.writeTo(recoveryFile); // with a B-spline result's transform file beside it
        savedChangeCount = now;
        return true;
    }

    /** Deletes the recovery file and its info: on a clean exit, or when the user declines to restore it. */
    public void discard() throws IOException {
        discard(recoveryFile);
    }

    /** Deletes {@code recoveryFile}, its info file and the B-spline results' files written beside it. */
    public static void discard(Path recoveryFile) throws IOException {
        Files.deleteIfExists(recoveryFile);
        Files.deleteIfExists(infoFile(recoveryFile));
        Files.deleteIfExists(DeformationFile.besideSession(recoveryFile));
        for (int n = 1; Files.deleteIfExists(DeformationFile.keptBesideSession(recoveryFile, n)); n++) {
            // the kept B-spline results' files are numbered from 1 without gaps
        }
    }

    private void afterUserSave() {
        savedChangeCount = store.changeCount();
        try {
            discard();
        } catch (IOException e) {
            // the copy is then older than the saved file, and RecoveryOffer will not offer it
            org.slf4j.LoggerFactory.getLogger(Autosave.class).warn("could not delete {}", recoveryFile, e);
        }
    }
}
