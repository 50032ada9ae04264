package org.coreg.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A write that failed, as one plain message naming the file the user asked for (never a hidden temporary) and the
 * operating system's reason: "out.nii.gz: cannot write (Read-only file system)".
 */
public final class OutputFailure extends IOException {
    private final Path target;

    private OutputFailure(Path target, String reason, Throwable cause) {
        super(target + ": cannot write (" + reason + ")", cause);
        this.target = target;
    }

    /** The file that could not be written. */
    public Path target() {
        return target;
    }

    /** {@code e} as a failure to write {@code target}; one that already names its target is returned as it is. */
    public static IOException of(Path target, IOException e) {
        if (e instanceof OutputFailure) {
            return e;
        }
        return new OutputFailure(target, reason(e), e);
    }

    /** The reason alone: an OutputFailure's own reason (without its file name), else {@link #reason}. */
    public static String reasonOf(IOException e) {
        return e instanceof OutputFailure && e.getCause() instanceof IOException cause ? reason(cause) : reason(e);
    }

    /** The operating system's words for {@code e}, without the (temporary) file name Java puts in front. */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** A stream whose every failure (a full disk, a quota) names {@code target}. */
    static final class Naming extends FilterOutputStream {
        private final Path target;

        Naming(OutputStream out, Path target) {
            super(out);
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw of(target, e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw of(target, e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw of(target, e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                out.close();
            } catch (IOException e) {
                throw of(target, e);
            }
        }
    }
}
