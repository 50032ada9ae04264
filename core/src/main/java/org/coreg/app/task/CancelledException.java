package org.coreg.app.task;

/** A background task stopped because the user cancelled it. */
public final class CancelledException extends Exception {
    public CancelledException() {
        super("cancelled by the user");
    }
}
