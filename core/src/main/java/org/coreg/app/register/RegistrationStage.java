package org.coreg.app.register;

/** A stage of a registration run, in the order they run. */
public enum RegistrationStage {
    /** Rotation and translation. */
    RIGID,
    /** Rigid plus one isotropic scale, from the rigid result. */
    SIMILARITY,
    /** General affine, from the rigid (or similarity) result. */
    AFFINE,
    /**
     * The B-spline deformation after the linear stages; named in progress reports only (the options ask for it with
     * {@link RegistrationOptions#bspline()}).
     */
    BSPLINE
}
