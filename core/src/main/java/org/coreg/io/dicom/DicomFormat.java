package org.coreg.io.dicom;

import java.util.List;
import org.coreg.io.ImageFormat;
import org.coreg.io.ImageIOException;
import org.coreg.io.ImageReader;
import org.coreg.io.ImageWriter;

/**
 * DICOM, read only: a folder holding one series, or one file. Recognised by the DICM prefix at byte 128 (or a bare
 * data set starting with group 0002 or 0008).
 */
public final class DicomFormat implements ImageFormat {
    private final DicomReadOptions options;

    public DicomFormat() {
        this(DicomReadOptions.STRICT);
    }

    public DicomFormat(DicomReadOptions options) {
        this.options = options;
    }

    @Override
    public String name() {
        return "DICOM";
    }

    @Override
    public List<String> extensions() {
        return List.of(".dcm");
    }

    @Override
    public boolean matchesContent(byte[] head) {
        return DicomParser.looksLikeDicom(head);
    }

    @Override
    public boolean readsFolders() {
        return true;
    }

    @Override
    public ImageReader reader() {
        return new DicomReader(options);
    }

    @Override
    public ImageWriter writer() {
        return (volume, file) -> {
            throw new ImageIOException(file, ImageIOException.Problem.UNSUPPORTED,
                    "writing DICOM is not supported; write NIfTI, MetaImage or NRRD instead");
        };
    }
}
