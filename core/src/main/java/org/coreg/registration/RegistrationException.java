package org.coreg.registration;

/**
 * A registration that could not produce a trustworthy result. The message says in plain words what happened and
 * what to try next; nothing was written.
 */
public class RegistrationException extends Exception {
    public RegistrationException(String message) {
        super(message);
    }
}
