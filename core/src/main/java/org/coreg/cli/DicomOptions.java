package org.coreg.cli;

import java.util.ArrayList;
import java.util.List;
import org.coreg.io.ImageFormat;
import org.coreg.io.ImageFormats;
import org.coreg.io.dicom.DicomFormat;
import org.coreg.io.dicom.DicomReadOptions;
import picocli.CommandLine.Option;

/** Options for reading DICOM series, shared by the commands that read images (a picocli mixin). */
final class DicomOptions {
    @Option(names = "--dicom-resample", description = "Resample a DICOM series with uneven slice spacing or missing "
            + "slices onto a uniform grid (smallest spacing, linear) instead of refusing it.")
    boolean resample;

    @Option(names = "--dicom-correct-tilt", description = "Resample a gantry-tilted DICOM series onto an orthogonal "
            + "grid instead of refusing it.")
    boolean correctTilt;

    /** The standard formats, with DICOM reading as these options ask. */
    ImageFormats formats() {
        List<ImageFormat> list = new ArrayList<>();
        for (ImageFormat f : ImageFormats.standard().formats()) {
            list.add(f instanceof DicomFormat ? new DicomFormat(new DicomReadOptions(resample, correctTilt)) : f);
        }
        return new ImageFormats(list);
    }
}
