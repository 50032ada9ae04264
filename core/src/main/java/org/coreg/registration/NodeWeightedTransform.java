package org.coreg.registration;

/**
 * A transform driven by displacement coefficients on nodes (a B-spline control grid): at a point, the mapped point
 * moves along axis {@code d} by {@code weight} mm per mm of parameter {@code node + d * axisStride()} for a few nodes,
 * and no other parameter moves it. {@link MattesGradient} uses the node weights directly, a third of the work of the
 * general {@link #sparseJacobian}, whose Jacobian here is {@code weight} times the identity per node.
 */
public interface NodeWeightedTransform extends SparseJacobianTransform {
    /** Distance between the parameter indices of one node's x, y and z coefficients. */
    int axisStride();

    /**
     * The nodes that move the LPS mm point {@code x} (their x-coefficient indices) and their weights; returns how
     * many were written (0 where no parameter moves the point), at most {@code jacobianSupport() / 3}.
     */
    int nodeWeights(double[] x, int[] nodes, double[] weights);
}
