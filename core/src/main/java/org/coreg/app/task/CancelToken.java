package org.coreg.app.task;

/** Set once to ask a background task to stop; the task polls it between steps. Thread-safe. */
public final class CancelToken {
    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Throws {@link CancelledException} if cancellation was asked for. */
    public void check() throws CancelledException {
        if (cancelled) {
            throw new CancelledException();
        }
    }
}
