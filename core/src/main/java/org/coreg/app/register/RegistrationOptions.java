package org.coreg.app.register;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.coreg.app.session.RoiBox;
import org.coreg.image.AffineMap;
import org.coreg.registration.RegistrationSettings;
import org.coreg.registration.Stage;
import org.coreg.registration.landmarks.LandmarkPair;

/**
 * What the Register panel asks for.
 *
 * @param stages    stages to run, in order; at least one
 * @param preset    name of the parameter preset (e.g. {@code CT-MR head})
 * @param roi       fixed-space LPS box restricting the metric samples, or null for the whole fixed image
 * @param initial   starting transform, fixed LPS -> moving LPS (the manual pre-alignment)
 * @param landmarks landmark pairs (fixed and moving LPS mm) that give the start and are reported; empty for none
 * @param bspline   the B-spline stage run after the linear stages (grid spacing mm, bending weight, both ways), or null for
 *                  none; the linear stages of {@code stages} come first, as {@code coreg register --stages ...,bspline}
 */
public record RegistrationOptions(List<RegistrationStage> stages, String preset, RoiBox roi, AffineMap initial,
                                  List<LandmarkPair> landmarks, BSplineStage bspline) {
    public static final String CT_MR_HEAD = "CT-MR head";
    public RegistrationOptions {
        stages = List.copyOf(stages);
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("choose at least one registration stage");
        }
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(initial, "initial");
        landmarks = landmarks == null ? List.of() : List.copyOf(landmarks);
    }

    /** Options without landmarks. */
    public RegistrationOptions(List<RegistrationStage> stages, String preset, RoiBox roi, AffineMap initial) {
        this(stages, preset, roi, initial, List.of());
    }

    /** Linear stages only. */
    public RegistrationOptions(List<RegistrationStage> stages, String preset, RoiBox roi, AffineMap initial,
                               List<LandmarkPair> landmarks) {
        this(stages, preset, roi, initial, landmarks, null);
    }

    /**
     * The default stages: the engine's one definition ({@link RegistrationSettings#defaults()}, rigid for CT and MR
     * of one patient; docs/quality.md gives the measurements), shared with the command line and batch.
     */
    public static List<RegistrationStage> defaultStages() {
        List<RegistrationStage> out = new ArrayList<>();
        for (Stage s : RegistrationSettings.defaults().stages()) {
            if (s == Stage.RIGID) {
                out.add(RegistrationStage.RIGID);
            } else if (s == Stage.SIMILARITY) {
                out.add(RegistrationStage.SIMILARITY);
            } else if (s == Stage.AFFINE) {
                out.add(RegistrationStage.AFFINE);
            }
        }
        return List.copyOf(out);
    }

    /** The same options with landmark pairs. */
    public RegistrationOptions withLandmarks(List<LandmarkPair> pairs) {
        return new RegistrationOptions(stages, preset, roi, initial, pairs, bspline);
    }

    /** The same options with a B-spline stage after the linear ones ({@code b}), or none ({@code null}). */
    public RegistrationOptions withBSpline(BSplineStage b) {
        return new RegistrationOptions(stages, preset, roi, initial, landmarks, b);
    }
}
