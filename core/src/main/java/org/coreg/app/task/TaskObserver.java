package org.coreg.app.task;

/** Watches all tasks of a runner (for a progress bar); called on the runner's callback thread. */
public interface TaskObserver {
    void started(TaskHandle task);

    void progressed(TaskHandle task, double fraction, String message);

    void finished(TaskHandle task);
}
