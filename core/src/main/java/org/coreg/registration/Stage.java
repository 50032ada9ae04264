package org.coreg.registration;

/** A registration stage; stages run in order, each starting from the previous one's result. */
public enum Stage {
    /** Rotation and translation (6 parameters). */
    RIGID,
    /** Rigid plus one isotropic scale (7 parameters), started from the rigid result. */
    SIMILARITY,
    /** General affine (12 parameters), started from the rigid (or similarity) result. */
    AFFINE,
    /** Cubic B-spline deformation on top of the linear result (org.coreg.registration.deformable). */
    BSPLINE
}
