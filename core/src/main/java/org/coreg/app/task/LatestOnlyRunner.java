package org.coreg.app.task;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs jobs one at a time on an executor, keeping only the newest job that has not started: a render requested
 * ten times during a mouse drag runs at most twice (the one under way and the latest). Thread-safe.
 */
public final class LatestOnlyRunner {
    private final Executor executor;
    private final Consumer<RuntimeException> errors;
    private final AtomicReference<Runnable> pending = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    /** @param errors told about a job that threw (the runner carries on with the next job) */
    public LatestOnlyRunner(Executor executor, Consumer<RuntimeException> errors) {
        this.executor = executor;
        this.errors = errors;
    }

    /** Replaces any job still waiting with {@code job}. */
    public void submit(Runnable job) {
        pending.set(job);
        schedule();
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        try {
            Runnable job;
            while ((job = pending.getAndSet(null)) != null) {
                try {
                    job.run();
                } catch (RuntimeException e) {
                    errors.accept(e);
                }
            }
        } finally {
            scheduled.set(false);
            if (pending.get() != null) {
                schedule();
            }
        }
    }
}
