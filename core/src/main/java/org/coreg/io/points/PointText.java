package org.coreg.io.points;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.coreg.io.AtomicOutput;
import org.coreg.io.ImageIOException.Problem;

/** Text in and out of point files: typed read errors, atomic writes, numbers that round-trip. */
final class PointText {
    static final long MAX_BYTES = 64L << 20;

    private PointText() {
    }

    static String read(Path file) throws PointFileException {
        try {
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                // A folder, pipe or device (/dev/zero) would fail oddly, block or never end.
                throw new PointFileException(file, 0, Problem.WRONG_FORMAT, "expected a point file, found a folder, "
                        + "device or pipe");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new PointFileException(file, 0, Problem.TOO_LARGE, "expected a point file of at most "
                        + (MAX_BYTES >> 20) + " MiB, found " + (Files.size(file) >> 20) + " MiB");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (PointFileException e) {
            throw e; // already says what is wrong
        } catch (NoSuchFileException e) {
            throw new PointFileException(file, 0, Problem.MISSING_FILE, "file does not exist");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new PointFileException(file, 0, Problem.WRONG_FORMAT, "expected UTF-8 text, found binary data");
        } catch (IOException e) {
            throw new PointFileException(file, 0, Problem.IO_FAILURE, "cannot read (" + e.getMessage() + ")");
        }
    }

    static List<String> lines(Path file) throws PointFileException {
        return List.of(read(file).split("\\R", -1));
    }

    static void write(Path file, String text) throws IOException {
        try (AtomicOutput out = new AtomicOutput()) {
            try (OutputStream os = out.open(file)) {
                os.write(text.getBytes(StandardCharsets.UTF_8));
            }
            out.commit();
        }
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v).replace("E", "e");
    }

    static double number(String s, Path file, int line, String field) throws PointFileException {
        try {
            double v = Double.parseDouble(s.strip());
            if (!Double.isFinite(v)) {
                throw PointFileException.badField(file, line, field, "a finite number", "'" + s.strip() + "'");
            }
            return v;
        } catch (NumberFormatException e) {
            throw PointFileException.badField(file, line, field, "a number", "'" + s.strip() + "'");
        }
    }
}
