package org.coreg.io.nifti;

import java.nio.ByteOrder;
import java.util.List;
import org.coreg.io.ImageFormat;
import org.coreg.io.ImageReader;
import org.coreg.io.ImageWriter;

/**
 * NIfTI-1 and NIfTI-2 ({@code .nii}, {@code .nii.gz}, {@code .hdr}/{@code .img} pairs, {@code .img.gz}). Reads
 * both versions in either byte order; writes NIfTI-1 little-endian unless built with another version.
 */
public final class NiftiFormat implements ImageFormat {
    /** The format name stored in {@link org.coreg.image.ImageMetadata#format()}. */
    public static final String NAME = "NIfTI";

    private final NiftiVersion writeVersion;
    private final ByteOrder writeOrder;

    /** Writes NIfTI-1, little-endian. */
    public NiftiFormat() {
        this(NiftiVersion.NIFTI1, ByteOrder.LITTLE_ENDIAN);
    }

    public NiftiFormat(NiftiVersion writeVersion, ByteOrder writeOrder) {
        this.writeVersion = writeVersion;
        this.writeOrder = writeOrder;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> extensions() {
        return List.of(".nii.gz", ".img.gz", ".nii", ".hdr", ".img");
    }

    @Override
    public boolean matchesContent(byte[] head) {
        return NiftiHeaderCodec.looksLikeNifti(head);
    }

    @Override
    public ImageReader reader() {
        return new NiftiReader();
    }

    @Override
    public ImageWriter writer() {
        return new NiftiWriter(writeVersion, writeOrder);
    }
}
