package org.coreg.app.register;

import java.util.List;
import java.util.Objects;
import org.coreg.app.session.RoiBox;
import org.coreg.image.AffineMap;

/**
 * What the Register panel asks for.
 *
 * @param stages  stages to run, in order; at least one
 * @param preset  name of the parameter preset (e.g. {@code CT-MR head})
 * @param roi     fixed-space LPS box restricting the metric samples, or null for the whole fixed image
 * @param initial starting transform, fixed LPS -> moving LPS (the manual pre-alignment)
 */
public record RegistrationOptions(List<RegistrationStage> stages, String preset, RoiBox roi, AffineMap initial) {
    public static final String CT_MR_HEAD = "CT-MR head";

    public RegistrationOptions {
        stages = List.copyOf(stages);
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("choose at least one registration stage");
        }
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(initial, "initial");
    }
}
