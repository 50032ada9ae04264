package org.coreg.transform;

import java.util.Arrays;

/**
 * The inverse of a nonlinear transform, found per point by damped Newton iteration on {@code T(x) = y} with a
 * central-difference Jacobian. Each solve reports its residual {@code |T(x) - y|} (mm); where the Jacobian
 * determinant is not positive the transform folds there and the point is refused.
 */
public final class NumericalInverse implements InvertibleTransform {
    /**
     * @param tolerance     residual (mm) at which iteration stops successfully
     * @param maxIterations Newton steps before giving up
     * @param step          finite-difference step (mm) for the Jacobian
     */
    public record Settings(double tolerance, int maxIterations, double step) {
        /** 1e-8 mm, 50 iterations, 1e-3 mm differences. */
        public static final Settings DEFAULT = new Settings(1e-8, 50, 1e-3);
    }

    /**
     * One solved point.
     *
     * @param point      LPS mm in the forward transform's source space
     * @param residual   {@code |T(point) - y|} in mm
     * @param iterations Newton steps taken
     * @param converged  residual at most the tolerance
     * @param folded     the Jacobian was singular or orientation-reversing on the way (the map folds there)
     */
    public record Solution(double[] point, double residual, int iterations, boolean converged, boolean folded) {
    }

    private final SpatialTransform forward;
    private final Settings settings;

    public NumericalInverse(SpatialTransform forward, Settings settings) {
        this.forward = forward;
        this.settings = settings;
    }

    /** Solves {@code forward(x) = y} for {@code x}, starting from {@code y - (forward(y) - y)}. */
    public Solution solve(double[] y) {
        double[] x = forward.apply(y);
        for (int d = 0; d < 3; d++) {
            x[d] = 2 * y[d] - x[d];
        }
        double[] fx = forward.apply(x);
        double res = distance(fx, y);
        double[] jac = new double[9];
        int it = 0;
        boolean folded = false;
        while (res > settings.tolerance() && it < settings.maxIterations()) {
            it++;
            jacobian(x, jac);
            double det = det(jac);
            if (!(det > 1e-12)) {
                folded = true;
                break;
            }
            double[] r = {y[0] - fx[0], y[1] - fx[1], y[2] - fx[2]};
            double[] dx = solve3(jac, det, r);
            double lambda = 1;
            boolean improved = false;
            for (int halving = 0; halving < 20; halving++) {
                double[] xn = {x[0] + lambda * dx[0], x[1] + lambda * dx[1], x[2] + lambda * dx[2]};
                double[] fn = forward.apply(xn);
                double rn = distance(fn, y);
                if (rn < res) {
                    x = xn;
                    fx = fn;
                    res = rn;
                    improved = true;
                    break;
                }
                lambda /= 2;
            }
            if (!improved) {
                break;
            }
        }
        return new Solution(x, res, it, res <= settings.tolerance(), folded);
    }

    /**
     * Maps {@code y} back; throws {@link IllegalStateException} naming the point and residual if the iteration does
     * not converge to within 1e-4 mm or the transform folds there. Use {@link #solve} to inspect residuals instead.
     */
    @Override
    public void apply(double[] y, double[] out) {
        Solution s = solve(y);
        if (s.folded() || s.residual() > Math.max(1e-4, settings.tolerance())) {
            throw new IllegalStateException("cannot invert " + forward.describe() + " at LPS "
                    + Arrays.toString(y) + " mm: " + (s.folded() ? "the transform folds there (Jacobian determinant <= 0)"
                    : "no convergence") + ", residual " + s.residual() + " mm after " + s.iterations() + " steps");
        }
        System.arraycopy(s.point(), 0, out, 0, 3);
    }

    /** The transform this inverts. */
    public SpatialTransform forward() {
        return forward;
    }

    @Override
    public SpatialTransform inverse() {
        return forward;
    }

    @Override
    public Direction direction() {
        return forward.direction().reversed();
    }

    @Override
    public boolean isLinear() {
        return false;
    }

    @Override
    public SpatialTransform withDirection(Direction d) {
        return new NumericalInverse(forward.withDirection(d.reversed()), settings);
    }

    @Override
    public String describe() {
        return "numerical inverse of (" + forward.describe() + ")";
    }

    /** Central-difference Jacobian of the forward map at {@code x}, row-major. */
    private void jacobian(double[] x, double[] jac) {
        double h = settings.step();
        double[] p = x.clone();
        for (int c = 0; c < 3; c++) {
            p[c] = x[c] + h;
            double[] a = forward.apply(p);
            p[c] = x[c] - h;
            double[] b = forward.apply(p);
            p[c] = x[c];
            for (int r = 0; r < 3; r++) {
                jac[3 * r + c] = (a[r] - b[r]) / (2 * h);
            }
        }
    }

    static double det(double[] a) {
        return a[0] * (a[4] * a[8] - a[5] * a[7]) - a[1] * (a[3] * a[8] - a[5] * a[6])
                + a[2] * (a[3] * a[7] - a[4] * a[6]);
    }

    /** Solves {@code a x = r} by Cramer's rule. */
    private static double[] solve3(double[] a, double det, double[] r) {
        double[] x = new double[3];
        for (int c = 0; c < 3; c++) {
            double[] m = a.clone();
            m[c] = r[0];
            m[3 + c] = r[1];
            m[6 + c] = r[2];
            x[c] = det(m) / det;
        }
        return x;
    }

    private static double distance(double[] a, double[] b) {
        double dx = a[0] - b[0], dy = a[1] - b[1], dz = a[2] - b[2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
}
