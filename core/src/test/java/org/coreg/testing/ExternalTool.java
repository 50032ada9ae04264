package org.coreg.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The field's reference tools (elastix, transformix, plastimatch, dcm2niix) used as oracles. A test that needs one
 * calls {@link #require}; where the tool is absent the test is skipped with a message (CI installs them).
 */
public final class ExternalTool {
    private ExternalTool() {
    }

    /** The executable on the PATH, or skips the calling test. */
    public static Path require(String name) {
        Path p = find(name);
        assumeTrue(p != null, "skipped: '" + name + "' is not installed (apt-get install "
                + ("transformix".equals(name) ? "elastix" : name) + "; .ci/run does this)");
        return p;
    }

    /** The executable on the PATH, or null. */
    public static Path find(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** Output of a finished process. */
    public record Result(int exitCode, String output) {
    }

    /** Runs a command (stdout and stderr merged) in {@code dir} and waits up to {@code timeoutSeconds}. */
    public static Result run(Path dir, long timeoutSeconds, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(dir.toFile())
                .redirectErrorStream(true);
        Path log = Files.createTempFile(dir, "tool", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
        }
        String out = Files.readString(log, StandardCharsets.ISO_8859_1);
        Files.deleteIfExists(log);
        return new Result(p.exitValue(), out);
    }

    /** Runs a command and fails with its output if it does not exit 0. */
    public static String runOk(Path dir, long timeoutSeconds, String... command) throws IOException, InterruptedException {
        Result r = run(dir, timeoutSeconds, command);
        if (r.exitCode() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited " + r.exitCode() + ":\n" + r.output());
        }
        return r.output();
    }
}
