package org.coreg.io.transform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.coreg.io.ImageIOException.Problem;

/** Reads a small text file as lines, with typed errors naming the file. */
final class TextLines {
    /** Transform text files larger than this are refused (a B-spline of 100^3 nodes is about 60 MB). */
    static final long MAX_BYTES = 512L << 20;

    private TextLines() {
    }

    static List<String> read(Path file) throws TransformFileException {
        try {
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                // A folder, pipe or device (/dev/zero) would fail oddly, block or never end.
                throw new TransformFileException(file, 0, Problem.WRONG_FORMAT, "expected a transform file, found a "
                        + "folder, device or pipe");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new TransformFileException(file, 0, Problem.TOO_LARGE, "expected a text file of at most "
                        + (MAX_BYTES >> 20) + " MiB, found " + (Files.size(file) >> 20) + " MiB");
            }
            return List.of(Files.readString(file, StandardCharsets.ISO_8859_1).split("\\R", -1));
        } catch (TransformFileException e) {
            throw e; // already says what is wrong
        } catch (NoSuchFileException e) {
            throw new TransformFileException(file, 0, Problem.MISSING_FILE, "file does not exist");
        } catch (IOException e) {
            throw new TransformFileException(file, 0, Problem.IO_FAILURE, "cannot read (" + e.getMessage() + ")");
        }
    }

    /** The first line that is not blank, or "". */
    static String firstContentLine(List<String> lines) {
        return lines.stream().filter(l -> !l.isBlank()).findFirst().orElse("");
    }

    /** A line shortened for a message. */
    static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
