package org.coreg.app.sessionfile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.coreg.app.Role;
import org.coreg.app.UserMessages;
import org.coreg.app.VolumeLoader;
import org.coreg.app.Workstation;
import org.coreg.app.load.VolumeSource;
import org.coreg.app.load.VolumeSources;
import org.coreg.app.render.SampledVolume;
import org.coreg.app.session.Deformation;
import org.coreg.app.session.EditState;
import org.coreg.app.session.Session;
import org.coreg.app.session.SessionChange;
import org.coreg.app.session.TransformLibrary;
import org.coreg.app.task.TaskCallbacks;
import org.coreg.app.task.TaskHandle;
import org.coreg.io.ImageIOException;
import org.coreg.transform.SpatialTransform;

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
    private final List<Runnable> afterSave = new ArrayList<>();
    private final List<Runnable> fileListeners = new ArrayList<>();
    /** Volumes the last opened file named but that could not be read; kept so that saving again keeps them. */
    private final Map<Role, VolumeSource> unopened = new EnumMap<>(Role.class);

    public SessionStore(Workstation workstation, VolumeLoader loader, Consumer<String> errors) {
        this.workstation = Objects.requireNonNull(workstation);
        this.session = workstation.session();
        this.loader = Objects.requireNonNull(loader);
        this.errors = Objects.requireNonNull(errors);
        session.addListener(c -> {
            // edits a user would miss; opening images, cursor and display moves are not "unsaved work"
            if (c == SessionChange.TRANSFORM || c == SessionChange.ROI || c == SessionChange.POINTS
                    || c == SessionChange.LANDMARKS || c == SessionChange.QUALITY) {
                changes++;
            }
        });
        session.transforms().addListener(() -> changes++);
        session.addListener(c -> {
            if (c == SessionChange.VOLUMES) {
                session.fixed().ifPresent(v -> unopened.remove(Role.FIXED));
                session.moving().ifPresent(v -> unopened.remove(Role.MOVING));
            }
        });
    }

    /**
     * The session's state as a document (volumes as the workstation read them; a volume of the last opened file
     * that could not be read again is kept as the file named it, so saving does not lose it).
     */
    public SessionDocument capture() {
        VolumeSource fixed = session.fixed().flatMap(workstation::originOf).orElse(unopened.get(Role.FIXED));
        VolumeSource moving = session.moving().flatMap(workstation::originOf).orElse(unopened.get(Role.MOVING));
        return new SessionDocument(fixed, moving, session.fixedToMoving(), session.transforms().entries(),
                session.roi().orElse(null), session.points(), session.cursor(), session.fixedWindow(),
                session.movingWindow(), session.fusion(), session.landmarks(), session.verdict().orElse(null));
    }

    /** Saves to {@code target} atomically; it becomes the session's file and the session is clean. */
    public void save(Path target) throws IOException {
        writeTo(target);
        file = target;
        savedAt = changes;
        for (Runnable r : List.copyOf(afterSave)) {
            r.run();
        }
        fileChanged();
    }

    /**
     * Writes the session to {@code target} (atomically) without making it the session's file: a B-spline result goes
     * first into its transform file beside {@code target} ({@link DeformationFile}), then the session file that
     * names it.
     */
    public void writeTo(Path target) throws IOException {
        Optional<Deformation> d = session.deformation();
        SessionDeformation link = d.isPresent() ? DeformationFile.write(d.get(), target) : null;
        // kept B-spline results: the current one shares its file, the others get one each, numbered from 1 without
        // gaps (Autosave deletes them in that order)
        Map<String, Path> kept = new java.util.HashMap<>();
        int n = 0;
        for (TransformLibrary.Entry e : session.transforms().entries()) {
            if (!e.isDeformable()) {
                continue;
            }
            if (link != null && e.deformable() == d.get().fixedToMoving()) {
                kept.put(e.name(), link.file());
            } else {
                Path file = DeformationFile.keptBesideSession(target, ++n);
                DeformationFile.writeKept(e.deformable(), e.name(), file);
                kept.put(e.name(), file);
            }
        }
        SessionJson.write(capture().withDeformations(link, kept), target);
    }

    /** Runs {@code r} whenever the session's file or its saved state changes: after save, open and new session. */
    public void addFileListener(Runnable r) {
        fileListeners.add(Objects.requireNonNull(r));
    }

    private void fileChanged() {
        for (Runnable r : List.copyOf(fileListeners)) {
            r.run();
        }
    }

    /** Runs {@code r} after every successful save (autosave drops its recovery copy then). */
    public void addSaveListener(Runnable r) {
        afterSave.add(Objects.requireNonNull(r));
    }

    /** Empties the session (File > New session): it has no file and nothing unsaved. Ask before calling. */
    public void newSession() {
        session.clear();
        unopened.clear();
        file = null;
        savedAt = changes;
        fileChanged();
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
            progress.progress(0.05, "Reading " + doc.fixed().displayName());
            SampledVolume fixed = SampledVolume.of(VolumeSources.load(doc.fixed(), loader));
            cancel.check();
            SampledVolume moving = null;
            String missing = null;
            if (doc.moving() == null) {
                missing = "The session names no moving image that can be read again (it was not read from a file).";
            } else {
                progress.progress(0.5, "Reading " + doc.moving().displayName());
                try {
                    moving = SampledVolume.of(VolumeSources.load(doc.moving(), loader));
                } catch (ImageIOException e) {
                    missing = "The moving image could not be read again: " + UserMessages.describe(e);
                }
            }
            cancel.check();
            Deformation deformation = null;
            String deformationMissing = null;
            if (doc.deformation() != null) {
                progress.progress(0.8, "Reading the B-spline result " + doc.deformation().file().getFileName());
                try {
                    deformation = DeformationFile.read(doc.deformation(), doc.fixedToMoving(), fixed.geometry());
                } catch (ImageIOException e) { // missing, unreadable or not this session's: its message names the file
                    deformationMissing = "The B-spline result could not be read again: " + e.getMessage();
                } catch (IllegalArgumentException e) { // a grid or coefficients no cubic B-spline has
                    deformationMissing = "The B-spline result could not be read again: " + doc.deformation().file()
                            + ": " + e.getMessage();
                }
            }
            cancel.check();
            Map<String, SpatialTransform> keptWhole = new java.util.HashMap<>();
            List<String> keptMissing = new ArrayList<>();
            for (Map.Entry<String, Path> k : doc.keptDeformations().entrySet()) {
                if (deformation != null && k.getValue().equals(doc.deformation().file())) {
                    keptWhole.put(k.getKey(), deformation.fixedToMoving()); // the current result: one map, not two
                    continue;
                }
                try {
                    keptWhole.put(k.getKey(), DeformationFile.readKept(k.getValue()));
                } catch (ImageIOException e) {
                    keptMissing.add("The kept transform '" + k.getKey() + "' keeps its affine part only: "
                            + e.getMessage());
                }
            }
            return new Opened(fixed, moving, missing, deformation, deformationMissing, keptWhole,
                    List.copyOf(keptMissing));
        }, TaskCallbacks.of(v -> {
            apply(doc, v.fixed(), v.moving(), v.keptWhole());
            if (v.deformation() != null) {
                session.setDeformation(v.deformation());
            }
            unopened.clear();
            if (v.moving() == null && doc.moving() != null) {
                unopened.put(Role.MOVING, doc.moving());
            }
            file = recovered ? null : source;
            savedAt = recovered ? changes - 1 : changes; // a recovered session is unsaved work
            fileChanged();
            if (v.missing() != null || v.deformationMissing() != null) {
                errors.accept(missingMessage(source, v));
            } else if (!v.keptMissing().isEmpty()) {
                errors.accept("Opened the session " + source.getFileName() + " without the B-spline part of "
                        + "some kept transforms.\n\n" + String.join("\n\n", v.keptMissing()));
            }
        }, e -> errors.accept("Could not open the session " + source + ".\n\n" + UserMessages.describe(e))));
    }

    /**
     * What an open read: the volumes, why the moving one is missing (null when it is not), the B-spline result
     * (null when there is none or it could not be read) and why it could not be read (null when it was, or none).
     */
    private record Opened(SampledVolume fixed, SampledVolume moving, String missing, Deformation deformation,
                          String deformationMissing, Map<String, SpatialTransform> keptWhole,
                          List<String> keptMissing) {
    }

    /** Says what a partly opened session lacks, why, and what is open. */
    private static String missingMessage(Path source, Opened v) {
        String lacks = v.missing() != null && v.deformationMissing() != null
                ? "its moving image and its B-spline result"
                : v.missing() != null ? "its moving image" : "its B-spline result";
        StringBuilder m = new StringBuilder("Opened the session " + source.getFileName() + " without " + lacks + ".");
        for (String why : java.util.Arrays.asList(v.missing(), v.deformationMissing())) {
            if (why != null) {
                m.append("\n\n").append(why);
            }
        }
        for (String why : v.keptMissing()) {
            m.append("\n\n").append(why);
        }
        m.append(v.missing() != null
                ? "\n\nThe fixed image, transforms, crop box and points are open."
                : "\n\nThe images, transforms (the B-spline result's affine part is the current transform), crop box "
                        + "and points are open.");
        return m.toString();
    }

    private void apply(SessionDocument doc, SampledVolume fixed, SampledVolume moving,
                       Map<String, SpatialTransform> keptWhole) {
        workstation.rememberSource(fixed, doc.fixed());
        session.setFixed(fixed);
        if (moving != null) {
            workstation.rememberSource(moving, doc.moving());
            session.setMoving(moving);
        }
        session.restore(new EditState(doc.fixedToMoving(), doc.roi(), doc.points(), doc.landmarks()));
        session.setVerdict(doc.verdict());
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
            library.add(e.name(), e.fixedToMoving(), e.origin(), e.appliesTo(), keptWhole.get(e.name()));
        }
    }
}
