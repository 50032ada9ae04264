package org.coreg.registration;

/**
 * An axis-aligned box in LPS mm (the viewer's crop ROI). Corners may be given in any order.
 *
 * @param lo one corner (LPS mm)
 * @param hi the opposite corner (LPS mm)
 */
public record RoiBox(double[] lo, double[] hi) {
    public RoiBox {
        double[] a = new double[3];
        double[] b = new double[3];
        for (int d = 0; d < 3; d++) {
            a[d] = Math.min(lo[d], hi[d]);
            b[d] = Math.max(lo[d], hi[d]);
        }
        lo = a;
        hi = b;
    }

    public boolean contains(double[] p) {
        return p[0] >= lo[0] && p[0] <= hi[0] && p[1] >= lo[1] && p[1] <= hi[1] && p[2] >= lo[2] && p[2] <= hi[2];
    }
}
