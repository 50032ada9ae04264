package org.coreg.registration;

/** The caller cancelled the run; no result exists. */
public final class RegistrationCancelledException extends RegistrationException {
    public RegistrationCancelledException(String where) {
        super("registration cancelled by the user (" + where + "); nothing was written");
    }
}
