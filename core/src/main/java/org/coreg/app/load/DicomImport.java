package org.coreg.app.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.coreg.app.Role;
import org.coreg.app.UserMessages;
import org.coreg.app.render.SampledVolume;
import org.coreg.app.session.Session;
import org.coreg.app.task.CancelToken;
import org.coreg.app.task.CancelledException;
import org.coreg.app.task.TaskCallbacks;
import org.coreg.app.task.TaskHandle;
import org.coreg.app.task.TaskRunner;
import org.coreg.io.ImageIOException;
import org.coreg.io.dicom.DicomReadOptions;
import org.coreg.io.dicom.DicomSeries;
import org.coreg.io.dicom.SeriesScanner;
import org.coreg.io.dicom.SeriesVolumeBuilder;
import org.coreg.io.dicom.SliceStack;

/**
 * Opens a DICOM folder in the workstation: scans it in the background into a list of series, then loads the series
 * the user picks as the fixed or moving volume of the {@link Session} (the same place {@code Workstation.open} puts
 * a file's volume). A series with uneven spacing, missing slices or a gantry tilt is not an error here: the load
 * comes back with a {@link ReadChoice} that the user can accept, and loading again with its options resamples.
 * Results and choices arrive on the runner's callback thread; failures go to {@code errors} in plain words.
 */
public final class DicomImport {
    private final Session session;
    private final TaskRunner tasks;
    private final Consumer<String> errors;
    private final BiConsumer<SampledVolume, VolumeSource> sources;

    public DicomImport(Session session, TaskRunner tasks, Consumer<String> errors) {
        this(session, tasks, errors, (v, s) -> { });
    }

    /**
     * @param sources told where each loaded volume came from (folder, series, read options), before it enters the
     *                session, so that a saved session can read it again
     */
    public DicomImport(Session session, TaskRunner tasks, Consumer<String> errors,
                       BiConsumer<SampledVolume, VolumeSource> sources) {
        this.session = Objects.requireNonNull(session);
        this.tasks = Objects.requireNonNull(tasks);
        this.errors = Objects.requireNonNull(errors);
        this.sources = Objects.requireNonNull(sources);
    }

    /** Scans {@code folder} recursively in the background; {@code onScanned} gets at least one series. */
    public TaskHandle scan(Path folder, Consumer<DicomScan> onScanned) {
        return tasks.submit("Scanning " + folder.getFileName(), (progress, cancel) -> {
            progress.progress(-1, "Listing " + folder.getFileName());
            return scanNow(folder, (done, total) -> {
                progress.progress((double) done / total, "Reading DICOM headers (" + done + " of " + total + ")");
                return !cancel.isCancelled();
            }, cancel);
        }, TaskCallbacks.of(onScanned, e -> errors.accept(UserMessages.describe(e))));
    }

    /**
     * Scans on the calling thread.
     *
     * @throws ImageIOException   when the folder cannot be listed or holds no DICOM image series (the message lists
     *                            why files were left out)
     * @throws CancelledException when {@code cancel} was set
     */
    public static DicomScan scanNow(Path folder, SeriesScanner.Progress progress, CancelToken cancel)
            throws ImageIOException, CancelledException {
        SeriesScanner.Result r;
        try {
            r = SeriesScanner.scan(folder, progress);
        } catch (CancellationException e) {
            throw new CancelledException();
        }
        cancel.check();
        if (r.series().isEmpty()) {
            List<String> notes = r.notes();
            String why = notes.isEmpty() ? "the folder holds no files"
                    : String.join("\n", notes.subList(0, Math.min(5, notes.size())))
                    + (notes.size() > 5 ? "\n(and " + (notes.size() - 5) + " more)" : "");
            throw new ImageIOException(folder, ImageIOException.Problem.WRONG_FORMAT,
                    "no DICOM image series found in this folder or below it.\n" + why);
        }
        List<SeriesRow> rows = new ArrayList<>();
        for (DicomSeries s : r.series()) {
            rows.add(SeriesRow.of(s));
        }
        return new DicomScan(folder, r.series(), rows, r.notes());
    }

