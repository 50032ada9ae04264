package org.coreg.app.session;

import java.util.Objects;
import org.coreg.image.AffineMap;

/**
 * The two transforms a before/after toggle flips between after a registration run, both fixed LPS mm -> moving LPS
 * mm.
 *
 * @param before the transform the run started from (the pre-alignment)
 * @param after  the run's result
 */
public record RegistrationComparison(AffineMap before, AffineMap after) {
    public RegistrationComparison {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }
}
