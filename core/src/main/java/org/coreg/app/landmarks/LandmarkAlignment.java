package org.coreg.app.landmarks;

import java.util.List;
import java.util.Objects;
import org.coreg.app.session.RegistrationComparison;
import org.coreg.app.session.RegistrationVerdict;
import org.coreg.app.session.Session;
import org.coreg.app.transforms.TransformManager;
import org.coreg.registration.RegistrationCancelledException;
import org.coreg.registration.RegistrationSettings;
import org.coreg.registration.RoiBox;
import org.coreg.registration.landmarks.LandmarkFitKind;
import org.coreg.registration.landmarks.LandmarkOptions;
import org.coreg.registration.landmarks.LandmarkPair;
import org.coreg.registration.quality.AssessedRegistration;

/**
 * Registers from the landmark pairs alone (the pure landmark fit, as {@code coreg register --stages landmarks}
 * does): the engine's {@link AssessedRegistration} fits a fixed-to-moving transform of the chosen kind to the complete
 * pairs and judges it. A usable fit becomes the current transform (one undo step), is kept in the transform library
 * and can be compared with the start; its report becomes the session's verdict either way. The fit is closed-form and
 * immediate, so it runs on the caller's thread.
 */
public final class LandmarkAlignment {
    private final Session session;

    public LandmarkAlignment(Session session) {
        this.session = Objects.requireNonNull(session);
    }

    /**
     * Fits, applies and judges.
     *
     * @return the engine's outcome: {@link AssessedRegistration.Outcome#usable()} false when the pairs cannot
     *         determine a {@code kind} transform (too few, on one line or in one plane; the report says which)
     * @throws IllegalStateException if a volume is missing
     */
    public AssessedRegistration.Outcome align(LandmarkFitKind kind) {
        var fixed = session.fixed().orElseThrow(() -> new IllegalStateException("open a fixed volume first"));
        var moving = session.moving().orElseThrow(() -> new IllegalStateException("open a moving volume first"));
        List<LandmarkPair> pairs = new LandmarkEditor(session).completePairs();
        RegistrationSettings settings = RegistrationSettings.defaults()
                .withRoi(session.roi().map(b -> new RoiBox(b.min(), b.max())).orElse(null));
        AssessedRegistration.Outcome o;
        try {
            o = AssessedRegistration.run(settings, new LandmarkOptions(pairs, kind, true), fixed.source(),
                    moving.source(), e -> { }, () -> false);
        } catch (RegistrationCancelledException e) {
            throw new IllegalStateException("a landmark fit is never cancelled", e);
        }
        if (o.usable()) {
            var before = session.fixedToMoving();
            session.setTransform(o.fixedToMoving());
            session.setComparison(new RegistrationComparison(before, o.fixedToMoving()));
            session.transforms().add("Landmark fit", o.fixedToMoving(), "landmarks: " + kind.label() + " fit of "
                    + pairs.size() + " pairs", TransformManager.pairOf(session));
        }
        session.setVerdict(new RegistrationVerdict(o.report(), o.usable() ? o.fixedToMoving() : null));
        return o;
    }

    /** True when there are enough complete pairs to try a {@code kind} fit. */
    public boolean canAlign(LandmarkFitKind kind) {
        return session.fixed().isPresent() && session.moving().isPresent()
                && new LandmarkEditor(session).completePairs().size() >= kind.minimumPairs();
    }
}
