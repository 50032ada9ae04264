package org.coreg.registration;

import org.coreg.image.AffineMap;

/** A bare parameter vector for optimiser tests: optimisers only read and write parameters, never map points. */
public final class ParameterVector implements ParametricTransform {
    private double[] p;

    public ParameterVector(double... p) {
        this.p = p.clone();
    }

    @Override
    public int parameterCount() {
        return p.length;
    }

    @Override
    public double[] parameters() {
        return p.clone();
    }

    @Override
    public void setParameters(double[] q) {
        p = q.clone();
    }

    @Override
    public void transformPoint(double[] x, double[] out) {
        throw new UnsupportedOperationException("not an image transform");
    }

    @Override
    public void jacobian(double[] x, double[] jac) {
        throw new UnsupportedOperationException("not an image transform");
    }

    @Override
    public AffineMap toAffineMap() {
        throw new UnsupportedOperationException("not an image transform");
    }

    @Override
    public ParametricTransform copy() {
        return new ParameterVector(p);
    }

    @Override
    public String name() {
        return "params";
    }
}
