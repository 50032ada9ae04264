package org.coreg.io.nrrd;

import java.util.List;
import org.coreg.io.ImageFormat;
import org.coreg.io.ImageReader;
import org.coreg.io.ImageWriter;

/**
 * NRRD (teem's "nearly raw raster data", 3D Slicer's native volume format): {@code .nrrd} with attached data and
 * {@code .nhdr} with a detached data file; raw or gzip; recognised by the magic {@code NRRD000X}.
 */
public final class NrrdFormat implements ImageFormat {
    /** The format name stored in {@link org.coreg.image.ImageMetadata#format()}. */
    public static final String NAME = "NRRD";

    private final NrrdWriter writer;

    /** Writes {@code .nrrd} gzip-compressed, little-endian. */
    public NrrdFormat() {
        this(new NrrdWriter());
    }

    public NrrdFormat(NrrdWriter writer) {
        this.writer = writer;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> extensions() {
        return List.of(".nrrd", ".nhdr");
    }

    @Override
    public boolean matchesContent(byte[] head) {
        return NrrdHeaderText.hasMagic(head);
    }

    @Override
    public ImageReader reader() {
        return new NrrdReader();
    }

    @Override
    public ImageWriter writer() {
        return writer;
    }
}
