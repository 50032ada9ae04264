package org.coreg.registration;

import java.util.List;

/**
 * Evidence a registration run gathers for judging its result (see {@code registration.quality.QualityAssessor}).
 *
 * @param metricStart      the metric at the start pose (after the initial transform and initialisation, before any
 *                         optimisation) on the finest level's check samples; NaN when not measured
 * @param alternatives     distinct poses the global search refined other than the chosen one, best first
 * @param finestSamples    fixed voxels the mask and crop box leave at full resolution
 * @param regionExtentMm   smallest side (mm) of the bounding box of those voxels
 * @param regionCentre     centre of that bounding box, fixed LPS mm
 * @param contextSearch    true when the initialisation and search saw the whole fixed image rather than the box
 * @param contextDriftMm   how far (mm, largest over the fixed image's corners) the levels restricted to the crop box
 *                         or mask moved the pose found with the whole image as context; NaN without context levels
 */
public record RegistrationDiagnostics(double metricStart, List<PoseAlternative> alternatives, int finestSamples,
                                      double regionExtentMm, double[] regionCentre, boolean contextSearch,
                                      double contextDriftMm) {
    /** Nothing measured (results built outside {@link Registration}). */
    public static final RegistrationDiagnostics NONE = new RegistrationDiagnostics(Double.NaN, List.of(), 0,
            Double.NaN, null, false, Double.NaN);

    public RegistrationDiagnostics {
        alternatives = List.copyOf(alternatives);
        regionCentre = regionCentre == null ? null : regionCentre.clone();
    }

    @Override
    public double[] regionCentre() {
        return regionCentre == null ? null : regionCentre.clone();
    }
}
