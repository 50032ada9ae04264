package org.coreg.ui;

import java.util.concurrent.Executors;
import javafx.application.Platform;
import org.coreg.app.task.ExecutorTaskRunner;

/** The JavaFX adapter of the app's task runner: work on daemon threads, callbacks on the FX application thread. */
public final class FxTaskRunner {
    private FxTaskRunner() {
    }

    public static ExecutorTaskRunner create() {
        return new ExecutorTaskRunner(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "coreg-worker");
            t.setDaemon(true);
            return t;
        }), Platform::runLater);
    }
}
