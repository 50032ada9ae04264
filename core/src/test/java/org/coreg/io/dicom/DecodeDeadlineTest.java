package org.coreg.io.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.coreg.io.ImageIOException;
import org.junit.jupiter.api.Test;

/** A decoder that never finishes is reported as damaged data within its budget, naming the file. */
class DecodeDeadlineTest {
    private static final Path FILE = Path.of("slow.dcm");

    @Test
    void aDecoderThatDoesNotFinishIsAPlainErrorAndIsInterrupted() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> DecodeDeadline.run(FILE, "test frame", 200, () -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return null;
        })).isInstanceOf(ImageIOException.class)
                .hasMessageStartingWith(FILE.toString())
                .hasMessageContaining("test frame did not decode within 0.2 s");
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(30);
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("the decoder thread is interrupted").isTrue();
    }

    @Test
    void aResultOrAnErrorOfTheDecoderPassesThrough() throws Throwable {
        assertThat(DecodeDeadline.run(FILE, "frame", 10_000, () -> 42)).isEqualTo(42);
        assertThatThrownBy(() -> DecodeDeadline.run(FILE, "frame", 10_000, () -> {
            throw new IllegalStateException("bad marker");
        })).isInstanceOf(IllegalStateException.class).hasMessage("bad marker");
    }
}
