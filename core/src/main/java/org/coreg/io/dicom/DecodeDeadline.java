package org.coreg.io.dicom;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.coreg.io.ImageIOException;
import org.coreg.io.ImageIOException.Problem;

/**
 * Runs a third-party decoder on a daemon thread of its own and waits a bounded time for it, so that damaged data on
 * which the decoder loops (JJ2000 can loop for minutes on some damaged JPEG 2000 packet headers) ends in a plain
 * error within seconds instead of hanging an import. A decoder that does not finish is interrupted and left behind:
 * Java cannot stop a thread, and as a daemon it does not keep the process alive.
 */
final class DecodeDeadline {
    private DecodeDeadline() {
    }

    /**
     * @param file   the file being read (named in the error)
     * @param what   what is decoded, for the message (e.g. "JPEG2000_LOSSLESS (1.2.840.10008.1.2.4.90) frame")
     * @param millis the longest wait
     * @return what {@code work} returned
     * @throws ImageIOException CORRUPT_COMPRESSION when {@code work} did not finish in time; what it threw otherwise
     * @throws Throwable        whatever else {@code work} threw, unchanged
     */
    static <T> T run(Path file, String what, long millis, Callable<T> work) throws Throwable {
        FutureTask<T> task = new FutureTask<>(work);
        Thread worker = Thread.ofPlatform().daemon().name("coreg-decoder").start(task);
        try {
            return task.get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            worker.interrupt();
            throw new ImageIOException(file, Problem.CORRUPT_COMPRESSION, "field (7FE0,0010) PixelData: " + what
                    + " did not decode within " + millis / 1000.0 + " s (damaged data)");
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
            throw new ImageIOException(file, Problem.CORRUPT_COMPRESSION, "field (7FE0,0010) PixelData: decoding "
                    + what + " was interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause();
        }
    }
}
