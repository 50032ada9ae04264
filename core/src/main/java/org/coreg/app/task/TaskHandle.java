package org.coreg.app.task;

/** A submitted task: its title, whether it is still running, and a way to cancel it. */
public final class TaskHandle {
    private final String title;
    private final CancelToken token = new CancelToken();
    private volatile boolean done;

    TaskHandle(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** Asks the task to stop; its {@code onCancelled} runs once it has. */
    public void cancel() {
        token.cancel();
    }

    public boolean isDone() {
        return done;
    }

    CancelToken token() {
        return token;
    }

    void markDone() {
        done = true;
    }
}
