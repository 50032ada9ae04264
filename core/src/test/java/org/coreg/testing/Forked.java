package org.coreg.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a main class of the test classpath in its own JVM (e.g. with a small heap, or to be sent a signal). */
public final class Forked {
    /** What a finished JVM gave: exit status, standard output and error interleaved, wall time. */
    public record Result(int exit, String output, long millis) {
    }

    private Forked() {
    }

    /** Starts {@code main} with {@code jvmArgs} and the test classpath; output and error are merged. */
    public static Process start(List<String> jvmArgs, Class<?> main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java"));
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    /** Runs {@code main} to its end (killed after {@code timeoutSeconds}). */
    public static Result run(long timeoutSeconds, List<String> jvmArgs, Class<?> main, String... args)
            throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = start(jvmArgs, main, args);
        p.getOutputStream().close();
        StringBuilder out = new StringBuilder();
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try {
                out.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the process ended
            }
        });
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor();
        }
        reader.join(5000);
        synchronized (out) {
            return new Result(p.exitValue(), out.toString(), (System.nanoTime() - t0) / 1_000_000);
        }
    }
}
