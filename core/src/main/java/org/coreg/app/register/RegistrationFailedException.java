package org.coreg.app.register;

import org.coreg.registration.quality.QualityReport;

/**
 * A registration could not produce a transform. The message says what went wrong in plain words; {@link #advice()}
 * says what to try; {@link #report()} holds the failed quality report when the engine judged the run.
 */
public class RegistrationFailedException extends Exception {
    private final String advice;
    private final transient QualityReport report;

    public RegistrationFailedException(String message, String advice, Throwable cause) {
        this(message, advice, cause, null);
    }

    public RegistrationFailedException(String message, String advice) {
        this(message, advice, null, null);
    }

    /** @param report the failed quality report, or null */
    public RegistrationFailedException(String message, String advice, Throwable cause, QualityReport report) {
        super(message, cause);
        this.advice = advice;
        this.report = report;
    }

    public String advice() {
        return advice;
    }

    /** The failed quality report, or null when the run was refused before the engine judged it. */
    public QualityReport report() {
        return report;
    }
}
