package org.coreg.io.dicom;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.coreg.image.Volume;
import org.coreg.io.ImageIOException;
import org.coreg.io.ImageIOException.Problem;
import org.coreg.io.ImageReader;

/**
 * Reads a DICOM folder (scanned recursively; it must hold exactly one image series) or a single DICOM file (a
 * single- or multi-frame image) into a {@link Volume} in LPS.
 */
public final class DicomReader implements ImageReader {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DicomReader.class);

    private final DicomReadOptions options;

    public DicomReader(DicomReadOptions options) {
        this.options = options;
    }

    @Override
    public Volume read(Path path) throws ImageIOException {
        if (Files.isDirectory(path)) {
            return readFolder(path);
        }
        DicomFile f = DicomParser.readHeader(path);
        if (!f.hasPixelData()) {
            throw ImageIOException.badField(path, DicomTags.describe(DicomTags.PIXEL_DATA), "an image",
                    "no pixel data (SOP class " + f.dataset().string(DicomTags.SOP_CLASS_UID, "unknown") + ")");
        }
        List<DicomImage> images = DicomImage.of(f);
        return SeriesVolumeBuilder.build(new DicomSeries(images.getFirst().seriesUid(), images), options,
                baseName(path), path);
    }

    private Volume readFolder(Path folder) throws ImageIOException {
        SeriesScanner.Result scan = SeriesScanner.scan(folder);
        scan.notes().forEach(LOG::warn);
        if (scan.series().isEmpty()) {
            throw new ImageIOException(folder, Problem.WRONG_FORMAT, "no DICOM image series found"
                    + (scan.notes().isEmpty() ? "" : ": " + String.join("; ", scan.notes())));
        }
        if (scan.series().size() > 1) {
            StringBuilder b = new StringBuilder("expected one image series in the folder, found "
                    + scan.series().size() + " (open one series' folder or file):");
            for (DicomSeries s : scan.series()) {
                b.append("\n  ").append(s.summary());
            }
            throw new ImageIOException(folder, Problem.UNSUPPORTED, b.toString());
        }
        return SeriesVolumeBuilder.build(scan.series().getFirst(), options, baseName(folder), folder);
    }

    private static String baseName(Path p) {
        String n = p.getFileName() == null ? p.toString() : p.getFileName().toString();
        return n.toLowerCase(java.util.Locale.ROOT).endsWith(".dcm") ? n.substring(0, n.length() - 4) : n;
    }
}
