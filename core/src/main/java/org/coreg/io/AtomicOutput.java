package org.coreg.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one or more files so that a failure leaves nothing behind: each file is written to a temporary file in
 * its target's folder and moved into place only by {@link #commit()}. Closing without committing deletes the
 * temporary files. Files are moved in the order they were opened, so a header opened last appears last.
 *
 * <pre>{@code
 * try (AtomicOutput out = new AtomicOutput()) {
 *     try (OutputStream data = out.open(rawFile)) { ... }
 *     try (OutputStream header = out.open(headerFile)) { ... }
 *     out.commit();
 * }
 * }</pre>
 */
public final class AtomicOutput implements AutoCloseable {
    private record Pending(Path temp, Path target) {
    }

    private final List<Pending> pending = new ArrayList<>();
    private boolean committed;

    /**
     * Opens a buffered stream to a temporary file that {@link #commit()} will move to {@code target}. Temporary files
     * of the same target left by a killed Coreg process are removed first ({@link TempFiles}). Every failure, here or
     * in the returned stream (a full disk), is an IOException naming {@code target} and the operating system's reason.
     */
    public OutputStream open(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new IOException(target + ": cannot write: the folder " + dir + " does not exist");
        }
        if (Files.exists(abs) && !Files.isRegularFile(abs)) {
            // Moving a file onto a folder or a device (/dev/full, as root) would replace it, not write into it.
            throw new IOException(target + ": cannot write: it exists and is not a regular file (a folder, device or "
                    + "pipe)");
        }
        TempFiles.removeStale(abs);
        Path temp;
        try {
            temp = TempFiles.create(abs);
        } catch (IOException e) {
            throw OutputFailure.of(target, e);
        }
        pending.add(new Pending(temp, abs));
        try {
            return new OutputFailure.Naming(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16), target);
        } catch (IOException e) {
            throw OutputFailure.of(target, e);
        }
    }

    /**
     * Moves every temporary file onto its target, replacing existing files. Streams must be closed first. If a move
     * fails, the targets already moved by this call are deleted too, so that a set of files (a .hdr/.img pair)
     * appears whole or not at all.
     */
    public void commit() throws IOException {
        List<Path> moved = new ArrayList<>();
        try {
            for (Pending p : pending) {
                normalPermissions(p.temp);
                try {
                    Files.move(p.temp, p.target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(p.temp, p.target, StandardCopyOption.REPLACE_EXISTING);
                }
                TempFiles.release(p.temp);
                moved.add(p.target);
            }
        } catch (IOException e) {
            deleteMoved(moved, e);
            throw OutputFailure.of(pending.get(moved.size()).target, e);
        } catch (RuntimeException e) {
            deleteMoved(moved, e);
            throw e;
        }
        committed = true;
    }

    private static void deleteMoved(List<Path> moved, Exception e) {
        for (Path t : moved) {
            try {
                Files.deleteIfExists(t);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
        }
    }

    /**
     * Temporary files are created owner-only (rw-------); the finished file gets the usual rw-r--r-- so that it
     * reads like any other file the user writes. File systems without POSIX permissions keep their defaults.
     */
    private static void normalPermissions(Path temp) throws IOException {
        try {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (e.g. Windows): its default permissions already apply.
        }
    }

    /** Deletes the temporary files unless {@link #commit()} succeeded. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        for (Pending p : pending) {
            TempFiles.delete(p.temp); // best effort: the original error is what the caller needs
        }
    }
}
