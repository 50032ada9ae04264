package org.coreg.image.interpolation;

/**
 * Cubic B-spline coefficients of an image, so that the spline interpolates the samples exactly. Recursive causal and
 * anti-causal filtering with the pole {@code z = sqrt(3) - 2} and mirror-symmetric boundaries, one axis at a time
 * (M. Unser, "Splines: a perfect fit for signal and image processing", IEEE Signal Processing Magazine 16(6), 1999,
 * Box 2; P. Thevenaz, T. Blu, M. Unser, "Interpolation revisited", IEEE TMI 19(7), 2000).
 */
final class BSplinePrefilter {
    private static final double POLE = Math.sqrt(3) - 2;
    /** Gain (1 - z)(1 - 1/z) of the cubic filter. */
    private static final double GAIN = (1 - POLE) * (1 - 1 / POLE);
    /** Terms of the causal initialisation sum needed for 1e-12 accuracy. */
    private static final int HORIZON = (int) Math.ceil(Math.log(1e-12) / Math.log(Math.abs(POLE)));

    private BSplinePrefilter() {
    }

    /** Coefficients (a new array, double precision) of the samples of {@code grid}. */
    static double[] coefficients(ScalarGrid grid) {
        int nx = grid.nx(), ny = grid.ny(), nz = grid.nz();
        float[] src = grid.values();
        double[] c = new double[src.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = src[i];
        }
        double[] line = new double[Math.max(nx, Math.max(ny, nz))];
        filterAxis(c, nx, 1, ny * nz, (l) -> l * nx, line);
        filterAxis(c, ny, nx, nx * nz, (l) -> (l % nx) + (l / nx) * nx * ny, line);
        filterAxis(c, nz, nx * ny, nx * ny, (l) -> l, line);
        return c;
    }

    private interface LineStart {
        int of(int line);
    }

    /** Filters every line along one axis: {@code n} samples {@code stride} apart, {@code lines} lines. */
    private static void filterAxis(double[] c, int n, int stride, int lines, LineStart start, double[] line) {
        if (n < 2) {
            return;
        }
        for (int l = 0; l < lines; l++) {
            int s = start.of(l);
            for (int k = 0; k < n; k++) {
                line[k] = c[s + k * stride];
            }
            filterLine(line, n);
            for (int k = 0; k < n; k++) {
                c[s + k * stride] = line[k];
            }
        }
    }

    /** In-place 1-D cubic prefilter of {@code c[0..n-1]} with mirror boundaries. */
    static void filterLine(double[] c, int n) {
        for (int k = 0; k < n; k++) {
            c[k] *= GAIN;
        }
        c[0] = causalInit(c, n);
        for (int k = 1; k < n; k++) {
            c[k] += POLE * c[k - 1];
        }
        c[n - 1] = (POLE / (POLE * POLE - 1)) * (c[n - 1] + POLE * c[n - 2]);
        for (int k = n - 2; k >= 0; k--) {
            c[k] = POLE * (c[k + 1] - c[k]);
        }
    }

    private static double causalInit(double[] c, int n) {
        if (HORIZON < n) {
            double zn = POLE;
            double sum = c[0];
            for (int k = 1; k < HORIZON; k++) {
                sum += zn * c[k];
                zn *= POLE;
            }
            return sum;
        }
        // Exact sum over the mirrored, periodic extension.
        double zn = POLE;
        double iz = 1 / POLE;
        double z2n = Math.pow(POLE, n - 1);
        double sum = c[0] + z2n * c[n - 1];
        z2n *= z2n * iz;
        for (int k = 1; k < n - 1; k++) {
            sum += (zn + z2n) * c[k];
            zn *= POLE;
            z2n *= iz;
        }
        return sum / (1 - zn * zn);
    }
}
