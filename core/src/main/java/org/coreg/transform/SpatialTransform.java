package org.coreg.transform;

/**
 * A map of 3-D space: a point in LPS millimetres of its source space to LPS millimetres of its target space, in the
 * {@link #direction()} it states. Implementations are immutable and safe to use from many threads.
 */
public interface SpatialTransform {
    /** Which way this maps: fixed to moving (registration results) or moving to fixed (their inverses). */
    Direction direction();

    /** Maps the LPS mm point {@code p} and writes the result into {@code out} (which may be {@code p}). */
    void apply(double[] p, double[] out);

    /** Maps the LPS mm point {@code p} and returns a new array. */
    default double[] apply(double... p) {
        double[] out = new double[3];
        apply(p, out);
        return out;
    }

    /** True when the map is affine (identity, rigid, similarity, affine, or a chain of those). */
    boolean isLinear();

    /** The same map labelled with another direction (for files that do not say, or said it wrongly). */
    SpatialTransform withDirection(Direction d);

    /** A short description for logs and messages, e.g. {@code rigid fixed->moving}. */
    String describe();
}
