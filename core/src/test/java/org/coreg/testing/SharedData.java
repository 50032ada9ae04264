package org.coreg.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's shared real data ({@code ../shared/data} beside the repository, or {@code $COREG_SHARED_DATA}).
 * Tests that need it skip with a message where it is absent.
 */
public final class SharedData {
    private SharedData() {
    }

    /** The data folder, or null. */
    public static Path root() {
        String env = System.getenv("COREG_SHARED_DATA");
        Path p = env != null ? Path.of(env) : Path.of("..", "shared", "data").toAbsolutePath().normalize();
        return Files.isDirectory(p) ? p : null;
    }

    /** A file below the data folder, or skips the calling test. */
    public static Path require(String relative) {
        Path root = root();
        assumeTrue(root != null, "skipped: shared data folder ../shared/data not found (set COREG_SHARED_DATA)");
        Path p = root.resolve(relative);
        assumeTrue(Files.exists(p), "skipped: shared data file " + p + " not found");
        return p;
    }
}
