package org.coreg.ui;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * Measures how long the FX application thread is kept busy: every {@code periodMillis} it posts a ping with
 * {@link Platform#runLater} and records, for each ping, the wall-clock wait and the CPU time the FX thread itself
 * spent before the ping could run. The CPU figure is the blocking caused by the application's own UI-thread work;
 * the wall figure also includes the time the OS did not schedule the thread (on a loaded machine, most of it).
 */
final class FxWatchdog implements AutoCloseable {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final List<double[]> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    FxWatchdog(long periodMillis) throws InterruptedException {
        long[] fxId = new long[1];
        CountDownLatch found = new CountDownLatch(1);
        Platform.runLater(() -> {
            fxId[0] = Thread.currentThread().threadId();
            found.countDown();
        });
        if (!found.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the FX thread did not answer within 10 s");
        }
        thread = new Thread(() -> {
            while (running) {
                long wall0 = System.nanoTime();
                long cpu0 = THREADS.getThreadCpuTime(fxId[0]);
                CountDownLatch ran = new CountDownLatch(1);
                Platform.runLater(() -> {
                    long cpu1 = THREADS.getCurrentThreadCpuTime();
                    synchronized (samples) {
                        samples.add(new double[] {(System.nanoTime() - wall0) / 1e6, (cpu1 - cpu0) / 1e6});
                    }
                    ran.countDown();
                });
                try {
                    ran.await(10, TimeUnit.SECONDS);
                    Thread.sleep(periodMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "fx-watchdog");
        thread.setDaemon(true);
        thread.start();
    }

    /** Per ping: wall-clock wait (ms), sorted ascending. */
    double[] wallMillis() {
        return column(0);
    }

    /** Per ping: FX-thread CPU time spent before the ping ran (ms), sorted ascending. */
    double[] busyMillis() {
        return column(1);
    }

    private double[] column(int c) {
        synchronized (samples) {
            return samples.stream().mapToDouble(s -> s[c]).sorted().toArray();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(2000);
    }
}
