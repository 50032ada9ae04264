package org.coreg.app.task;

/** Told how far a background task has got; called from the worker thread. */
@FunctionalInterface
public interface ProgressListener {
    /**
     * @param fraction 0..1, or negative when unknown
     * @param message  what the task is doing, for the status bar
     */
    void progress(double fraction, String message);
}
