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
}
