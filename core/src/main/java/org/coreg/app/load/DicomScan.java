package org.coreg.app.load;

import java.nio.file.Path;
import java.util.List;
import org.coreg.io.dicom.DicomSeries;

/**
 * What a folder scan found: the series (largest first), one {@link SeriesRow} per series in the same order, and one
 * plain note per file left out (not DICOM, not an image, truncated, unreadable header).
 */
public record DicomScan(Path folder, List<DicomSeries> series, List<SeriesRow> rows, List<String> notes) {
    public DicomScan {
        series = List.copyOf(series);
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
        if (series.size() != rows.size()) {
            throw new IllegalArgumentException("one row per series: " + series.size() + " vs " + rows.size());
        }
    }
}
