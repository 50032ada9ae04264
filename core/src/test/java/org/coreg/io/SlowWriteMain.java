package org.coreg.io;

import java.io.OutputStream;
import java.nio.file.Path;

/**
 * A process in the middle of a large atomic write, to be stopped by a test: writes 8 MiB to the temporary file of
 * {@code args[0]}, prints {@code WRITING}, then waits (never commits).
 */
public final class SlowWriteMain {
    private SlowWriteMain() {
    }

    public static void main(String[] args) throws Exception {
        try (AtomicOutput out = new AtomicOutput()) {
            OutputStream s = out.open(Path.of(args[0]));
            s.write(new byte[8 << 20]);
            s.flush();
            System.out.println("WRITING");
            System.out.flush();
            Thread.sleep(120_000);
        }
    }
}
