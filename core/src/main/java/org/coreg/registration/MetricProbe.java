package org.coreg.registration;

import java.util.SplittableRandom;
import org.coreg.image.AffineMap;
import org.coreg.image.Volume;
import org.coreg.image.interpolation.InterpolationKind;

/**
 * Mattes MI of a given fixed-to-moving map at full resolution, with many samples and no pyramid: a referee for
 * comparing transforms from different sources (Coreg, elastix, a manual alignment) on one scale.
 */
public final class MetricProbe {
    private MetricProbe() {
    }

    /**
     * @param fixedToMoving LPS mm
     * @param samples       fixed voxels drawn (seeded); all voxels if more than the image has
     * @return minus MI (nats; lower is better) and the overlap fraction
     */
    public static MetricValue evaluate(Volume fixed, Volume moving, AffineMap fixedToMoving, int samples) {
        float[] fv = RealValues.of(fixed);
        float[] mv = RealValues.of(moving);
        try (Workers w = new Workers(0)) {
            PyramidLevel f = GaussianPyramid.build(fixed.geometry(), fv, 1, w).get(0);
            PyramidLevel m = GaussianPyramid.build(moving.geometry(), mv, 1, w).get(0);
            MattesMutualInformation mi = new MattesMutualInformation(m, InterpolationKind.LINEAR.over(m.grid()),
                    AffineMap.identity(), IntensityLimits.robust(fv, 0.005, 0.995),
                    IntensityLimits.robust(mv, 0.005, 0.995), 32, w);
            SampleSet s = new FixedSampler(f, null, null).draw(samples, new SplittableRandom(42));
            AffineTransform t = new AffineTransform(new double[3]);
            double[] p = new double[12];
            double[] a = fixedToMoving.linear();
            System.arraycopy(a, 0, p, 0, 9);
            double[] tr = fixedToMoving.translation();
            p[9] = tr[0];
            p[10] = tr[1];
            p[11] = tr[2];
            t.setParameters(p);
            return mi.evaluate(t, s, false);
        }
    }
}
