package org.coreg.registration;

import org.coreg.image.AffineMap;

/**
 * A transform of LPS millimetres, fixed space to moving space, driven by a parameter vector, with the derivative
 * of the mapped point with respect to each parameter. Mutable (the optimiser sets parameters); not thread-safe for
 * {@link #setParameters}, but {@link #transformPoint} and {@link #jacobian} may run concurrently once parameters
 * are set.
 */
public interface ParametricTransform {
    int parameterCount();

    /** The current parameters (a copy). */
    double[] parameters();

    void setParameters(double[] p);

    /** Maps the LPS point {@code x} (mm, fixed space) to {@code out} (mm, moving space). */
    void transformPoint(double[] x, double[] out);

    /**
     * Derivative of the mapped point with respect to the parameters at {@code x}: {@code jac[3*p + d]} is
     * d(out_d)/d(param_p), in mm per parameter unit.
     */
    void jacobian(double[] x, double[] jac);

    /** The current map as an affine map of LPS mm (fixed to moving); only for {@link AffineFamilyTransform}s. */
    AffineMap toAffineMap();

    /** An independent copy with the same parameters and centre. */
    ParametricTransform copy();

    /** Short name for logs ("rigid", "affine"). */
    String name();
}
