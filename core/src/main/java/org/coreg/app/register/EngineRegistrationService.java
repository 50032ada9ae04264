package org.coreg.app.register;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.coreg.app.session.RoiBox;
import org.coreg.app.task.CancelToken;
import org.coreg.app.task.CancelledException;
import org.coreg.image.AffineMap;
import org.coreg.image.Volume;
import org.coreg.registration.IterationEvent;
import org.coreg.registration.Registration;
import org.coreg.registration.RegistrationCancelledException;
import org.coreg.registration.landmarks.LandmarkFitKind;
import org.coreg.registration.landmarks.LandmarkOptions;
import org.coreg.registration.quality.AssessedRegistration;
import org.coreg.registration.RegistrationSettings;
import org.coreg.registration.RegistrationException;
import org.coreg.registration.Stage;
import org.coreg.registration.deformable.BothWays;
import org.coreg.registration.deformable.DeformableRegistration;
import org.coreg.registration.deformable.InverseConsistency;
import org.coreg.registration.deformable.DeformableResult;
import org.coreg.registration.quality.DeformableQuality;
import org.coreg.registration.quality.QualityReport;
import org.coreg.registration.quality.QualityStatus;

/**
 * The registration engine ({@link Registration}: Mattes MI, pyramid, global search) behind the workstation's
 * {@link RegistrationService}. Options map onto the preset's {@link RegistrationSettings}: the stages, the crop box
 * as the engine's ROI (fixed LPS mm) and the current transform as the initial transform (fixed LPS mm -> moving LPS
 * mm). The result is the engine's fixed -> moving map, which already includes the initial transform.
 */
public final class EngineRegistrationService implements RegistrationService {
    /** What to try when the engine refuses or gives up; its own message says what happened. */
    static final String ADVICE = "Bring the images roughly together by hand (Pre-align, or Centre on fixed), draw a "
            + "crop box around the anatomy both images show and tick 'Restrict to crop box', and check that the two "
            + "files show the same patient and body part.";

    private final RegistrationSettings preset;

    /** The CT-MR head preset: the engine's defaults (Mattes MI, 4 levels, 200 iterations of 3000 samples). */
    public EngineRegistrationService() {
        this(RegistrationSettings.defaults());
    }

    /** Uses {@code preset} for everything the options do not set (levels, iterations, samples, seed, ...). */
    public EngineRegistrationService(RegistrationSettings preset) {
        this.preset = Objects.requireNonNull(preset, "preset");
    }

    @Override
    public AffineMap run(Volume fixed, Volume moving, RegistrationOptions options, RegistrationListener listener,
                         CancelToken cancel) throws RegistrationFailedException, CancelledException {
        return runChecked(fixed, moving, options, listener, cancel).fixedToMoving();
    }

    /**
     * The engine's {@link AssessedRegistration}, as the command line runs it: landmark pairs (when the options hold
     * at least 3) give the start with a rigid fit, or a similarity or affine one when those stages are asked for.
     */
    @Override
    public RegisteredTransform runChecked(Volume fixed, Volume moving, RegistrationOptions options,
                                          RegistrationListener listener, CancelToken cancel)
            throws RegistrationFailedException, CancelledException {
        RegistrationSettings s = settings(options);
        if (options.bspline() != null) {
            return runDeformable(s, options, fixed, moving, listener, cancel);
        }
        LandmarkOptions lm = options.landmarks().isEmpty() ? null : new LandmarkOptions(options.landmarks(),
                s.stages().contains(Stage.AFFINE) ? LandmarkFitKind.AFFINE : LandmarkFitKind.RIGID, false);
        AssessedRegistration.Outcome o;
        try {
            o = AssessedRegistration.run(s, lm, fixed, moving, new ProgressRelay(listener, s.levels()),
                    cancel::isCancelled);
        } catch (RegistrationCancelledException e) {
            throw new CancelledException();
        }
        if (!o.usable()) {
            throw new RegistrationFailedException("Registration failed: " + o.report().reasonsText(), ADVICE, null,
                    o.report());
        }
        return new RegisteredTransform(o.fixedToMoving(), o.report());
    }

