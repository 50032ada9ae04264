package org.coreg.transform;

import java.util.Objects;

/**
 * ITK 3's B-spline with a bulk transform (the legacy {@code BSplineDeformableTransform} followed by an
 * {@code AffineTransform} in one file, as BRAINSFit and older 3D Slicer wrote): {@code y = A(x) + D(x)}, where
 * {@code D(x) = B(x) - x} is the B-spline's displacement evaluated at the input point itself (not at {@code A(x)}), so
 * this is a sum, not a chain. LPS mm, in the direction of both parts.
 */
public final class BulkBSplineTransform implements SpatialTransform {
    private final AffineTransform bulk;
    private final BSplineTransform bspline;

    public BulkBSplineTransform(AffineTransform bulk, BSplineTransform bspline) {
        this.bulk = Objects.requireNonNull(bulk, "bulk");
        this.bspline = Objects.requireNonNull(bspline, "bspline");
        if (bulk.direction() != bspline.direction()) {
            throw new IllegalArgumentException("the bulk transform and the B-spline must map the same way");
        }
    }

    public AffineTransform bulk() {
        return bulk;
    }

    public BSplineTransform bspline() {
        return bspline;
    }

    @Override
    public Direction direction() {
        return bspline.direction();
    }

    @Override
    public void apply(double[] p, double[] out) {
        double x = p[0], y = p[1], z = p[2];
        double[] b = new double[3];
        bspline.apply(p, b);
        bulk.apply(p, out);
        out[0] += b[0] - x;
        out[1] += b[1] - y;
        out[2] += b[2] - z;
    }

    @Override
    public boolean isLinear() {
        return false;
    }

    @Override
    public BulkBSplineTransform withDirection(Direction d) {
        return new BulkBSplineTransform(bulk.withDirection(d), bspline.withDirection(d));
    }

    @Override
    public String describe() {
        return bspline.describe() + " plus bulk " + bulk.describe();
    }
}
