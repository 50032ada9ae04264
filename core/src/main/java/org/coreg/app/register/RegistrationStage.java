package org.coreg.app.register;

/** A stage of a registration run, in the order they run. */
public enum RegistrationStage {
    RIGID, AFFINE
}
