package org.coreg.io.dicom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.coreg.io.ImageIOException;
import org.coreg.io.ImageIOException.Problem;

/**
 * Walks a folder recursively, reads the header of every file (with or without the DICM preamble) and groups the
 * images into series. Files that are not DICOM, DICOM objects without pixel data (reports, DICOMDIR) and images
 * with unusable headers are left out, each with a note naming the file and the reason.
 */
public final class SeriesScanner {
    /** The outcome of a scan: series (largest first) and one note per file left out. */
    public record Result(List<DicomSeries> series, List<String> notes) {
    }

    private SeriesScanner() {
    }

    /** Told after each file; return false to stop the scan. Called on the scanning thread. */
    @FunctionalInterface
    public interface Progress {
        boolean proceed(int filesRead, int filesTotal);
    }

    public static Result scan(Path folder) throws ImageIOException {
        return scan(folder, (done, total) -> true);
    }

    /**
     * Scans like {@link #scan(Path)}, reporting each file read.
     *
     * @throws java.util.concurrent.CancellationException when {@code progress} returns false
     */
    public static Result scan(Path folder, Progress progress) throws ImageIOException {
        if (!Files.isDirectory(folder)) {
            throw new ImageIOException(folder, Problem.MISSING_FILE, "not a folder");
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(folder)) {
            // Symbolic links that lead out of the folder are not followed (org.coreg.io.DataFiles), so a folder
            // cannot make Coreg read another user's files; COREG_ALLOW_OUTSIDE_DATA=1 allows them.
            boolean anywhere = org.coreg.io.DataFiles.outsideAllowed();
            files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> anywhere || !Files.isSymbolicLink(p) || org.coreg.io.DataFiles.inside(folder, p))
                    .sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new ImageIOException(folder, Problem.IO_FAILURE, "cannot list the folder (" + e.getMessage() + ")",
                    e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
        }
        List<String> notes = new ArrayList<>();
        Map<String, List<DicomImage>> groups = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            addFile(files.get(i), groups, notes);
            if (!progress.proceed(i + 1, files.size())) {
                throw new java.util.concurrent.CancellationException("scan of " + folder + " stopped");
            }
        }
        List<DicomSeries> series = new ArrayList<>();
        for (List<DicomImage> g : groups.values()) {
            series.add(new DicomSeries(g.getFirst().seriesUid(), g));
        }
        series.sort(Comparator.comparingInt((DicomSeries s) -> -s.images().size()));
        return new Result(List.copyOf(series), List.copyOf(notes));
    }

    private static void addFile(Path file, Map<String, List<DicomImage>> groups, List<String> notes) {
        try {
            DicomFile f = DicomParser.readHeader(file);
            if (!f.hasPixelData()) {
                notes.add(file + ": skipped, not an image (SOP class "
                        + f.dataset().string(DicomTags.SOP_CLASS_UID, "unknown") + ", no pixel data)");
                return;
            }
            List<DicomImage> images = DicomImage.of(f);
            long size = Files.size(file);
            if (f.pixelDataEnd() > size) {
                notes.add(file + ": skipped, truncated: field " + DicomTags.describe(DicomTags.PIXEL_DATA)
                        + " needs the file to hold " + f.pixelDataEnd() + " bytes, found " + size);
                return;
            }
            for (DicomImage img : images) {
                groups.computeIfAbsent(img.stackKey(), k -> new ArrayList<>()).add(img);
            }
        } catch (ImageIOException e) {
            if (e.problem() == Problem.WRONG_FORMAT) {
                notes.add(file + ": skipped, not a DICOM file");
            } else {
                notes.add("skipped " + e.getMessage());
            }
        } catch (IOException e) {
            notes.add(file + ": skipped, cannot read (" + e.getMessage() + ")");
        }
    }
}
