package org.coreg.app.load;

import org.coreg.io.dicom.DicomImage;
import org.coreg.io.dicom.DicomSeries;

/**
 * One line of the series list shown to the user: who, when, what and how big.
 *
 * @param patient     Patient's Name (0010,0010) as stored, {@code ^} between name parts
 * @param studyDate   Study Date (0008,0020), YYYYMMDD as stored, empty when absent
 * @param modality    Modality (0008,0060), e.g. CT, MR
 * @param description Series Description (0008,103E) with the series number in front when present
 * @param images      number of images (slices or frames) in the series
 * @param columns     image width in pixels
 * @param rows        image height in pixels
 */
public record SeriesRow(String patient, String studyDate, String modality, String description, int images,
                        int columns, int rows) {
    static SeriesRow of(DicomSeries s) {
        DicomImage.SeriesInfo i = s.info();
        String number = i.seriesNumber() == null || i.seriesNumber().isBlank() ? "" : "#" + i.seriesNumber() + " ";
        return new SeriesRow(i.patientName(), i.studyDate(), i.modality(), number + i.description(),
                s.images().size(), s.images().getFirst().pixels().columns(), s.images().getFirst().pixels().rows());
    }

    /** "512 x 512 x 94": columns x rows x images. */
    public String size() {
        return columns + " x " + rows + " x " + images;
    }
}
