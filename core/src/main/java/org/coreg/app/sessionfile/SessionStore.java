package org.coreg.app.sessionfile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.coreg.app.UserMessages;
import org.coreg.app.VolumeLoader;
import org.coreg.app.Workstation;
import org.coreg.app.render.SampledVolume;
import org.coreg.app.session.EditState;
import org.coreg.app.session.Session;
import org.coreg.app.session.SessionChange;
import org.coreg.app.session.TransformLibrary;
import org.coreg.app.task.TaskCallbacks;
import org.coreg.app.task.TaskHandle;

/**
 * Saving and opening session files ({@link SessionJson}) for one workstation, and whether there are unsaved
 * changes. Opening reads the file at once (a bad file is reported before anything changes), loads the volumes in the
 * background and only then replaces the session's state, so a failure leaves the session as it was. Not
 * thread-safe: the UI thread owns it.
 */
public final class SessionStore {
    private final Workstation workstation;
    private final Session session;
    private final VolumeLoader loader;
    private final Consumer<String> errors;
    private Path file;
    private long changes;
    private long savedAt;

    public SessionStore(Workstation workstation, VolumeLoader loader, Consumer<String> errors) {
        this.workstation = Objects.requireNonNull(workstation);
        this.session = workstation.session();
        this.loader = Objects.requireNonNull(loader);
        this.errors = Objects.requireNonNull(errors);
        session.addListener(c -> {
            // edits a user would miss; opening images, cursor and display moves are not "unsaved work"
            if (c == SessionChange.TRANSFORM || c == SessionChange.ROI || c == SessionChange.POINTS) {
                changes++;
            }
        });
        session.transforms().addListener(() -> changes++);
    }

    /** The session's state as a document (volume files as the workstation read them). */
    public SessionDocument capture() {
        Path fixed = session.fixed().flatMap(workstation::sourceOf).orElse(null);
        Path moving = session.moving().flatMap(workstation::sourceOf).orElse(null);
        return new SessionDocument(fixed, moving, session.fixedToMoving(), session.transforms().entries(),
                session.roi().orElse(null), session.points(), session.cursor(), session.fixedWindow(),
                session.movingWindow(), session.fusion());
    }

    /** Saves to {@code target} atomically; it becomes the session's file and the session is clean. */
    public void save(Path target) throws IOException {
        SessionJson.write(capture(), target);
        file = target;
        savedAt = changes;
    }

    /** True when something a session file keeps changed since the last save or open. */
    public boolean isDirty() {
        return changes != savedAt;
    }

    /** Counts changes to what a session file keeps; autosave compares it. */
    public long changeCount() {
        return changes;
    }

    /** The file last saved to or opened, if any. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /**
     * Opens a session file: reads it now, loads its volumes in the background, then replaces the session's state.
     *
     * @param recovered true when {@code source} is the autosave recovery file: the restored session then has no
     *                  file of its own and counts as unsaved
     * @throws SessionFileException if the file cannot be read or a field is wrong (nothing has changed)
     */
    public TaskHandle open(Path source, boolean recovered) throws SessionFileException {
        SessionDocument doc = SessionJson.read(source);
        if (doc.fixed() == null) {
            throw SessionFileException.badField(source, "fixed.path", "the fixed image's file", "nothing");
        }
        return workstation.tasks().submit("Opening session " + source.getFileName(), (progress, cancel) -> {
            progress.progress(0.05, "Reading " + doc.fixed().getFileName());
            SampledVolume fixed = SampledVolume.of(loader.load(doc.fixed()));
            cancel.check();
            SampledVolume moving = null;
            if (doc.moving() != null) {
                progress.progress(0.5, "Reading " + doc.moving().getFileName());
                moving = SampledVolume.of(loader.load(doc.moving()));
            }
            cancel.check();
            return new SampledVolume[] {fixed, moving};
        }, TaskCallbacks.of(v -> {
            apply(doc, v[0], v[1]);
            file = recovered ? null : source;
            savedAt = recovered ? changes - 1 : changes; // a recovered session is unsaved work
        }, e -> errors.accept("Could not open the session " + source + ".\n\n" + UserMessages.describe(e))));
    }

    private void apply(SessionDocument doc, SampledVolume fixed, SampledVolume moving) {
        workstation.rememberSource(fixed, doc.fixed());
        session.setFixed(fixed);
        if (moving != null) {
            workstation.rememberSource(moving, doc.moving());
            session.setMoving(moving);
        }
        session.restore(new EditState(doc.fixedToMoving(), doc.roi(), doc.points()));
        session.setCursor(doc.cursor());
        session.setFixedWindow(doc.fixedWindow());
        if (moving != null) {
            session.setMovingWindow(doc.movingWindow());
        }
        session.setFusion(doc.fusion());
        TransformLibrary library = session.transforms();
        for (TransformLibrary.Entry e : List.copyOf(library.entries())) {
            library.remove(e);
        }
        for (TransformLibrary.Entry e : doc.kept()) {
            library.add(e.name(), e.fixedToMoving(), e.origin(), e.appliesTo());
        }
    }
}
