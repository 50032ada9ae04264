package org.coreg.io.nifti;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** File-name rules of NIfTI: single files, .hdr/.img pairs, and their gzip variants. */
final class NiftiFiles {
    private NiftiFiles() {
    }

    static String lower(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT);
    }

    static boolean isGzipName(Path file) {
        return lower(file).endsWith(".gz");
    }

    /** True for a name that denotes the data half of a pair ({@code .img}, {@code .img.gz}). */
    static boolean isImgName(Path file) {
        String n = lower(file);
        return n.endsWith(".img") || n.endsWith(".img.gz");
    }

    /** True for a name that denotes a pair ({@code .hdr}, {@code .img}, {@code .img.gz}). */
    static boolean isPairName(Path file) {
        return lower(file).endsWith(".hdr") || isImgName(file);
    }

    /** The file name without its NIfTI extension (case kept). */
    static String stem(Path file) {
        String name = file.getFileName().toString();
        String n = name.toLowerCase(Locale.ROOT);
        for (String ext : new String[] {".nii.gz", ".img.gz", ".hdr.gz", ".nii", ".img", ".hdr"}) {
            if (n.endsWith(ext)) {
                return name.substring(0, name.length() - ext.length());
            }
        }
        return name;
    }

    /** Candidate headers of the pair whose data file is {@code img}: .hdr, then .HDR. */
    static Path[] headerCandidates(Path img) {
        String stem = stem(img);
        return new Path[] {sibling(img, stem + ".hdr"), sibling(img, stem + ".HDR")};
    }

    /** Candidate data files of the pair headed by {@code header}: .img, then .img.gz. */
    static Path[] dataCandidates(Path header) {
        if (isImgName(header)) {
            return new Path[] {header};
        }
        String stem = stem(header);
        boolean upper = header.getFileName().toString().endsWith(".HDR");
        return new Path[] {sibling(header, stem + (upper ? ".IMG" : ".img")),
            sibling(header, stem + (upper ? ".IMG.GZ" : ".img.gz"))};
    }

    static Path sibling(Path file, String name) {
        Path dir = file.toAbsolutePath().getParent();
        return dir == null ? Path.of(name) : dir.resolve(name);
    }

    /** Opens a file, decompressing it if it starts with the gzip magic (whatever its name). */
    static InputStream open(Path file) throws IOException {
        boolean gzip;
        try (InputStream probe = Files.newInputStream(file)) {
            byte[] m = probe.readNBytes(2);
            gzip = m.length == 2 && (m[0] & 0xff) == 0x1f && (m[1] & 0xff) == 0x8b;
        }
        return gzip ? new GzipInput(file) : new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16);
    }
}
