package org.coreg.registration.deformable;

import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.coreg.image.ImageGeometry;
import org.coreg.image.ImageMetadata;
import org.coreg.image.Volume;
import org.coreg.image.VoxelData;
import org.coreg.image.VoxelType;
import org.coreg.registration.IntensityLimits;

/**
 * A multimodal pair with exact truth from one real MR volume: the moving image is the MR; the fixed image is a
 * CT-like rendering of the MR seen through a known smooth B-spline deformation T (fixed(x) = g(MR(T(x))) + noise,
 * g non-monotonic, so only a statistical metric such as mutual information fits). T maps fixed to moving.
 */
public final class MultimodalCase {
    /** The known deformation: 40 mm nodes, coefficients up to 8 mm (seeded). */
    public static BSplineDeformation truth(ImageGeometry g) {
        return Deformations.random(g, 40, 8, 21);
    }

    private MultimodalCase() {
    }

    /** The fixed image: CT-like intensities of {@code mr} seen through {@code truth}, plus Gaussian noise. */
    public static Volume fixed(Volume mr, BSplineDeformation truth, long seed) {
        IntensityLimits lim = IntensityLimits.robust(mr.toFloatArray(), 0.005, 0.995);
        ToDoubleFunction<double[]> at = Deformations.sampler(mr, lim.min());
        Volume warped = Deformations.render(mr.geometry(), truth.toTransform(), at, "warped");
        float[] v = warped.toFloatArray();
        SplittableRandom r = new SplittableRandom(seed);
        double span = lim.max() - lim.min();
        for (int i = 0; i < v.length; i++) {
            double u = Math.max(0, Math.min(1.2, (v[i] - lim.min()) / span));
            // non-monotonic: dark and bright MR tissue both end up bright, mid-grey ends up dark
            double ct = -1000 + 2400 * (u - 0.45) * (u - 0.45) * 4 + 300 * u;
            v[i] = (float) (ct + 20 * gaussian(r));
        }
        return new Volume(VoxelData.wrap(VoxelType.FLOAT32, v), mr.geometry(), ImageMetadata.named("ct-like"));
    }

    private static double gaussian(SplittableRandom r) {
        double u = Math.max(1e-300, r.nextDouble()), w = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * w);
    }

    /** Where the residual is measured: fixed points whose true MR intensity is above 20% of its robust range. */
    public static Predicate<double[]> inside(Volume mr, BSplineDeformation truth) {
        IntensityLimits lim = IntensityLimits.robust(mr.toFloatArray(), 0.005, 0.995);
        ToDoubleFunction<double[]> at = Deformations.sampler(mr, lim.min());
        double thr = lim.min() + 0.2 * (lim.max() - lim.min());
        return p -> {
            double[] y = new double[3];
            truth.transformPoint(p, y);
            return at.applyAsDouble(y) > thr;
        };
    }

    /** The fixed image grid (the MR's). */
    public static ImageGeometry grid(Volume mr) {
        return mr.geometry();
    }
}
