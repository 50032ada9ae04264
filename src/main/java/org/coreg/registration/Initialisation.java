package org.coreg.registration;

/** How the first transform is chosen (after the user's initial transform, if any). */
public enum Initialisation {
    /** The positions the file headers give. */
    IDENTITY,
    /** Move the fixed image's geometric centre onto the moving image's. */
    GEOMETRIC_CENTRES,
    /** Move the fixed image's intensity centre of mass onto the moving image's. */
    CENTRES_OF_MASS
}
