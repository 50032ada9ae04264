package org.coreg.app.task;

/** Runs background tasks and delivers their progress and outcome on one callback thread. */
public interface TaskRunner {
    <T> TaskHandle submit(String title, BackgroundTask<T> task, TaskCallbacks<T> callbacks);

    void addObserver(TaskObserver observer);
}
