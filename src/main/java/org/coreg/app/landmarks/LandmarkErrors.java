package org.coreg.app.landmarks;

import org.coreg.image.AffineMap;

/** Adapter to the engine's per-pair landmark error (to be replaced by the engine's class when it lands). */
final class LandmarkErrors {
    private LandmarkErrors() {
    }

    /** |T(fixed) - moving| in moving LPS mm for a complete pair. */
    static double errorMm(AffineMap fixedToMoving, PlantedPair p) {
        double[] a = fixedToMoving.apply(p.fixedLps());
        double[] b = p.movingLps();
        return Math.sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
    }
}
