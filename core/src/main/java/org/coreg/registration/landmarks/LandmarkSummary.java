package org.coreg.registration.landmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coreg.transform.NonInvertibleTransformException;
import org.coreg.transform.SpatialTransform;

/**
 * What a registration's report says about its landmark pairs: the errors of the final transform at the pairs, the
 * fiducial registration error of the pure landmark fit, and Fitzpatrick's expected TRE at a target.
 *
 * @param fit           the kind of the landmark fit used as start (or as the result, for {@code --stages landmarks})
 * @param errors        the final transform's errors at the pairs (moving LPS mm)
 * @param freMm         RMS residual of the pure landmark fit at the pairs (its fiducial registration error), mm
 * @param expectedTreMm Fitzpatrick's expected TRE of the rigid landmark fit at {@code target}, mm (NaN below 3 pairs)
 * @param target        where the TRE is predicted: the crop box centre or the fixed image centre, fixed LPS mm
 */
public record LandmarkSummary(LandmarkFitKind fit, LandmarkErrors errors, double freMm, double expectedTreMm,
                              double[] target) {
    public LandmarkSummary {
        target = target.clone();
    }

    /**
     * Summarises {@code pairs} for {@code result}: errors of the result, FRE of the {@code fit} landmark fit, and the
     * expected TRE at {@code target} from the rigid fit's FRE.
     */
    public static LandmarkSummary of(List<LandmarkPair> pairs, LandmarkFitKind fit, SpatialTransform result,
                                     double[] target) throws LandmarkException, NonInvertibleTransformException {
        SpatialTransform fitted = org.coreg.transform.AffineTransform.fixedToMoving(LandmarkFit.fit(pairs, fit));
        double fre = LandmarkErrors.of(fitted, pairs).rmsMm();
        double rigidFre = fit == LandmarkFitKind.RIGID ? fre : LandmarkErrors.of(
                org.coreg.transform.AffineTransform.fixedToMoving(LandmarkFit.fit(pairs, LandmarkFitKind.RIGID)),
                pairs).rmsMm();
        double fle = FiducialTre.fleFromFre(rigidFre, pairs.size());
        double tre = FiducialTre.expected(FiducialTre.fixedPoints(pairs), fle, target);
        return new LandmarkSummary(fit, LandmarkErrors.of(result, pairs), fre, tre, target);
    }

    @Override
    public double[] target() {
        return target.clone();
    }

    /** JSON-ready map (snake_case keys, mm). */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fit", fit.label());
        m.put("pairs", errors.points().size());
        m.put("mean_mm", errors.meanMm());
        m.put("max_mm", errors.maxMm());
        m.put("rms_mm", errors.rmsMm());
        m.put("fre_mm", freMm);
        m.put("expected_tre_mm", expectedTreMm);
        m.put("tre_target_lps", List.of(target[0], target[1], target[2]));
        List<Object> pts = new ArrayList<>();
        for (LandmarkErrors.PairError e : errors.points()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("label", e.label());
            p.put("error_mm", e.errorMm());
            pts.add(p);
        }
        m.put("points", pts);
        return m;
    }
}
