package org.coreg.registration.deformable;

import org.coreg.registration.Optimizer;
import org.coreg.registration.ImageMetric;
import org.coreg.registration.MetricValue;
import org.coreg.registration.ParametricTransform;
import org.coreg.registration.RegistrationException;
import org.coreg.registration.SampleSet;

/**
 * Limited-memory BFGS (Nocedal and Wright, Numerical Optimization, algorithms 7.4, 3.5 and 3.6) for thousands of
 * B-spline coefficients (mm), on one fixed sample set, so the cost is a deterministic function of the parameters and
 * a line search is meaningful. The direction comes from the two-loop recursion over the last {@value #MEMORY}
 * curvature pairs (a pair with {@code s.y <= 0} is skipped, which keeps the implied Hessian positive definite); the
 * step satisfies the strong Wolfe conditions ({@code c1 = 1e-4, c2 = 0.9}) by bracketing and safeguarded quadratic
 * interpolation, falling back to the best point with sufficient decrease (Armijo) when the evaluation budget runs
 * out. The first step, and the first after a restart, moves no coefficient more than {@code maxStepMm}; no trial step
 * moves one more than {@value #STEP_CAP} times that (mutual information is not convex: a far point may be a different
 * valley). It stops after {@code iterations} iterations, when an iteration lowers the cost by less than a relative
 * tolerance, when the gradient norm falls below a fraction of its first value, or when no step lowers the cost even
 * along steepest descent. An optional penalty (bending energy) is added to the cost with its own gradient.
 */
final class LimitedMemoryBfgs {
    static final int MEMORY = 7;
    /** Stop when an iteration lowers the cost by less than this times max(1, |cost|). */
    static final double COST_TOLERANCE = 1e-6;
    /** Stop when the gradient norm falls below this times its value at the start. */
    static final double GRADIENT_TOLERANCE = 1e-5;
    private static final double C1 = 1e-4;
    private static final double C2 = 0.9;
    private static final int MAX_EVALUATIONS = 12;
    private static final double STEP_CAP = 5;

    private final int iterations;
    private final double maxStepMm;
    private final AdaptiveStochasticDescent.Penalty penalty;
    private final double costTolerance;
    private final double gradientTolerance;

    LimitedMemoryBfgs(int iterations, double maxStepMm, AdaptiveStochasticDescent.Penalty penalty) {
        this(iterations, maxStepMm, penalty, COST_TOLERANCE, GRADIENT_TOLERANCE);
    }

    LimitedMemoryBfgs(int iterations, double maxStepMm, AdaptiveStochasticDescent.Penalty penalty,
                      double costTolerance, double gradientTolerance) {
        if (iterations < 1 || !(maxStepMm > 0)) {
            throw new IllegalArgumentException("L-BFGS: expected at least 1 iteration and a positive step, found "
                    + iterations + " and " + maxStepMm);
        }
        this.iterations = iterations;
        this.maxStepMm = maxStepMm;
        this.penalty = penalty;
        this.costTolerance = costTolerance;
        this.gradientTolerance = gradientTolerance;
    }

    /** A point of the search: parameters, cost (metric + penalty), its gradient and the metric's overlap. */
    private record Point(double[] x, double cost, double[] grad, double overlap) {
        MetricValue value() {
            return new MetricValue(cost, grad, overlap);
        }
    }

    /**
     * Minimises metric (+ penalty) on {@code samples} over the parameters of {@code t}; leaves {@code t} at the result.
     * The monitor sees the value at the start of every iteration.
     *
     * @return the value at the result and the number of iterations run
     */
    Optimizer.Outcome minimise(ParametricTransform t, ImageMetric metric, SampleSet samples,
                                     Optimizer.Monitor monitor) throws RegistrationException {
        Point cur = evaluate(t, metric, samples, t.parameters());
        double g0 = Math.sqrt(dot(cur.grad, cur.grad));
        double[][] s = new double[MEMORY][], y = new double[MEMORY][];
        double[] rho = new double[MEMORY];
        int stored = 0;
        int newest = 0;
        int done = 0;
        while (done < iterations) {
            monitor.iteration(done, cur.value());
            double gn = Math.sqrt(dot(cur.grad, cur.grad));
            if (!(gn > gradientTolerance * g0) || gn == 0) {
                break;
            }
            done++;
            double[] d = direction(cur.grad, s, y, rho, stored, newest);
            double dg = dot(d, cur.grad);
            if (!(dg < 0)) {
                stored = 0;
                d = direction(cur.grad, s, y, rho, 0, newest);
                dg = -gn * gn;
            }
            double largest = 0;
            for (double v : d) {
                largest = Math.max(largest, Math.abs(v));
            }
            if (largest == 0) {
                break;
            }
            double cap = STEP_CAP * maxStepMm / largest;
            // steepest descent (first iteration, restart): at most maxStepMm, as the unscaled gradient is no step
            Point next = stored == 0 ? lineSearch(t, metric, samples, cur, d, dg, maxStepMm / largest,
                    maxStepMm / largest) : lineSearch(t, metric, samples, cur, d, dg, Math.min(1, cap), cap);
            if (next == null) {
                if (stored == 0) {
                    break;
                }
                stored = 0;
                continue;
            }
            double[] sk = new double[d.length];
            double[] yk = new double[d.length];
            for (int j = 0; j < d.length; j++) {
                sk[j] = next.x[j] - cur.x[j];
                yk[j] = next.grad[j] - cur.grad[j];
            }
            double sy = dot(sk, yk);
            if (sy > 0) {
                newest = stored == 0 ? 0 : (newest + 1) % MEMORY;
                s[newest] = sk;
                y[newest] = yk;
                rho[newest] = 1 / sy;
                stored = Math.min(stored + 1, MEMORY);
            }
            double before = cur.cost;
            cur = next;
            if (before - cur.cost <= costTolerance * Math.max(1, Math.max(Math.abs(before), Math.abs(cur.cost)))) {
                break;
            }
        }
        t.setParameters(cur.x);
        return new Optimizer.Outcome(cur.value(), done);
    }

