package org.coreg.app.register;

import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a registration result is described in the transform list: its stages in the order they ran (a B-spline result
 * named as one, with its grid spacing), the preset and the crop box, e.g.
 * {@code registration: rigid + B-spline (grid 20 mm, both ways), CT-MR head}.
 */
public final class RunDescription {
    private RunDescription() {
    }

    /**
     * @param options   what the run was asked to do
     * @param deformed  whether the result holds a B-spline (a run asked for one that ended without it is described
     *                  by its linear stages only)
     */
    public static String of(RegistrationOptions options, boolean deformed) {
        String linear = options.stages().stream().filter(s -> s != RegistrationStage.BSPLINE)
                .map(s -> s.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(" + "));
        StringBuilder b = new StringBuilder("registration: ").append(linear.isEmpty() ? "initial transform" : linear);
        if (deformed && options.bspline() != null) {
            var s = options.bspline().settings();
            b.append(" + B-spline (grid ").append(number(s.gridSpacingMm())).append(" mm");
            if (s.bendingWeight() != 0) {
                b.append(", bending ").append(number(s.bendingWeight()));
            }
            b.append(options.bspline().bothWays() ? ", both ways)" : ")");
        }
        b.append(", ").append(options.preset());
        if (options.roi() != null) {
            b.append(", crop box");
        }
        return b.toString();
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