    /**
     * Loads series {@code index} of {@code scan} in the background and makes it the {@code role} volume. If the
     * series needs resampling that {@code options} do not allow, the session is left as it was and
     * {@code onChoice} gets the question; call again with {@link ReadChoice#accept()} to load it resampled.
     */
    public TaskHandle load(Role role, DicomScan scan, int index, DicomReadOptions options,
                           Consumer<ReadChoice> onChoice) {
        DicomSeries series = scan.series().get(index);
        SeriesRow row = scan.rows().get(index);
        return tasks.submit("Opening DICOM series " + row.description(), (progress, cancel) -> {
            progress.progress(-1, "Checking slice positions");
            Optional<ReadChoice> choice = choiceNeeded(SliceStack.of(series), row, options);
            if (choice.isPresent()) {
                return new Loaded(null, choice.get());
            }
            cancel.check();
            progress.progress(-1, "Reading " + row.images() + " DICOM images");
            var volume = SeriesVolumeBuilder.build(series, options, volumeName(scan.folder(), row), scan.folder());
            cancel.check();
            progress.progress(0.9, "Preparing display");
            return new Loaded(SampledVolume.of(volume), null);
        }, TaskCallbacks.of(loaded -> {
            if (loaded.choice() != null) {
                onChoice.accept(loaded.choice());
                return;
            }
            sources.accept(loaded.volume(), new VolumeSource.DicomSeriesSource(scan.folder().toAbsolutePath().normalize(), series.uid(),
                    row.description(), row.images(), options));
            if (role == Role.FIXED) {
                session.setFixed(loaded.volume());
            } else {
                session.setMoving(loaded.volume());
            }
        }, e -> errors.accept(UserMessages.describe(e))));
    }

    /**
     * The question to ask before loading {@code stack}, if it is tilted or unevenly spaced and {@code options} do
     * not already allow resampling it.
     */
    public static Optional<ReadChoice> choiceNeeded(SliceStack stack, SeriesRow row, DicomReadOptions options) {
        boolean tilt = stack.isTilted() && !options.correctTilt();
        int worst = stack.worstGap();
        boolean uneven = worst >= 0 && !options.resampleUneven();
        if (!tilt && !uneven) {
            return Optional.empty();
        }
        StringBuilder q = new StringBuilder();
        String name = row.description().isBlank() ? "This " + row.modality() + " series"
                : "The series \"" + row.description() + "\"";
        if (uneven) {
            q.append(String.format(Locale.ROOT, "%s is not evenly spaced: slices are usually %.3f mm apart, but %d of"
                            + " %d gaps differ (the worst is %.3f mm, between slices %d and %d; slices may be"
                            + " missing). Coreg can resample it onto a uniform grid of %.3f mm (linear between"
                            + " slices).", name, stack.typicalSpacing(), stack.irregularGapCount(), stack.size() - 1,
                    stack.z(worst + 1) - stack.z(worst), worst + 1, worst + 2, stack.minSpacing()));
        }
        if (tilt) {
            q.append(q.isEmpty() ? "" : "\n\n").append(String.format(Locale.ROOT, "%s was acquired with a gantry tilt"
                    + " of %.2f degrees: each slice is shifted across the slice plane. Coreg can correct the tilt by"
                    + " resampling onto an orthogonal grid.", uneven ? "It" : name, stack.tiltDegrees()));
        }
        String label = uneven && tilt ? "Resample and correct tilt"
                : uneven ? "Resample onto a uniform grid" : "Correct tilt";
        return Optional.of(new ReadChoice(q.toString(), label,
                new DicomReadOptions(options.resampleUneven() || uneven, options.correctTilt() || tilt)));
    }

    static String volumeName(Path folder, SeriesRow row) {
        String f = folder.getFileName() == null ? folder.toString() : folder.getFileName().toString();
        return row.description().isBlank() ? f : f + " " + row.description();
    }

    /** Either a volume or a question, never both. */
    private record Loaded(SampledVolume volume, ReadChoice choice) {
    }
}
