package org.coreg.registration.deformable;

/** The textured phantom of {@link SyntheticBSplineRecoveryTest}, for tests in other packages (the CLI's). */
public final class SyntheticBSplineRecoveryTestAccess {
    private SyntheticBSplineRecoveryTestAccess() {
    }

    public static double textured(double[] p) {
        return SyntheticBSplineRecoveryTest.textured(p);
    }
}
