package org.coreg.app.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ExecutorTaskRunnerTest {
    private final ExecutorTaskRunner runner = new ExecutorTaskRunner(Executors.newSingleThreadExecutor(),
            Executors.newSingleThreadExecutor());

    @Test
    void successReportsProgressAndResult() throws Exception {
        List<Double> progress = new CopyOnWriteArrayList<>();
        CountDownLatch finished = new CountDownLatch(1);
        runner.addObserver(new TaskObserver() {
            public void started(TaskHandle t) { }

            public void progressed(TaskHandle t, double f, String m) {
                progress.add(f);
            }

            public void finished(TaskHandle t) {
                finished.countDown();
            }
        });
        AtomicReference<Integer> result = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        runner.submit("sum", (p, c) -> {
            p.progress(0.5, "half");
            Thread.sleep(50);
            return 42;
        }, TaskCallbacks.of(r -> {
            result.set(r);
            done.countDown();
        }, e -> { }));
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(result.get()).isEqualTo(42);
        assertThat(progress).contains(0.5);
    }

    @Test
    void cancelStopsALoopThatChecksTheToken() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        AtomicReference<Object> other = new AtomicReference<>();
        TaskHandle h = runner.submit("loop", (p, c) -> {
            running.countDown();
            while (true) {
                c.check();
                Thread.sleep(5);
            }
        }, new TaskCallbacks<Object>(other::set, other::set, cancelled::countDown));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        h.cancel();
        assertThat(cancelled.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(other.get()).isNull();
        assertThat(h.isDone()).isTrue();
    }

    @Test
    void failureIsDeliveredNotThrown() throws Exception {
        AtomicReference<Throwable> error = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        runner.submit("bad", (p, c) -> {
            throw new IllegalStateException("boom");
        }, TaskCallbacks.of(r -> { }, e -> {
            error.set(e);
            done.countDown();
        }));
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(error.get()).hasMessage("boom");
    }
}
