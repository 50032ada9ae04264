package org.coreg.registration.deformable;

import org.coreg.image.Volume;
import org.coreg.registration.RegistrationException;
import org.coreg.registration.RegistrationSettings;

/**
 * A deformable registration made both ways, with its inverse-consistency error: what a user who needs both directions
 * gets, and the figure the quality report states. The linear stages of the two runs are exact inverses (they run in
 * the pair's canonical order, {@code org.coreg.registration.PairOrder}); the two B-spline stages are independent
 * optimisations, so their composition is not the identity, and {@link #consistency()} says by how much.
 *
 * @param forward     {@code moving} registered to {@code fixed}: fixed to moving, LPS mm
 * @param backward    {@code fixed} registered to {@code moving}: moving to fixed, LPS mm
 * @param consistency {@code |backward(forward(x)) - x|} over the fixed image's object, mm
 */
public record BothWays(DeformableResult forward, DeformableResult backward, InverseConsistency consistency) {
    /** Runs the deformable registration of {@code moving} to {@code fixed}, then of {@code fixed} to {@code moving}. */
    public static BothWays run(RegistrationSettings settings, BSplineSettings bspline, Volume fixed, Volume moving)
            throws RegistrationException {
        DeformableResult fwd = new DeformableRegistration(settings, bspline, null, null).run(fixed, moving);
        DeformableResult back = new DeformableRegistration(settings, bspline, null, null).run(moving, fixed);
        return new BothWays(fwd, back, InverseConsistency.of(fixed, fwd.fixedToMoving(), back.fixedToMoving()));
    }
}
