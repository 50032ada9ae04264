package org.coreg.io.metaimage;

import java.util.List;
import org.coreg.io.ImageFormat;
import org.coreg.io.ImageReader;
import org.coreg.io.ImageWriter;

/**
 * MetaImage (ITK's {@code .mha} / {@code .mhd}): a text header of {@code Key = value} lines, then raw or zlib
 * voxel data in the same file or in the file {@code ElementDataFile} names.
 */
public final class MetaImageFormat implements ImageFormat {
    /** The format name stored in {@link org.coreg.image.ImageMetadata#format()}. */
    public static final String NAME = "MetaImage";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> extensions() {
        return List.of(".mha", ".mhd");
    }

    @Override
    public boolean matchesContent(byte[] head) {
        return MetaImageHeaderParser.looksLikeHeader(head);
    }

    @Override
    public ImageReader reader() {
        return new MetaImageReader();
    }

    @Override
    public ImageWriter writer() {
        return new MetaImageWriter();
    }
}