    /**
     * The linear stages then the B-spline stage ({@link DeformableRegistration}), by default also the other way with
     * the two B-splines averaged ({@link BothWays}, as {@code coreg register} does; the report then states the pair's
     * inverse-consistency error), judged as the command line judges it ({@link DeformableQuality}); the
     * Jacobian-determinant map on the fixed grid is kept for display. Landmark pairs are not used by this path.
     */
    private RegisteredTransform runDeformable(RegistrationSettings s, RegistrationOptions options, Volume fixed,
                                              Volume moving, RegistrationListener listener, CancelToken cancel)
            throws RegistrationFailedException, CancelledException {
        List<Stage> named = new ArrayList<>(s.stages());
        named.add(Stage.BSPLINE); // the report names every stage that ran (DeformableRegistration runs it regardless)
        s = s.withStages(named.toArray(Stage[]::new));
        var b = options.bspline().settings().withJacobianMap(true);
        DeformableResult r;
        InverseConsistency consistency = null;
        try {
            r = new DeformableRegistration(s, b, new ProgressRelay(listener, s.levels()), cancel::isCancelled)
                    .run(fixed, moving);
            if (options.bspline().bothWays()) {
                // the other way, shown as a second run of levels in the progress and the metric plot
                DeformableResult back = new DeformableRegistration(s, b, new ProgressRelay(listener, s.levels()),
                        cancel::isCancelled).run(moving, fixed);
                BothWays pair = BothWays.of(r, back, fixed, moving, s.threads());
                r = pair.forward();
                consistency = pair.consistency();
            }
        } catch (RegistrationCancelledException e) {
            throw new CancelledException();
        } catch (RegistrationException e) {
            QualityReport failed = DeformableQuality.failed(e.getMessage(), s);
            throw new RegistrationFailedException("Registration failed: " + sentence(e.getMessage()), ADVICE, e,
                    failed);
        }
        QualityReport report = DeformableQuality.assess(r, s);
        if (consistency != null) {
            report = report.withInverseConsistency(consistency.meanMm());
        }
        if (report.status() == QualityStatus.FAILED) {
            throw new RegistrationFailedException("Registration failed: " + report.reasonsText(), ADVICE, null,
                    report);
        }
        return new RegisteredTransform(r.affine(), report, r);
    }

    /** The engine settings for {@code options}: the preset with their stages, ROI and initial transform. */
    RegistrationSettings settings(RegistrationOptions options) throws RegistrationFailedException {
        if (!RegistrationOptions.CT_MR_HEAD.equals(options.preset())) {
            throw new RegistrationFailedException("Unknown registration preset '" + options.preset() + "'.",
                    "Choose " + RegistrationOptions.CT_MR_HEAD + ".");
        }
        List<Stage> stages = new ArrayList<>();
        for (RegistrationStage st : options.stages()) {
            switch (st) {
                case RIGID -> stages.add(Stage.RIGID);
                case SIMILARITY -> stages.add(Stage.SIMILARITY);
                case AFFINE -> stages.add(Stage.AFFINE);
                case BSPLINE -> { } // asked for by options.bspline(); DeformableRegistration runs it after these
            }
        }
        if (!stages.contains(Stage.RIGID)) {
            // The engine always starts with the rigid stage; affine alone means rigid then affine.
            stages.addFirst(Stage.RIGID);
        }
        return preset.withStages(stages.toArray(Stage[]::new)).withRoi(engineRoi(options.roi()))
                .withInitialTransform(options.initial());
    }

    /** The crop box as the engine's ROI (same box, fixed LPS mm), or null. */
    static org.coreg.registration.RoiBox engineRoi(RoiBox box) {
        return box == null ? null : new org.coreg.registration.RoiBox(box.min(), box.max());
    }

    private static String sentence(String m) {
        if (m == null || m.isBlank()) {
            return "the engine gave no reason.";
        }
        String s = m.substring(0, 1).toUpperCase(Locale.ROOT) + m.substring(1);
        return s.endsWith(".") ? s : s + ".";
    }

    /**
     * Turns engine iteration events into the app's level and iteration callbacks. The engine's levels count from 0
     * (coarsest); the similarity and affine stages run only the finest three; global-search refinements count as rigid.
     */
    static final class ProgressRelay implements org.coreg.registration.RegistrationListener {
        private final RegistrationListener listener;
        private final int levels;
        private RegistrationStage stage;
        private int level = -1;
        private int iterations;

        ProgressRelay(RegistrationListener listener, int levels) {
            this.listener = listener;
            this.levels = levels;
        }

        @Override
        public void onIteration(IterationEvent e) {
            RegistrationStage st = switch (e.stage()) {
                case "bspline" -> RegistrationStage.BSPLINE;
                case "affine" -> RegistrationStage.AFFINE;
                case "similarity" -> RegistrationStage.SIMILARITY;
                default -> RegistrationStage.RIGID;
            };
            if (st != stage || e.level() != level) {
                stage = st;
                level = e.level();
                boolean finestThree = st == RegistrationStage.SIMILARITY || st == RegistrationStage.AFFINE; // finest three
                int n = finestThree ? Math.min(3, levels) : levels;
                int k = finestThree ? e.level() - (levels - n) + 1 : e.level() + 1;
                listener.levelStarted(st, Math.clamp(k, 1, n), n);
            }
            listener.iteration(iterations++, e.metric());
        }
    }
}
