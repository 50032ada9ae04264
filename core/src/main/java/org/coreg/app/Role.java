package org.coreg.app;

/** Which side of the registration a volume plays. */
public enum Role {
    FIXED, MOVING
}
