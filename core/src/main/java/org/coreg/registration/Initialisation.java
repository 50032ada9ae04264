package org.coreg.registration;

/** How the first transform is chosen (after the user's initial transform, if any). */
public enum Initialisation {
    /** The positions the file headers give. */
    IDENTITY,
    /** Move the fixed image's geometric centre onto the moving image's. */
    GEOMETRIC_CENTRES,
    /** Move the fixed image's intensity centre of mass onto the moving image's. */
    CENTRES_OF_MASS,
    /**
     * Move the fixed image's foreground centroid onto the moving image's and turn its principal axes onto the moving
     * image's; of the four proper rotations that do so (an axis and its opposite are indistinguishable by moments)
     * the one with the best Mattes MI at the coarsest level is kept. For large rotations between scans whose whole
     * object lies inside both fields of view.
     */
    PRINCIPAL_MOMENTS
}
