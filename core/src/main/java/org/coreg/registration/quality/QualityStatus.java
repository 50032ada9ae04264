package org.coreg.registration.quality;

import java.util.Locale;

/** How far a registration result can be trusted. */
public enum QualityStatus {
    /** No evidence against the result. */
    OK,
    /** The result was written, but some evidence says it may be wrong; a {@code warning:} line says which. */
    UNCERTAIN,
    /** The result is wrong or cannot be checked: no transform and no image are written, exit status 1. */
    FAILED;

    /** {@code ok}, {@code uncertain} or {@code failed}, as in the report file. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
