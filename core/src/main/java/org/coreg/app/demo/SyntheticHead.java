package org.coreg.app.demo;

import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.image.ImageMetadata;
import org.coreg.image.Modality;
import org.coreg.image.Volume;
import org.coreg.image.VoxelData;
import org.coreg.image.VoxelType;

/**
 * A synthetic head (scalp, skull, brain, two ventricles, a lesion) rendered on any grid with CT-like (HU) or
 * MR-like (T2-ish) intensities, for the demo session, tests and benchmarks. The anatomy is defined in LPS mm around
 * a centre, optionally moved by a rigid motion, so two renderings make a registration pair with a known answer.
 */
public final class SyntheticHead {
    private SyntheticHead() {
    }

    /** Intensity contrast of the rendering. */
    public enum Contrast {
        CT(-1000, 20, 1200, 35, 5, 60), MR(0, 300, 60, 500, 1400, 900);

        final double air;
        final double scalp;
        final double bone;
        final double brain;
        final double csf;
        final double lesion;

        Contrast(double air, double scalp, double bone, double brain, double csf, double lesion) {
            this.air = air;
            this.scalp = scalp;
            this.bone = bone;
            this.brain = brain;
            this.csf = csf;
            this.lesion = lesion;
        }
    }

    /**
     * Renders the head centred at {@code centre} (LPS mm) on {@code grid}; the anatomy is seen through
     * {@code worldToAnatomy} (identity for the reference pose), an LPS -> LPS map applied before the shapes are
     * evaluated.
     */
    public static Volume render(ImageGeometry grid, double[] centre, AffineMap worldToAnatomy, Contrast c,
                                String name) {
        VoxelData d = VoxelData.allocate(c == Contrast.CT ? VoxelType.INT16 : VoxelType.UINT16, grid.voxelCount());
        AffineMap toWorld = grid.indexToWorld();
        double[] p = new double[3];
        double[] q = new double[3];
        int n = 0;
        for (int k = 0; k < grid.size(2); k++) {
            for (int j = 0; j < grid.size(1); j++) {
                for (int i = 0; i < grid.size(0); i++) {
                    p[0] = i;
                    p[1] = j;
                    p[2] = k;
                    toWorld.apply(p, q);
                    worldToAnatomy.apply(q, q);
                    d.set(n++, value(q[0] - centre[0], q[1] - centre[1], q[2] - centre[2], c));
                }
            }
        }
        Modality m = c == Contrast.CT ? Modality.CT : Modality.MR;
        return new Volume(d, grid, ImageMetadata.named(name).withModality(m));
    }

    private static double ell(double x, double y, double z, double a, double b, double cc) {
        return (x * x) / (a * a) + (y * y) / (b * b) + (z * z) / (cc * cc);
    }

    private static double value(double x, double y, double z, Contrast c) {
        if (ell(x, y, z, 78, 95, 80) > 1) {
            return c.air;
        }
        if (ell(x, y, z, 72, 89, 74) > 1) {
            return c.scalp;
        }
        if (ell(x, y, z, 66, 83, 68) > 1) {
            return c.bone;
        }
        if (ell(x - 12, y + 5, z - 8, 5, 22, 10) <= 1 || ell(x + 12, y + 5, z - 8, 5, 22, 10) <= 1) {
            return c.csf;
        }
        if (ell(x + 30, y - 30, z - 20, 9, 9, 9) <= 1) {
            return c.lesion;
        }
        // gentle texture so window/level changes are visible
        return c.brain + 0.1 * c.brain * Math.sin(x / 6.0) * Math.cos(y / 7.0);
    }
}
