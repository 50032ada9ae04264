package org.coreg.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The temporary files of {@link AtomicOutput}: how they are named, their removal when the process is stopped, and
 * the removal of those a killed process left.
 *
 * <p>Naming: {@code .TARGET.coreg-PID-RANDOM.tmp} in the target's folder (hidden, so a half-written image never
 * shows up as a result; PID is the writing process). A clean exit path on SIGTERM or Ctrl-C (SIGINT) runs the JVM's
 * shutdown hooks, and the one installed here deletes every temporary file still open. SIGKILL runs nothing; the
 * files it leaves are removed by the next Coreg write beside the same target, once their process no longer runs.
 *
 * <p>The set of open temporary files is the one piece of process-wide state in the writers: a shutdown hook can only
 * reach what is registered globally.
 */
final class TempFiles {
    private static final String MARK = ".coreg-";
    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();
    private static final Thread HOOK = new Thread(TempFiles::deleteAll, "coreg-temp-cleanup");

    static {
        try {
            Runtime.getRuntime().addShutdownHook(HOOK);
        } catch (IllegalStateException e) {
            // Already shutting down: nothing new will be written.
        }
    }

    private TempFiles() {
    }

    /** Creates the temporary file for {@code target} (absolute) and registers it for removal on shutdown. */
    static Path create(Path target) throws IOException {
        Path dir = target.getParent();
        Path temp = Files.createTempFile(dir, prefix(target) + ProcessHandle.current().pid() + "-", ".tmp");
        OPEN.add(temp);
        return temp;
    }

    /** Forgets {@code temp}: it was moved into place or deleted. */
    static void release(Path temp) {
        OPEN.remove(temp);
    }

    /** Deletes {@code temp} (best effort) and forgets it. */
    static void delete(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // Best effort: the file is hidden and recognisable, and the next write beside the target removes it.
        }
        OPEN.remove(temp);
    }

    /** True for a name this class gives to temporary files of {@code target}. */
    static boolean isTempOf(Path file, Path target) {
        String n = file.getFileName().toString();
        return n.startsWith(prefix(target)) && n.endsWith(".tmp");
    }

    /**
     * Removes the temporary files of {@code target} (absolute) left by Coreg processes that no longer run (killed
     * with SIGKILL, or by a power cut); those of a process still running are its own business.
     */
    static void removeStale(Path target) {
        Path dir = target.getParent();
        String prefix = prefix(target);
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, glob(prefix) + "*.tmp")) {
            for (Path p : s) {
                String rest = p.getFileName().toString().substring(prefix.length());
                int dash = rest.indexOf('-');
                long pid;
                try {
                    pid = Long.parseLong(rest.substring(0, Math.max(dash, 0)));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException ignored) {
            // Tidying is best effort; the write itself reports real problems.
        }
    }

    private static String prefix(Path target) {
        return "." + target.getFileName() + MARK;
    }

    private static String glob(String literal) {
        StringBuilder b = new StringBuilder();
        for (char c : literal.toCharArray()) {
            if ("*?[]{}\\".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    private static void deleteAll() {
        for (Path p : OPEN) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // Shutting down: nothing more can be done.
            }
        }
    }
}
