package org.coreg.registration;

/** Receives progress; called on the registration thread, so it should return quickly. */
@FunctionalInterface
public interface RegistrationListener {
    RegistrationListener NONE = e -> { };

    void onIteration(IterationEvent event);
}
