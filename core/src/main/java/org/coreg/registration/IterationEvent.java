package org.coreg.registration;

/**
 * Progress of one optimiser iteration.
 *
 * @param stage         "rigid", "affine" or "search"
 * @param level         pyramid level, 0 = coarsest
 * @param iteration     iteration within the level, from 0
 * @param metric        cost at this iteration (minus Mattes MI)
 * @param overlap       fraction of fixed samples inside the moving image
 * @param elapsedMillis wall time since the run started
 */
public record IterationEvent(String stage, int level, int iteration, double metric, double overlap,
                             long elapsedMillis) {
}
