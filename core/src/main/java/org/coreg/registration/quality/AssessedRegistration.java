package org.coreg.registration.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;
import org.coreg.registration.GlobalSearchMode;
import org.coreg.registration.Initialisation;
import org.coreg.registration.PreparedImages;
import org.coreg.registration.Registration;
import org.coreg.registration.RegistrationCancelledException;
import org.coreg.registration.RegistrationException;
import org.coreg.registration.RegistrationListener;
import org.coreg.registration.RegistrationResult;
import org.coreg.registration.RegistrationSettings;
import org.coreg.registration.RoiBox;
import org.coreg.registration.Stage;
import org.coreg.registration.landmarks.LandmarkException;
import org.coreg.registration.landmarks.LandmarkFit;
import org.coreg.registration.landmarks.LandmarkOptions;
import org.coreg.registration.landmarks.LandmarkSummary;
import org.coreg.transform.AffineTransform;
import org.coreg.transform.NonInvertibleTransformException;

/**
 * A linear registration with its quality report: the one path the command line, batch and the workstation take.
 * Landmark pairs, when given, give the start (their least-squares fit, used as the initial transform, with the global
 * search off: the pairs already say where the anatomy is) or, with {@link LandmarkOptions#fitOnly()}, the result.
 * A run the engine refuses or gives up on becomes a {@link QualityStatus#FAILED} report with its reason.
 */
public final class AssessedRegistration {
    /**
     * The outcome.
     *
     * @param fixedToMoving the result (fixed LPS mm to moving LPS mm), or null when the report says failed
     * @param report        the verdict and its evidence
     * @param result        the engine's result (log, metric), or null for a pure landmark fit or a refused run
     */
    public record Outcome(AffineMap fixedToMoving, QualityReport report, RegistrationResult result) {
        /** True when a transform may be written (ok or uncertain). */
        public boolean usable() {
            return fixedToMoving != null && report.status() != QualityStatus.FAILED;
        }
    }

    private AssessedRegistration() {
    }

    /**
     * Runs and judges one registration.
     *
     * @param landmarks how to use landmark pairs, or null
     * @throws RegistrationCancelledException when {@code cancelled} turned true
     */
    public static Outcome run(RegistrationSettings settings, LandmarkOptions landmarks, Volume fixed, Volume moving,
                              RegistrationListener listener, BooleanSupplier cancelled)
            throws RegistrationCancelledException {
        return run(settings, landmarks, fixed, moving, null, listener, cancelled);
    }

    /** As above, with images prepared earlier (see {@link PreparedImages}; null for none). */
    public static Outcome run(RegistrationSettings settings, LandmarkOptions landmarks, Volume fixed, Volume moving,
                              PreparedImages earlier, RegistrationListener listener, BooleanSupplier cancelled)
            throws RegistrationCancelledException {
        List<String> stages = new ArrayList<>();
        for (Stage s : settings.stages()) {
            stages.add(s.name().toLowerCase(Locale.ROOT));
        }
        RegistrationSettings s = settings;
        AffineMap fit = null;
        if (landmarks != null) {
            try {
                fit = LandmarkFit.fit(landmarks.pairs(), landmarks.fit());
            } catch (LandmarkException e) {
                return failed("The landmark pairs cannot be used: " + e.getMessage() + ".", stages, settings);
            }
            if (landmarks.fitOnly()) {
                stages = List.of("landmarks");
                RegistrationResult r = new RegistrationResult(fit, List.of(), Double.NaN, Double.NaN, false);
                return judged(r, stages, settings, landmarks, fixed);
            }
            s = s.withInitialTransform(fit).withInitialisation(Initialisation.IDENTITY)
                    .withGlobalSearch(GlobalSearchMode.NEVER);
            stages.addFirst("landmarks");
        }
        RegistrationResult r;
        try {
            r = new Registration(s, listener, cancelled).using(earlier).run(fixed, moving);
        } catch (RegistrationCancelledException e) {
            throw e;
        } catch (RegistrationException e) {
            return failed(sentence(e.getMessage()), stages, settings);
        }
        return judged(r, stages, settings, landmarks, fixed);
    }

    private static Outcome judged(RegistrationResult r, List<String> stages, RegistrationSettings s,
                                  LandmarkOptions landmarks, Volume fixed) {
        LandmarkSummary summary = null;
        if (landmarks != null) {
            try {
                summary = LandmarkSummary.of(landmarks.pairs(), landmarks.fit(),
                        AffineTransform.fixedToMoving(r.fixedToMoving()), target(s.roi(), fixed.geometry()));
            } catch (LandmarkException | NonInvertibleTransformException e) {
                summary = null;
            }
        }
        QualityReport report = QualityAssessor.assess(r, stages, s.seed(), summary);
        return new Outcome(report.status() == QualityStatus.FAILED ? null : r.fixedToMoving(), report, r);
    }

    private static Outcome failed(String reason, List<String> stages, RegistrationSettings s) {
        return new Outcome(null, new QualityReport(QualityStatus.FAILED, List.of(reason), Double.NaN, Double.NaN,
                Double.NaN, stages, s.seed(), List.of(), null, null), null);
    }

    /** Where the expected TRE is predicted: the crop box centre, else the fixed image's centre (fixed LPS mm). */
    public static double[] target(RoiBox roi, ImageGeometry g) {
        if (roi != null) {
            return new double[] {(roi.lo()[0] + roi.hi()[0]) / 2, (roi.lo()[1] + roi.hi()[1]) / 2,
                (roi.lo()[2] + roi.hi()[2]) / 2};
        }
        return g.indexToWorld((g.size(0) - 1) / 2.0, (g.size(1) - 1) / 2.0, (g.size(2) - 1) / 2.0);
    }

    private static String sentence(String m) {
        if (m == null || m.isBlank()) {
            return "The registration gave no reason.";
        }
        String t = m.substring(0, 1).toUpperCase(Locale.ROOT) + m.substring(1);
        return t.endsWith(".") ? t : t + ".";
    }
}
