package org.coreg.registration;

/**
 * A parametric transform whose mapped point depends, at any one point, on only a few of its many parameters (a
 * B-spline's 64 control points), with that non-zero part of its Jacobian. {@link MattesMutualInformation}'s gradient
 * uses the still narrower {@link NodeWeightedTransform} form, so the cost of a gradient grows with the number of
 * samples, not with the number of parameters.
 */
public interface SparseJacobianTransform extends ParametricTransform {
    /** How many parameters can affect one point (the length of the index list {@link #sparseJacobian} fills). */
    int jacobianSupport();

    /**
     * The non-zero part of the parameter Jacobian at the LPS mm point {@code x}: {@code params[s]} is a parameter
     * index and {@code jac[3*s + d]} is d(out_d)/d(param) in mm per parameter unit, for s below
     * {@link #jacobianSupport()}. Unused slots have a zero derivative.
     */
    void sparseJacobian(double[] x, int[] params, double[] jac);
}
