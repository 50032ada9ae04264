package org.coreg.registration.deformable;

/**
 * A discrete bending energy of the control-point displacements: the mean over interior nodes and axes of the squared
 * second differences {@code (d2 c / du_a du_b)}, {@code a, b} over the grid axes (mixed terms counted twice, as in
 * the thin-plate energy {@code sum_ab (d2 u / dx_a dx_b)^2}), divided by the node spacing squared, so in mm^-2. For
 * a cubic B-spline this is proportional to the integral bending energy of the deformation on the grid; it is zero for
 * any affine displacement. Multiplied by the user's weight and added to minus MI (nats); off (weight 0) by default
 * because a same-subject CT/MR pair needs little regularisation at 20 mm node spacing.
 */
final class BendingEnergy implements AdaptiveStochasticDescent.Penalty {
    private final int[] n;
    private final double weight;
    private final double invH2;

    BendingEnergy(int[] gridSize, double spacingMm, double weight) {
        this.n = gridSize.clone();
        this.weight = weight;
        this.invH2 = 1 / (spacingMm * spacingMm);
    }

    /** The weighted energy, and its gradient added to {@code grad}. */
    @Override
    public double addTo(double[] c, double[] grad) {
        if (weight == 0) {
            return 0;
        }
        int nx = n[0], ny = n[1], nz = n[2];
        int[] stride = {1, nx, nx * ny};
        int block = nx * ny * nz;
        long count = 3L * (nx - 2) * (ny - 2) * (nz - 2);
        double scale = weight / Math.max(1, count);
        double e = 0;
        for (int d = 0; d < 3; d++) {
            int base = d * block;
            for (int k = 1; k < nz - 1; k++) {
                for (int j = 1; j < ny - 1; j++) {
                    for (int i = 1; i < nx - 1; i++) {
                        int f = base + i + nx * (j + ny * k);
                        for (int a = 0; a < 3; a++) {
                            int sa = stride[a];
                            // pure second difference along a
                            double r = (c[f - sa] - 2 * c[f] + c[f + sa]) * invH2;
                            e += r * r;
                            double g = 2 * scale * r * invH2;
                            grad[f - sa] += g;
                            grad[f] -= 2 * g;
                            grad[f + sa] += g;
                            for (int b = a + 1; b < 3; b++) {
                                int sb = stride[b];
                                // mixed difference, counted twice
                                double m = (c[f + sa + sb] - c[f + sa - sb] - c[f - sa + sb] + c[f - sa - sb])
                                        * 0.25 * invH2;
                                e += 2 * m * m;
                                double gm = 4 * scale * m * 0.25 * invH2;
                                grad[f + sa + sb] += gm;
                                grad[f + sa - sb] -= gm;
                                grad[f - sa + sb] -= gm;
                                grad[f - sa - sb] += gm;
                            }
                        }
                    }
                }
            }
        }
        return scale * e;
    }
}