    /** Two-loop recursion: minus the inverse-Hessian estimate times {@code g} (steepest descent when empty). */
    private static double[] direction(double[] g, double[][] s, double[][] y, double[] rho, int stored, int newest) {
        double[] q = g.clone();
        double[] a = new double[stored];
        for (int i = 0; i < stored; i++) {
            int j = Math.floorMod(newest - i, MEMORY);
            a[i] = rho[j] * dot(s[j], q);
            axpy(-a[i], y[j], q);
        }
        if (stored > 0) {
            double gamma = dot(s[newest], y[newest]) / dot(y[newest], y[newest]);
            for (int j = 0; j < q.length; j++) {
                q[j] *= gamma;
            }
        }
        for (int i = stored - 1; i >= 0; i--) {
            int j = Math.floorMod(newest - i, MEMORY);
            axpy(a[i] - rho[j] * dot(y[j], q), s[j], q);
        }
        for (int j = 0; j < q.length; j++) {
            q[j] = -q[j];
        }
        return q;
    }

    /** Strong Wolfe line search along {@code d} from {@code x0}; null when no trial lowered the cost enough. */
    private Point lineSearch(ParametricTransform t, ImageMetric metric, SampleSet samples, Point x0, double[] d,
                             double dg0, double alpha, double alphaMax) {
        double aPrev = 0;
        Point prev = x0;
        double dgPrev = dg0;
        for (int e = 1; e <= MAX_EVALUATIONS; e++) {
            Point p = evaluate(t, metric, samples, along(x0, d, alpha));
            double dg = dot(p.grad, d);
            if (!(p.cost <= x0.cost + C1 * alpha * dg0) || (aPrev > 0 && p.cost >= prev.cost)) {
                return zoom(t, metric, samples, x0, d, dg0, aPrev, prev, dgPrev, alpha, p, MAX_EVALUATIONS - e);
            }
            if (Math.abs(dg) <= -C2 * dg0 || alpha >= alphaMax) {
                return p;
            }
            if (dg >= 0) {
                return zoom(t, metric, samples, x0, d, dg0, alpha, p, dg, aPrev, prev, MAX_EVALUATIONS - e);
            }
            aPrev = alpha;
            prev = p;
            dgPrev = dg;
            alpha = Math.min(2 * alpha, alphaMax);
        }
        return aPrev > 0 ? prev : null;
    }

    /** Narrows a bracket [aLo, aHi] (either order) holding a strong Wolfe step; lo always has sufficient decrease. */
    private Point zoom(ParametricTransform t, ImageMetric metric, SampleSet samples, Point x0, double[] d, double dg0,
                       double aLo, Point lo, double dgLo, double aHi, Point hi, int budget) {
        for (int e = 0; e < budget; e++) {
            double delta = aHi - aLo;
            double denom = 2 * (hi.cost - lo.cost - dgLo * delta);
            // minimum of the quadratic through lo's value and slope and hi's value, kept off the bracket's ends
            double a = denom > 0 ? aLo - dgLo * delta * delta / denom : aLo + delta / 2;
            double margin = 0.1 * Math.abs(delta);
            a = Math.clamp(a, Math.min(aLo, aHi) + margin, Math.max(aLo, aHi) - margin);
            Point p = evaluate(t, metric, samples, along(x0, d, a));
            double dg = dot(p.grad, d);
            if (!(p.cost <= x0.cost + C1 * a * dg0) || p.cost >= lo.cost) {
                aHi = a;
                hi = p;
            } else {
                if (Math.abs(dg) <= -C2 * dg0) {
                    return p;
                }
                if (dg * delta >= 0) {
                    aHi = aLo;
                    hi = lo;
                }
                aLo = a;
                lo = p;
                dgLo = dg;
            }
        }
        return aLo > 0 ? lo : null;
    }

    private Point evaluate(ParametricTransform t, ImageMetric metric, SampleSet samples, double[] x) {
        t.setParameters(x);
        MetricValue v = metric.evaluate(t, samples, true);
        double[] g = v.gradient().clone();
        double cost = v.cost();
        if (penalty != null) {
            cost += penalty.addTo(x, g);
        }
        return new Point(x, cost, g, v.overlap());
    }

    private static double[] along(Point x0, double[] d, double alpha) {
        double[] x = x0.x.clone();
        axpy(alpha, d, x);
        return x;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int j = 0; j < y.length; j++) {
            y[j] += a * x[j];
        }
    }
}
