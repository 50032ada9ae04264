package org.coreg.io.dicom;

import java.util.List;

/**
 * The images of one series that can form one volume (same Series Instance UID, size, stored type and
 * orientation), in scan order (not yet sorted by position).
 *
 * @param uid    Series Instance UID
 * @param images at least one
 */
public record DicomSeries(String uid, List<DicomImage> images) {
    public DicomSeries {
        images = List.copyOf(images);
        if (images.isEmpty()) {
            throw new IllegalArgumentException("a series needs at least one image");
        }
    }

    public DicomImage.SeriesInfo info() {
        return images.getFirst().info();
    }

    /** One line for a series list: patient, study date, modality, description, number of images, size. */
    public String summary() {
        DicomImage.SeriesInfo i = info();
        PixelFormat p = images.getFirst().pixels();
        return String.format(java.util.Locale.ROOT, "%s | %s | %s | #%s %s | %d image(s) | %d x %d | %s | %s",
                i.patientName(), i.studyDate(), i.modality(), i.seriesNumber(), i.description(), images.size(),
                p.columns(), p.rows(), uid, images.getFirst().file());
    }
}
