package org.coreg.app.transforms;

/**
 * A transform manager action could not be done. The message says what and why in plain words; {@link #advice()}
 * says what to try. The session is unchanged.
 */
public class TransformActionException extends Exception {
    private final String advice;

    public TransformActionException(String message, String advice, Throwable cause) {
        super(message, cause);
        this.advice = advice;
    }

    public TransformActionException(String message, String advice) {
        this(message, advice, null);
    }

    /** What to try, or null. */
    public String advice() {
        return advice;
    }
}
