package org.coreg.registration;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * The worker threads of one registration run. Work is split into tasks whose results land in their own slots, so
 * results never depend on the number of threads.
 *
 * <p>Built for many short parallel loops (three per optimiser iteration, each well under a millisecond): the calling
 * thread takes tasks too, and the helper threads wait for the next loop by spinning briefly before they park. Handing
 * each loop to a {@code ForkJoinPool} as a parallel stream cost more in thread wake-ups than the second core gave
 * back: a rigid registration ran 35% faster on one thread than on two that way (docs/benchmarks.md).
 */
public final class Workers implements AutoCloseable {
    /** How long an idle thread spins for the next loop or for the last task before it parks. */
    private static final long SPIN_NANOS = 50_000;

    private final int threads;
    private final Thread[] helpers;
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile Job job;
    private volatile boolean closed;

    /** @param threads number of threads; 0 or less means all available processors */
    public Workers(int threads) {
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        this.helpers = new Thread[this.threads - 1];
        for (int i = 0; i < helpers.length; i++) {
            helpers[i] = new Thread(this::helperLoop, "coreg-worker-" + (i + 1));
            helpers[i].setDaemon(true);
            helpers[i].start();
        }
    }

    public int threads() {
        return threads;
    }

    /**
     * Runs {@code task} for 0..n-1 (in any order, possibly concurrently) and waits for all of them. A call made while
     * another loop runs (from inside a task, or from a second thread) runs its tasks in order on the calling thread.
     *
     * @throws RuntimeException or Error the first one a task threw; the tasks not yet started are then skipped
     */
    public void forEach(int n, IntConsumer task) {
        if (helpers.length == 0 || n <= 1 || closed || !busy.compareAndSet(false, true)) {
            for (int i = 0; i < n; i++) {
                task.accept(i);
            }
            return;
        }
        try {
            Job j = new Job(task, n, Thread.currentThread());
            job = j;
            for (Thread h : helpers) {
                LockSupport.unpark(h);
            }
            j.work();
            j.awaitDone();
            j.rethrow();
        } finally {
            job = null;
            busy.set(false);
        }
    }

    private void helperLoop() {
        Job seen = null;
        while (!closed) {
            Job j = job;
            if (j != null && j != seen) {
                seen = j;
                j.work();
                continue;
            }
            long until = System.nanoTime() + SPIN_NANOS;
            while (job == j && !closed && System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            if (job == j && !closed) {
                // forEach publishes the job before it unparks, so a loop posted after this check still wakes us.
                LockSupport.park(this);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread h : helpers) {
            LockSupport.unpark(h);
        }
    }

    /** One parallel loop: tasks are claimed from a shared counter by every thread that joins. */
    private static final class Job {
        private final IntConsumer task;
        private final int n;
        private final Thread caller;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger finished = new AtomicInteger();
        private volatile Throwable failure;

        Job(IntConsumer task, int n, Thread caller) {
            this.task = task;
            this.n = n;
            this.caller = caller;
        }

        void work() {
            int i;
            while ((i = next.getAndIncrement()) < n) {
                try {
                    if (failure == null) {
                        task.accept(i);
                    }
                } catch (Throwable t) {
                    synchronized (this) {
                        if (failure == null) {
                            failure = t;
                        }
                    }
                } finally {
                    if (finished.incrementAndGet() == n && Thread.currentThread() != caller) {
                        LockSupport.unpark(caller);
                    }
                }
            }
        }

        void awaitDone() {
            long until = System.nanoTime() + SPIN_NANOS;
            while (finished.get() < n) {
                if (System.nanoTime() < until) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.parkNanos(this, 1_000_000);
                }
            }
        }

        void rethrow() {
            Throwable t = failure;
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error e) {
                throw e;
            }
            if (t != null) {
                throw new IllegalStateException(t);
            }
        }
    }
}
