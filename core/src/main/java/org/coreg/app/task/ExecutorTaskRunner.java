package org.coreg.app.task;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs tasks on a worker executor and posts every callback and observer call to {@code callbackThread} (e.g.
 * {@code Platform::runLater}). Progress is coalesced: while one progress update waits to be delivered, newer ones
 * replace it, so a chatty task cannot flood the UI thread.
 */
public final class ExecutorTaskRunner implements TaskRunner {
    private final ExecutorService workers;
    private final Executor callbackThread;
    private final List<TaskObserver> observers = new CopyOnWriteArrayList<>();

    public ExecutorTaskRunner(ExecutorService workers, Executor callbackThread) {
        this.workers = workers;
        this.callbackThread = callbackThread;
    }

    @Override
    public void addObserver(TaskObserver observer) {
        observers.add(observer);
    }

    @Override
    public <T> TaskHandle submit(String title, BackgroundTask<T> task, TaskCallbacks<T> callbacks) {
        TaskHandle handle = new TaskHandle(title);
        callbackThread.execute(() -> observers.forEach(o -> o.started(handle)));
        CoalescingProgress progress = new CoalescingProgress(handle);
        workers.execute(() -> {
            T result;
            try {
                handle.token().check();
                result = task.run(progress, handle.token());
            } catch (CancelledException e) {
                finish(handle, callbacks.onCancelled());
                return;
            } catch (Throwable e) {
                if (handle.token().isCancelled() && e instanceof InterruptedException) {
                    finish(handle, callbacks.onCancelled());
                } else {
                    finish(handle, () -> callbacks.onFailure().accept(e));
                }
                return;
            }
            finish(handle, handle.token().isCancelled() ? callbacks.onCancelled()
                    : () -> callbacks.onSuccess().accept(result));
        });
        return handle;
    }

    private void finish(TaskHandle handle, Runnable outcome) {
        callbackThread.execute(() -> {
            handle.markDone();
            observers.forEach(o -> o.finished(handle));
            outcome.run();
        });
    }

    /** Stops accepting tasks and cancels none (running tasks finish); for application exit. */
    public void shutdown() {
        workers.shutdownNow();
    }

    private final class CoalescingProgress implements ProgressListener {
        private final TaskHandle handle;
        private final AtomicBoolean pending = new AtomicBoolean();
        private volatile double fraction;
        private volatile String message = "";

        CoalescingProgress(TaskHandle handle) {
            this.handle = handle;
        }

        @Override
        public void progress(double f, String m) {
            fraction = f;
            message = m;
            if (pending.compareAndSet(false, true)) {
                callbackThread.execute(() -> {
                    pending.set(false);
                    if (!handle.isDone()) {
                        observers.forEach(o -> o.progressed(handle, fraction, message));
                    }
                });
            }
        }
    }
}
