package org.coreg.transform;

import java.util.Objects;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * A 3-D thin-plate spline that maps source landmarks exactly onto target landmarks (LPS mm), as ITK's
 * {@code ThinPlateSplineKernelTransform} with stiffness 0 does: {@code T(x) = x + A x + b + sum_i w_i |x - s_i|},
 * the 3-D kernel {@code U(r) = r}, with {@code w}, {@code A}, {@code b} solved from the landmark displacements
 * {@code t_i - s_i} under the side conditions {@code sum w_i = 0}, {@code sum w_i s_i^T = 0} (Bookstein 1989; ITK's
 * KernelTransform builds the same system, one per axis as its kernel is isotropic). The system is solved by SVD,
 * as ITK does, so a degenerate landmark set (fewer than 4, or coplanar) gives the least-squares answer.
 */
public final class ThinPlateSplineTransform implements SpatialTransform {
    private final double[] source;
    private final double[] target;
    private final Direction direction;
    /** Kernel weights, landmark-major: {@code w[3 i + axis]}. */
    private final double[] w;
    /** Affine part of the displacement, row-major 3x4: {@code [A | b]}. */
    private final double[] affine;

    /**
     * @param source    landmarks {@code x0 y0 z0 x1 ...} in the transform's input space (LPS mm)
     * @param target    where they map to, same count, in its output space (LPS mm)
     * @param direction which way the map goes
     */
    public ThinPlateSplineTransform(double[] source, double[] target, Direction direction) {
        this.direction = Objects.requireNonNull(direction, "direction");
        if (source.length == 0 || source.length % 3 != 0 || source.length != target.length) {
            throw new IllegalArgumentException("a thin-plate spline needs the same positive number of source and "
                    + "target landmarks (3 values each), found " + source.length + " and " + target.length
                    + " values");
        }
        this.source = source.clone();
        this.target = target.clone();
        int n = source.length / 3;
        RealMatrix l = new Array2DRowRealMatrix(n + 4, n + 4);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                l.setEntry(i, j, distance(source, i, source[3 * j], source[3 * j + 1], source[3 * j + 2]));
            }
            for (int d = 0; d < 3; d++) {
                l.setEntry(i, n + d, source[3 * i + d]);
                l.setEntry(n + d, i, source[3 * i + d]);
            }
            l.setEntry(i, n + 3, 1);
            l.setEntry(n + 3, i, 1);
        }
        DecompositionSolver solver = new SingularValueDecomposition(l).getSolver();
        this.w = new double[3 * n];
        this.affine = new double[12];
        for (int axis = 0; axis < 3; axis++) {
            RealVector rhs = new ArrayRealVector(n + 4);
            for (int i = 0; i < n; i++) {
                rhs.setEntry(i, target[3 * i + axis] - source[3 * i + axis]);
            }
            RealVector sol = solver.solve(rhs);
            for (int i = 0; i < n; i++) {
                w[3 * i + axis] = sol.getEntry(i);
            }
            for (int k = 0; k < 4; k++) {
                affine[4 * axis + k] = sol.getEntry(n + k);
            }
        }
    }

    private static double distance(double[] pts, int i, double x, double y, double z) {
        double dx = x - pts[3 * i];
        double dy = y - pts[3 * i + 1];
        double dz = z - pts[3 * i + 2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    /** The source landmarks, {@code x0 y0 z0 x1 ...} (LPS mm). */
    public double[] source() {
        return source.clone();
    }

    /** The target landmarks, {@code x0 y0 z0 x1 ...} (LPS mm). */
    public double[] target() {
        return target.clone();
    }

    @Override
    public Direction direction() {
        return direction;
    }

    @Override
    public void apply(double[] p, double[] out) {
        double x = p[0], y = p[1], z = p[2];
        double dx = 0, dy = 0, dz = 0;
        int n = source.length / 3;
        for (int i = 0; i < n; i++) {
            double r = distance(source, i, x, y, z);
            dx += w[3 * i] * r;
            dy += w[3 * i + 1] * r;
            dz += w[3 * i + 2] * r;
        }
        double[] a = affine;
        out[0] = x + dx + a[0] * x + a[1] * y + a[2] * z + a[3];
        out[1] = y + dy + a[4] * x + a[5] * y + a[6] * z + a[7];
        out[2] = z + dz + a[8] * x + a[9] * y + a[10] * z + a[11];
    }

    @Override
    public boolean isLinear() {
        return false;
    }

    @Override
    public ThinPlateSplineTransform withDirection(Direction d) {
        return new ThinPlateSplineTransform(source, target, d);
    }

    @Override
    public String describe() {
        return "thin-plate spline of " + source.length / 3 + " landmarks " + direction.label();
    }
}
