package org.coreg.transform;

/** A transform that knows its own inverse (e.g. a numerical inverse, whose inverse is the original). */
public interface InvertibleTransform extends SpatialTransform {
    /** The inverse map, in the reversed direction. */
    SpatialTransform inverse() throws NonInvertibleTransformException;
}
