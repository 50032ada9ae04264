package org.coreg.registration;

/**
 * A parametric transform that is affine for every parameter vector (rigid, similarity, affine), so that
 * {@link #toAffineMap()} is exact at any parameters and a metric may fold it with other affine maps.
 */
public interface AffineFamilyTransform extends ParametricTransform {
}
