package org.coreg.app.register;

import java.util.Objects;
import org.coreg.registration.deformable.BSplineSettings;

/**
 * The B-spline stage the Register panel asks for after the linear stages.
 *
 * @param settings grid spacing (mm), bending weight and the optimiser's budget
 * @param bothWays also register the other way and average the two B-splines, as {@code coreg register} does by
 *                 default ({@link org.coreg.registration.deformable.BothWays}); false is its {@code --one-way}
 */
public record BSplineStage(BSplineSettings settings, boolean bothWays) {
    public BSplineStage {
        Objects.requireNonNull(settings, "settings");
    }

    /** The command line's default: both ways. */
    public static BSplineStage of(BSplineSettings settings) {
        return new BSplineStage(settings, true);
    }
}
