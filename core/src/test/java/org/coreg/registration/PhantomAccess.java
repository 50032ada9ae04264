package org.coreg.registration;

/** Opens the package-private test {@link Phantom} to tests of other packages (the deformable stage's). */
public final class PhantomAccess {
    public static final double[] CT = Phantom.CT;
    public static final double[] MR = Phantom.MR;

    private PhantomAccess() {
    }

    /** Phantom intensity at LPS point p (mm) with the given tissue intensities. */
    public static double value(double[] p, double[] tissue) {
        return Phantom.value(p, tissue);
    }
}
