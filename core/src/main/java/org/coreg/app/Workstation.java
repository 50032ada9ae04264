package org.coreg.app;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import org.coreg.app.load.VolumeSource;
import org.coreg.app.register.RegistrationListener;
import org.coreg.app.register.RegistrationOptions;
import org.coreg.app.register.RegisteredTransform;
import org.coreg.app.register.RegistrationFailedException;
import org.coreg.app.register.RegistrationOutcome;
import org.coreg.app.register.RegistrationService;
import org.coreg.registration.quality.QualityReport;
import org.coreg.app.render.SampledVolume;
import org.coreg.app.session.RegistrationComparison;
import org.coreg.app.session.Session;
import org.coreg.app.task.TaskCallbacks;
import org.coreg.app.task.TaskHandle;
import org.coreg.app.task.TaskRunner;
import org.coreg.image.AffineMap;

/**
 * The workstation's use cases over one {@link Session}: open volumes and register them, in the background. Results
 * are applied to the session on the runner's callback thread; failures leave the session as it was and go to
 * {@code errors} as plain-language messages.
 */
public final class Workstation {
    private final Session session;
    private final TaskRunner tasks;
    private final VolumeLoader loader;
    private final RegistrationService registration;
    private final Consumer<String> errors;
    /** Where each open volume came from (by identity; a swap of fixed and moving keeps it right). */
    private final java.util.Map<SampledVolume, VolumeSource> sources = new java.util.IdentityHashMap<>();

    public Workstation(Session session, TaskRunner tasks, VolumeLoader loader, RegistrationService registration,
                       Consumer<String> errors) {
        this.session = Objects.requireNonNull(session);
        this.tasks = Objects.requireNonNull(tasks);
        this.loader = Objects.requireNonNull(loader);
        this.registration = Objects.requireNonNull(registration);
        this.errors = Objects.requireNonNull(errors);
    }

    public Session session() {
        return session;
    }

    public TaskRunner tasks() {
        return tasks;
    }

    /** The image file {@code volume} was read from, if it came straight from one (a demo volume did not). */
    public java.util.Optional<Path> sourceOf(SampledVolume volume) {
        return originOf(volume).filter(VolumeSource.ImageFile.class::isInstance)
                .map(s -> ((VolumeSource.ImageFile) s).path());
    }

    /** Where {@code volume} came from (file, DICOM series, hardened), if it can be read again (a demo volume not). */
    public java.util.Optional<VolumeSource> originOf(SampledVolume volume) {
        return java.util.Optional.ofNullable(sources.get(volume));
    }

    /** Records that {@code volume} was read from {@code file} (session files name volumes by file). */
    public void rememberSource(SampledVolume volume, Path file) {
        rememberSource(volume, new VolumeSource.ImageFile(file));
    }

    /** Records where {@code volume} came from, so that a saved session can read it again. */
    public void rememberSource(SampledVolume volume, VolumeSource source) {
        sources.put(Objects.requireNonNull(volume), Objects.requireNonNull(source));
    }

    /** Reads {@code file} in the background and makes it the fixed or moving volume. */
    public TaskHandle open(Role role, Path file) {
        return tasks.submit("Opening " + file.getFileName(), (progress, cancel) -> {
            progress.progress(-1, "Reading " + file.getFileName());
            var volume = loader.load(file);
            cancel.check();
            progress.progress(0.9, "Preparing display");
            return SampledVolume.of(volume);
        }, TaskCallbacks.of(v -> {
            rememberSource(v, file);
            if (role == Role.FIXED) {
                session.setFixed(v);
            } else {
                session.setMoving(v);
            }
        }, e -> errors.accept(UserMessages.describe(e))));
    }

    /**
     * Registers moving to fixed in the background from the current transform; on success the result becomes the
     * current transform (one undo step) and is kept in the session's transform library. After a B-spline stage the
     * current transform is its affine part and the session keeps the whole result ({@link Session#deformation()}).
     * {@code onEnded} runs afterwards whether the run succeeded, failed or was cancelled.
     *
     * @throws IllegalStateException if either volume is missing
     */
    public TaskHandle register(RegistrationOptions options, RegistrationListener listener,
                               Consumer<RegistrationOutcome> onEnded) {
        return register(options, listener, onEnded, report -> { });
    }

    /**
     * As {@link #register(RegistrationOptions, RegistrationListener, Consumer)}, and hands the run's quality report
     * (ok, uncertain or failed, with its reasons) to {@code onReport} before {@code onEnded}; a cancelled run has
     * none.
     */
    public TaskHandle register(RegistrationOptions options, RegistrationListener listener,
                               Consumer<RegistrationOutcome> onEnded, Consumer<QualityReport> onReport) {
        var fixed = session.fixed().orElseThrow(() -> new IllegalStateException("open a fixed volume first"));
        var moving = session.moving().orElseThrow(() -> new IllegalStateException("open a moving volume first"));
        return tasks.submit("Registering", (progress, cancel) -> registration.runChecked(fixed.source(),
                moving.source(), options, listener, cancel), new TaskCallbacks<RegisteredTransform>(checked -> {
                    AffineMap t = checked.fixedToMoving();
                    onReport.accept(checked.report());
                    session.setVerdict(new org.coreg.app.session.RegistrationVerdict(checked.report(), t));
                    session.setTransform(t);
                    var d = checked.deformable();
                    session.setDeformation(d == null ? null : org.coreg.app.session.Deformation.of(d.affine(),
                            d.fixedToMoving(), d.folding()));
                    session.setComparison(new RegistrationComparison(options.initial(), t));
                    session.transforms().add("Registration", t, org.coreg.app.register.RunDescription.of(options,
                            d != null), org.coreg.app.transforms.TransformManager.pairOf(session),
                            d == null ? null : d.fixedToMoving());
                    onEnded.accept(RegistrationOutcome.SUCCEEDED);
                }, e -> {
                    if (e instanceof RegistrationFailedException f && f.report() != null) {
                        onReport.accept(f.report());
                        session.setVerdict(new org.coreg.app.session.RegistrationVerdict(f.report(), null));
                    }
                    onEnded.accept(RegistrationOutcome.FAILED);
                    errors.accept(UserMessages.describe(e));
                }, () -> onEnded.accept(RegistrationOutcome.CANCELLED)));
    }
}
