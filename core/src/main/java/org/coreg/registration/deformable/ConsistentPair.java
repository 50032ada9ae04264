package org.coreg.registration.deformable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;
import org.coreg.registration.LevelLog;
import org.coreg.registration.Workers;
import org.coreg.transform.AffineTransform;
import org.coreg.transform.NumericalInverse;
import org.coreg.transform.SpatialTransform;
import org.coreg.transform.Transforms;

/**
 * Makes two deformable results of the same pair, registered both ways, nearly inverse to each other at little cost:
 * each B-spline is replaced by the one through the average, at its control nodes, of its own map and the numerical
 * inverse of the other direction's map. If {@code F = H + e1} and {@code G^-1 = H + e2}, the new forward map is
 * {@code H + (e1 + e2) / 2} and the new backward map its inverse to first order, so the loop error
 * {@code |G(F(x)) - x|} falls from first to second order in the two runs' disagreement, and each direction keeps the
 * information of both runs. The linear parts are already exact inverses (canonical order) and are kept.
 *
 * <p>Cost: one damped Newton inverse per control node (a few thousand at the default 20 mm spacing) and one cubic
 * interpolation of the grid per direction: milliseconds, against seconds for a B-spline registration. Between the
 * nodes the two maps are consistent only as far as a cubic B-spline on the node grid follows the averaged map
 * (docs/symmetry.md gives the figure).
 */
final class ConsistentPair {
    private ConsistentPair() {
    }

    /**
     * {@code own} (fixed to moving) with its B-spline re-fitted through the average of {@code own} and the inverse of
     * {@code other} (the result with the roles swapped, moving to fixed) at its control nodes; where the inverse does
     * not converge or the map folds, the node keeps its own value.
     *
     * @param ownFixed the fixed image of {@code own} (for the folding check)
     */
    static DeformableResult averaged(DeformableResult own, SpatialTransform other, Volume ownFixed, Workers workers) {
        AffineMap a = own.affine();
        AffineMap aInv = a.inverse();
        ImageGeometry grid = own.bspline().grid();
        SpatialTransform f = own.fixedToMoving();
        NumericalInverse otherInverse = new NumericalInverse(other, new NumericalInverse.Settings(1e-6, 50, 1e-3));
        int nx = grid.size(0), ny = grid.size(1), nz = grid.size(2);
        int block = nx * ny * nz;
        double[] disp = new double[3 * block];
        int replaced = 0;
        for (int k = 0, n = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++, n++) {
                    double[] u = grid.indexToWorld(i, j, k); // a node, in the space of A x
                    double[] x = aInv.apply(u);
                    double[] mine = f.apply(x);
                    NumericalInverse.Solution s = otherInverse.solve(x);
                    boolean usable = s.converged() && !s.folded();
                    for (int d = 0; d < 3; d++) {
                        double target = usable ? 0.5 * (mine[d] + s.point()[d]) : mine[d];
                        disp[n + d * block] = target - u[d];
                    }
                    if (usable) {
                        replaced++;
                    }
                }
            }
        }
        BSplineDeformation def = ControlGrid.through(grid, disp);
        FoldingCheck.Report folding = FoldingCheck.check(ownFixed.geometry(), a, def,
                own.folding().map() != null, workers);
        List<LevelLog> log = new ArrayList<>(own.log());
        log.add(new LevelLog("consistency", -1, 0, own.finalMetric(), own.overlap(), 0, String.format(Locale.ROOT,
                "B-spline averaged with the inverse of the other direction's result at %d of %d nodes; metric and "
                + "overlap are those before averaging", replaced, block)));
        return new DeformableResult(a, def.toTransform(),
                Transforms.compose(AffineTransform.fixedToMoving(a), def.toTransform()), folding, log,
                own.finalMetric(), own.overlap());
    }
}
