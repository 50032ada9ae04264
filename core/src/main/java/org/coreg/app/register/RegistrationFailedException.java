package org.coreg.app.register;

/**
 * A registration could not produce a transform. The message says what went wrong in plain words; {@link #advice()}
 * says what to try.
 */
public class RegistrationFailedException extends Exception {
    private final String advice;

    public RegistrationFailedException(String message, String advice, Throwable cause) {
        super(message, cause);
        this.advice = advice;
    }

    public RegistrationFailedException(String message, String advice) {
        this(message, advice, null);
    }

    public String advice() {
        return advice;
    }
}
