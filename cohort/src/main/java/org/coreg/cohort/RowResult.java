package org.coreg.cohort;

import java.io.Serializable;

/**
 * The outcome of one row, as results.csv lists it.
 *
 * @param status {@code ok} or {@code uncertain} (registered now; the quality report's verdict, uncertain with its
 *     reasons in the message), {@code skipped} (outputs of an earlier run with the same fingerprint kept) or
 *     {@code failed}
 * @param metric the final metric value of the registration (Mattes MI is negative: lower is better), NaN if none
 * @param overlap fraction of fixed samples inside the moving image at the end, NaN if none
 * @param seconds wall time of the row on its executor (for a skipped row, of the earlier run)
 * @param message why the row failed, else empty
 */
public record RowResult(String id, String status, double metric, double overlap, double seconds, String message,
        String fingerprint) implements Serializable {
    public static final String OK = "ok";
    public static final String UNCERTAIN = "uncertain";
    public static final String SKIPPED = "skipped";
    public static final String FAILED = "failed";

    public boolean failed() {
        return status.equals(FAILED);
    }

    /** Whether the row has a transform of its own: registered now (ok or uncertain). */
    public boolean registered() {
        return status.equals(OK) || status.equals(UNCERTAIN);
    }
}
