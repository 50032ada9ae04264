package org.coreg.registration;

import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * A pool of worker threads for one registration run. Work is split into tasks whose results land in their own
 * slots, so results never depend on the number of threads.
 */
public final class Workers implements AutoCloseable {
    private final ForkJoinPool pool;
    private final int threads;

    /** @param threads number of threads; 0 or less means all available processors */
    public Workers(int threads) {
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        this.pool = this.threads > 1 ? new ForkJoinPool(this.threads) : null;
    }

    public int threads() {
        return threads;
    }

    /** Runs {@code task} for 0..n-1 (in any order, possibly concurrently) and waits for all of them. */
    public void forEach(int n, IntConsumer task) {
        if (pool == null || n <= 1) {
            for (int i = 0; i < n; i++) {
                task.accept(i);
            }
            return;
        }
        pool.submit(() -> IntStream.range(0, n).parallel().forEach(task)).join();
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdown();
        }
    }
}
