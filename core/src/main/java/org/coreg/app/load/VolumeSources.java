package org.coreg.app.load;

import java.nio.file.Path;
import org.coreg.app.VolumeLoader;
import org.coreg.image.Volume;
import org.coreg.io.ImageIOException;
import org.coreg.io.dicom.DicomSeries;
import org.coreg.io.dicom.SeriesScanner;
import org.coreg.io.dicom.SeriesVolumeBuilder;
import org.coreg.transform.AffineTransform;
import org.coreg.transform.Hardening;
import org.coreg.transform.NonInvertibleTransformException;

/** Reads a {@link VolumeSource} again: the file, the DICOM series (rescanning its folder), or the hardened volume. */
public final class VolumeSources {
    private VolumeSources() {
    }

    /**
     * Reads {@code source} on the calling thread.
     *
     * @param files reads image files
     * @throws ImageIOException when a file or folder is missing or unreadable, or the series is no longer in its
     *                          folder (the message names the folder and the series)
     */
    public static Volume load(VolumeSource source, VolumeLoader files) throws ImageIOException {
        return switch (source) {
            case VolumeSource.ImageFile f -> files.load(f.path());
            case VolumeSource.DicomSeriesSource d -> loadDicom(d);
            case VolumeSource.Hardened h -> harden(h, load(h.base(), files));
        };
    }

    private static Volume loadDicom(VolumeSource.DicomSeriesSource d) throws ImageIOException {
        DicomSeries match = null;
        for (DicomSeries s : SeriesScanner.scan(d.folder()).series()) {
            if (s.uid().equals(d.seriesUid()) && (match == null || s.images().size() == d.images())) {
                match = s;
            }
        }
        if (match == null) {
            throw new ImageIOException(d.folder(), ImageIOException.Problem.MISSING_FILE, "the DICOM series "
                    + (d.description().isBlank() ? "" : "\"" + d.description() + "\" ") + "(Series Instance UID "
                    + d.seriesUid() + ") is no longer in this folder");
        }
        SeriesRow row = SeriesRow.of(match);
        return SeriesVolumeBuilder.build(match, d.options(), DicomImport.volumeName(d.folder(), row), d.folder());
    }

    private static Volume harden(VolumeSource.Hardened h, Volume base) throws ImageIOException {
        try {
            return Hardening.hardenLinear(base, AffineTransform.fixedToMoving(h.fixedToMoving())).volume();
        } catch (NonInvertibleTransformException | IllegalArgumentException e) {
            throw new ImageIOException(Path.of(h.base().displayName()), ImageIOException.Problem.BAD_FIELD,
                    "the transform '" + h.name() + "' hardened into it cannot be applied again: " + e.getMessage());
        }
    }
}
