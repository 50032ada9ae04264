package org.coreg.points;

/** Which image's space a point list is expressed in. */
public enum Space {
    /** The fixed (reference) image's LPS space. */
    FIXED,
    /** The moving image's LPS space. */
    MOVING,
    /** Not recorded (a file that does not say). */
    UNKNOWN
}
