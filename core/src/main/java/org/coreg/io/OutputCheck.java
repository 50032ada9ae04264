package org.coreg.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks, before any work starts, that every output of a command can be written: its folder exists and accepts a
 * new file (probed by creating and deleting the same hidden temporary file {@link AtomicOutput} will use, so the
 * answer is the operating system's, read-only mounts and quotas included), it is not a folder, and no two outputs
 * are the same file. A registration that would fail at its last step fails in its first instead.
 */
public final class OutputCheck {
    private OutputCheck() {
    }

    /**
     * Checks every non-null path of {@code outputs}.
     *
     * @throws IOException naming the output and the reason (an {@link OutputFailure} for the operating system's)
     */
    public static void writable(Path... outputs) throws IOException {
        Map<Path, Path> seen = new HashMap<>();
        for (Path p : outputs) {
            if (p == null) {
                continue;
            }
            Path abs = p.toAbsolutePath().normalize();
            Path before = seen.putIfAbsent(abs, p);
            if (before != null) {
                throw new IllegalArgumentException(p + ": named as two outputs (" + before + "); give each its own "
                        + "file");
            }
            Path dir = abs.getParent();
            if (dir == null || !Files.isDirectory(dir)) {
                throw new IOException(p + ": cannot write: the folder " + dir + " does not exist");
            }
            if (Files.exists(abs) && !Files.isRegularFile(abs)) {
                throw new IOException(p + ": cannot write: it exists and is not a regular file (a folder, device or "
                        + "pipe)");
            }
            Path probe;
            try {
                probe = TempFiles.create(abs);
            } catch (IOException e) {
                throw OutputFailure.of(p, e);
            }
            TempFiles.delete(probe);
        }
    }
}
