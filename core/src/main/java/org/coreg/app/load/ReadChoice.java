package org.coreg.app.load;

import org.coreg.io.dicom.DicomReadOptions;

/**
 * A series that loads only if the user agrees to resample it (uneven slice spacing, missing slices or a gantry
 * tilt): the question in plain words, the label of the button that agrees, and the read options that agreeing means.
 */
public record ReadChoice(String question, String acceptLabel, DicomReadOptions accept) {
}
