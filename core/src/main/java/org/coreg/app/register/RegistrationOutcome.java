package org.coreg.app.register;

/** How a registration run ended. */
public enum RegistrationOutcome {
    SUCCEEDED, FAILED, CANCELLED
}
