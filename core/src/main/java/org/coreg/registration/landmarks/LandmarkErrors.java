package org.coreg.registration.landmarks;

import java.util.ArrayList;
import java.util.List;
import org.coreg.transform.Direction;
import org.coreg.transform.NonInvertibleTransformException;
import org.coreg.transform.SpatialTransform;
import org.coreg.transform.Transforms;

/**
 * How far a fixed-to-moving transform misses landmark pairs: for each pair {@code |T(fixed) - moving|} in mm (moving
 * LPS space), with their mean, maximum and root mean square. Works for any {@link SpatialTransform} (Coreg's,
 * elastix's, Slicer's): one stored moving-to-fixed is inverted first.
 *
 * @param points per-pair errors, in pair order
 * @param meanMm mean error, mm
 * @param maxMm  largest error, mm
 * @param rmsMm  root mean square error, mm
 */
public record LandmarkErrors(List<PairError> points, double meanMm, double maxMm, double rmsMm) {
    /**
     * One pair's error.
     *
     * @param label   the pair's label
     * @param errorMm {@code |T(fixed) - moving|}, mm
     * @param mapped  {@code T(fixed)}, moving LPS mm
     */
    public record PairError(String label, double errorMm, double[] mapped) {
    }

    public LandmarkErrors {
        points = List.copyOf(points);
    }

    /**
     * The errors of {@code t} at {@code pairs}.
     *
     * @throws NonInvertibleTransformException if {@code t} maps moving to fixed and cannot be inverted
     */
    public static LandmarkErrors of(SpatialTransform t, List<LandmarkPair> pairs)
            throws NonInvertibleTransformException {
        SpatialTransform f2m = t.direction() == Direction.FIXED_TO_MOVING ? t : Transforms.inverse(t);
        List<PairError> out = new ArrayList<>();
        double sum = 0, sq = 0, max = 0;
        for (LandmarkPair p : pairs) {
            double[] q = f2m.apply(p.fixed());
            double[] m = p.moving();
            double e = Math.sqrt((q[0] - m[0]) * (q[0] - m[0]) + (q[1] - m[1]) * (q[1] - m[1])
                    + (q[2] - m[2]) * (q[2] - m[2]));
            out.add(new PairError(p.label(), e, q));
            sum += e;
            sq += e * e;
            max = Math.max(max, e);
        }
        int n = Math.max(1, pairs.size());
        return new LandmarkErrors(out, sum / n, max, Math.sqrt(sq / n));
    }
}
