package org.coreg.registration;

/**
 * What one stage did at one pyramid level.
 *
 * @param stage      "rigid", "affine" or "search"
 * @param level      0 = coarsest
 * @param iterations iterations run
 * @param metric     cost at the end (minus Mattes MI, nats)
 * @param overlap    fraction of fixed samples inside the moving image at the end
 * @param millis     wall time of this level
 * @param note       what happened in words (e.g. the global search's choice), or empty
 */
public record LevelLog(String stage, int level, int iterations, double metric, double overlap, long millis,
                       String note) {
}
