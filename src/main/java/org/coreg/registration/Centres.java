package org.coreg.registration;

import org.coreg.image.AffineMap;

/** Centres of an image level in LPS mm, for initialisation. */
final class Centres {
    private Centres() {
    }

    /** Geometric centre of the grid. */
    static double[] geometric(PyramidLevel l) {
        return l.geometry().center();
    }

    /**
     * Intensity centre of mass, with intensities taken above the lower robust limit (so CT air at -1000 HU and MR
     * background weigh nothing) and clipped at the upper one.
     */
    static double[] ofMass(PyramidLevel l, IntensityLimits lim) {
        float[] v = l.grid().values();
        int nx = l.grid().nx(), ny = l.grid().ny(), nz = l.grid().nz();
        double span = lim.max() - lim.min();
        double floor = lim.min() + 0.05 * span;
        double sw = 0, si = 0, sj = 0, sk = 0;
        int f = 0;
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++, f++) {
                    double w = Math.min(v[f], lim.max()) - floor;
                    if (w > 0) {
                        sw += w;
                        si += w * i;
                        sj += w * j;
                        sk += w * k;
                    }
                }
            }
        }
        if (sw == 0) {
            return geometric(l);
        }
        AffineMap m = l.geometry().indexToWorld();
        return m.apply(si / sw, sj / sw, sk / sw);
    }

    /** The 8 corner voxel centres of grid {@code g}, LPS mm. */
    static double[][] corners(org.coreg.image.ImageGeometry g) {
        double[][] out = new double[8][];
        for (int k = 0; k < 8; k++) {
            out[k] = g.indexToWorld((k & 1) == 0 ? 0 : g.size(0) - 1, (k & 2) == 0 ? 0 : g.size(1) - 1,
                    (k & 4) == 0 ? 0 : g.size(2) - 1);
        }
        return out;
    }

    /** Largest distance (mm) between where {@code a} and {@code b} send the {@code points}. */
    static double largestShift(org.coreg.image.AffineMap a, org.coreg.image.AffineMap b, double[][] points) {
        double worst = 0;
        for (double[] p : points) {
            double[] x = a.apply(p), y = b.apply(p);
            worst = Math.max(worst, Math.sqrt((x[0] - y[0]) * (x[0] - y[0]) + (x[1] - y[1]) * (x[1] - y[1])
                    + (x[2] - y[2]) * (x[2] - y[2])));
        }
        return worst;
    }
}
