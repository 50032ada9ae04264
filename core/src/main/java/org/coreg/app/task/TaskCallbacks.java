package org.coreg.app.task;

import java.util.function.Consumer;

/**
 * What to do when a task ends, each called on the runner's callback thread (the UI thread in the workstation).
 *
 * @param onSuccess   the result
 * @param onFailure   the error (never a {@link CancelledException})
 * @param onCancelled the task stopped because it was cancelled
 */
public record TaskCallbacks<T>(Consumer<T> onSuccess, Consumer<Throwable> onFailure, Runnable onCancelled) {
    public static <T> TaskCallbacks<T> of(Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        return new TaskCallbacks<>(onSuccess, onFailure, () -> { });
    }
}
