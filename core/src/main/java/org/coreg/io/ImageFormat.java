package org.coreg.io;

import java.nio.file.Path;
import java.util.List;

/**
 * One image file format: how to recognise it, read it and write it (in the spirit of SCIFIO's Format with its
 * Checker, Parser and Writer).
 */
public interface ImageFormat {
    /** Human-readable name, e.g. {@code NIfTI}, also stored in {@link org.coreg.image.ImageMetadata#format()}. */
    String name();

    /** File name endings this format writes and reads, lower case with the dot, longest first. */
    List<String> extensions();

    /** True when the file name ends with one of {@link #extensions()} (case-insensitive). */
    default boolean matchesName(Path file) {
        String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return extensions().stream().anyMatch(n::endsWith);
    }

    /**
     * True when the first bytes of the file (up to 1 KiB, decompressed if gzip) identify this format. Formats
     * without magic bytes return false and are found by extension.
     */
    boolean matchesContent(byte[] head);

    /** True when {@link #reader()} also reads a folder (e.g. a DICOM series). */
    default boolean readsFolders() {
        return false;
    }

    ImageReader reader();

    ImageWriter writer();
}
