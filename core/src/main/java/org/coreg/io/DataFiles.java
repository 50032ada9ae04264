package org.coreg.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a header may take its voxel data from. A data file named by a header (MetaImage {@code ElementDataFile}, NRRD
 * {@code data file}, the {@code .img} of an Analyze/NIfTI pair) is read only from the header's folder or below, after
 * following symbolic links, so that a hostile header cannot make Coreg copy {@code /etc/passwd} or another user's
 * file into an output image. The user allows other places explicitly with the environment variable
 * {@value #ALLOW_ENV}{@code =1} or the system property {@value #ALLOW_PROPERTY}{@code =true}.
 */
public final class DataFiles {
    /** Environment variable that, set to 1 (or true), lets headers name data files outside their folder. */
    public static final String ALLOW_ENV = "COREG_ALLOW_OUTSIDE_DATA";
    /** System property with the same meaning as {@link #ALLOW_ENV}. */
    public static final String ALLOW_PROPERTY = "coreg.allowOutsideData";

    private DataFiles() {
    }

    /** True when the user allowed data files outside the header's folder. */
    public static boolean outsideAllowed() {
        return truthy(System.getProperty(ALLOW_PROPERTY)) || truthy(System.getenv(ALLOW_ENV));
    }

    private static boolean truthy(String v) {
        return v != null && (v.equals("1") || v.toLowerCase(Locale.ROOT).equals("true"));
    }

    /**
     * The data file {@code name} (as written in {@code header}'s field {@code field}) resolved against the header's
     * folder, checked to be an existing regular file inside that folder (or below).
     *
     * @throws ImageIOException BAD_FIELD for a name that is not a path or points outside the folder, MISSING_FILE for
     *                          a file that does not exist or is not a regular file (a device, a folder, a pipe)
     */
    public static Path resolve(Path header, String field, String name) throws ImageIOException {
        Path dir = folder(header);
        Path data;
        try {
            data = dir.resolve(name).normalize();
        } catch (InvalidPathException e) {
            throw ImageIOException.badField(header, field, "a file name", "'" + clip(name) + "'");
        }
        return checked(header, field, "'" + clip(name) + "'", data);
    }

    /**
     * Checks a data file derived from the header (the {@code .img} beside a {@code .hdr}): a regular file that, after
     * symbolic links are followed, lies in the header's folder or below.
     */
    public static Path checked(Path header, String field, String named, Path data) throws ImageIOException {
        if (!Files.exists(data)) {
            throw new ImageIOException(data, ImageIOException.Problem.MISSING_FILE, "field " + field
                    + ": expected an existing data file (named in " + header + "), found " + named
                    + ", which does not exist");
        }
        if (!Files.isRegularFile(data)) {
            throw new ImageIOException(data, ImageIOException.Problem.MISSING_FILE, "field " + field
                    + ": expected a regular data file (named in " + header + "), found " + named
                    + ", which is a folder or a device");
        }
        if (outsideAllowed()) {
            return data;
        }
        Path realDir;
        Path realData;
        try {
            realDir = folder(header).toRealPath();
            realData = data.toRealPath();
        } catch (IOException e) {
            throw new ImageIOException(data, ImageIOException.Problem.IO_FAILURE, "field " + field
                    + ": cannot resolve the data file named in " + header + " (" + e.getMessage() + ")", e);
        }
        if (!realData.startsWith(realDir)) {
            throw ImageIOException.badField(header, field, "a data file in the header's folder " + realDir
                    + " or below (set " + ALLOW_ENV + "=1 to allow others)", named + " = " + realData);
        }
        return data;
    }

    /** True when {@code file}, symbolic links followed, lies in {@code dir} or below (false if either cannot be resolved). */
    public static boolean inside(Path dir, Path file) {
        try {
            return file.toRealPath().startsWith(dir.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    private static Path folder(Path header) {
        Path dir = header.toAbsolutePath().normalize().getParent();
        return dir == null ? Path.of("").toAbsolutePath() : dir;
    }

    private static String clip(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
