package org.coreg.registration;

import java.util.List;
import org.coreg.image.AffineMap;

/**
 * The outcome of a registration.
 *
 * @param fixedToMoving the transform mapping fixed-image points to moving-image points, LPS mm (ITK convention)
 * @param log           one entry per stage and level, in order
 * @param finalMetric   the chosen metric's cost at full resolution (minus Mattes MI in nats by default; lower is
 *                      better)
 * @param overlap       fraction of fixed samples that map inside the moving image at the end
 * @param searched      whether the global search ran
 * @param diagnostics   evidence for the quality report (start metric, search alternatives, sample counts)
 */
public record RegistrationResult(AffineMap fixedToMoving, List<LevelLog> log, double finalMetric, double overlap,
                                 boolean searched, RegistrationDiagnostics diagnostics) {
    public RegistrationResult {
        log = List.copyOf(log);
        diagnostics = diagnostics == null ? RegistrationDiagnostics.NONE : diagnostics;
    }

    /** A result without diagnostics. */
    public RegistrationResult(AffineMap fixedToMoving, List<LevelLog> log, double finalMetric, double overlap,
                              boolean searched) {
        this(fixedToMoving, log, finalMetric, overlap, searched, RegistrationDiagnostics.NONE);
    }
}
