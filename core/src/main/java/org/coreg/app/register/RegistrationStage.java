package org.coreg.app.register;

/** A stage of a registration run, in the order they run. */
public enum RegistrationStage {
    /** Rotation and translation. */
    RIGID,
    /** Rigid plus one isotropic scale, from the rigid result. */
    SIMILARITY,
    /** General affine, from the rigid (or similarity) result. */
    AFFINE
}
