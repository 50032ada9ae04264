package org.coreg.app.task;

/** Work that runs off the UI thread, reports progress and stops when asked. */
@FunctionalInterface
public interface BackgroundTask<T> {
    T run(ProgressListener progress, CancelToken cancel) throws Exception;
}
