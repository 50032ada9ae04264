package org.coreg.registration.deformable;

import org.coreg.image.Volume;
import org.coreg.registration.RegistrationException;
import org.coreg.registration.RegistrationSettings;
import org.coreg.registration.Workers;

/**
 * A deformable registration made both ways, with its inverse-consistency error: what a user who needs both directions
 * gets, and the figure the quality report states. The linear stages of the two runs are exact inverses (they run in
 * the pair's canonical order, {@code org.coreg.registration.PairOrder}); the two B-spline stages are independent
 * optimisations, so their composition is not the identity: {@link #independent()} says by how much, and the returned
 * pair has each B-spline averaged with the other direction's inverse ({@link ConsistentPair}), which leaves
 * {@link #consistency()}.
 *
 * @param forward     {@code moving} registered to {@code fixed}: fixed to moving, LPS mm
 * @param backward    {@code fixed} registered to {@code moving}: moving to fixed, LPS mm
 * @param consistency {@code |backward(forward(x)) - x|} over the fixed image's object, mm, of this pair
 * @param independent the same figure for the two runs as they came out, before averaging
 */
public record BothWays(DeformableResult forward, DeformableResult backward, InverseConsistency consistency,
                       InverseConsistency independent) {
    /** Runs the deformable registration of {@code moving} to {@code fixed}, then of {@code fixed} to {@code moving}. */
    public static BothWays run(RegistrationSettings settings, BSplineSettings bspline, Volume fixed, Volume moving)
            throws RegistrationException {
        DeformableResult fwd = new DeformableRegistration(settings, bspline, null, null).run(fixed, moving);
        DeformableResult back = new DeformableRegistration(settings, bspline, null, null).run(moving, fixed);
        return of(fwd, back, fixed, moving, settings.threads());
    }

    /** Averages two finished results ({@code fwd}: fixed to moving, {@code back}: moving to fixed) and measures both. */
    public static BothWays of(DeformableResult fwd, DeformableResult back, Volume fixed, Volume moving, int threads) {
        InverseConsistency before = InverseConsistency.of(fixed, fwd.fixedToMoving(), back.fixedToMoving());
        try (Workers workers = new Workers(threads)) {
            DeformableResult f = ConsistentPair.averaged(fwd, back.fixedToMoving(), fixed, workers);
            DeformableResult b = ConsistentPair.averaged(back, fwd.fixedToMoving(), moving, workers);
            return new BothWays(f, b, InverseConsistency.of(fixed, f.fixedToMoving(), b.fixedToMoving()), before);
        }
    }
}
