package org.coreg.app.register;

/** Progress of a registration run, called from the worker thread. */
public interface RegistrationListener {
    /** A new resolution level started: {@code level} counts from 1 to {@code levels} within {@code stage}. */
    void levelStarted(RegistrationStage stage, int level, int levels);

    /** One optimiser iteration finished with the metric value (lower is better). */
    void iteration(int iteration, double metric);
}
