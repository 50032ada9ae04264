package org.coreg.transform;

/** A transform has no inverse where it was asked for one: a singular matrix, or a field that folds. */
public class NonInvertibleTransformException extends Exception {
    public NonInvertibleTransformException(String message) {
        super(message);
    }
}
