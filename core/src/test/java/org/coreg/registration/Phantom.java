package org.coreg.registration;

import java.util.Random;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.image.ImageMetadata;
import org.coreg.image.Volume;
import org.coreg.image.VoxelData;
import org.coreg.image.VoxelType;

/**
 * An analytic head-like phantom in LPS mm (scalp, skull, brain, ventricles and two asymmetric lesions, with smooth
 * 1 mm edges), rendered with a CT-like or an MR-like intensity mapping, optionally seen through a known transform.
 */
public final class Phantom {
    /** Tissue intensities: air, scalp, bone, brain, CSF, lesion A, lesion B. */
    public static final double[] CT = {-1000, 40, 1200, 35, 8, 70, 20};
    public static final double[] MR = {0, 380, 60, 520, 150, 800, 260};

    private Phantom() {
    }

    /** Smooth membership of the ellipsoid (centre c, radii r, mm) at p: 1 inside, 0 outside, ~1 mm ramp. */
    private static double inside(double[] p, double[] c, double[] r) {
        double q = 0;
        for (int d = 0; d < 3; d++) {
            double u = (p[d] - c[d]) / r[d];
            q += u * u;
        }
        double dist = (Math.sqrt(q) - 1) * Math.min(r[0], Math.min(r[1], r[2]));
        return 1 / (1 + Math.exp(dist / 0.6));
    }

    /** Intensity at LPS point p (mm) with the given tissue intensities. */
    static double value(double[] p, double[] tissue) {
        double v = tissue[0];
        v += (tissue[1] - v) * inside(p, new double[] {0, 0, 0}, new double[] {72, 88, 70});
        v += (tissue[2] - v) * inside(p, new double[] {0, 2, 4}, new double[] {66, 82, 64});
        v += (tissue[3] - v) * inside(p, new double[] {0, 3, 6}, new double[] {60, 76, 58});
        v += (tissue[4] - v) * inside(p, new double[] {-9, 8, 12}, new double[] {5, 22, 10});
        v += (tissue[4] - v) * inside(p, new double[] {10, 8, 12}, new double[] {6, 24, 9});
        v += (tissue[5] - v) * inside(p, new double[] {-25, -40, 20}, new double[] {11, 8, 9});
        v += (tissue[6] - v) * inside(p, new double[] {30, 35, -20}, new double[] {8, 14, 7});
        // Nose and neck break the ellipsoids' symmetries, as anatomy does.
        v += (tissue[1] - v) * inside(p, new double[] {0, -92, -12}, new double[] {13, 16, 22});
        v += (tissue[1] - v) * inside(p, new double[] {0, 18, -70}, new double[] {36, 34, 30});
        return v;
    }

    /**
     * Renders the phantom on grid {@code g} as seen through {@code fixedToMoving}: voxel at moving point y shows the
     * tissue at {@code fixedToMoving^-1(y)}. Pass the identity for the fixed image. Adds Gaussian noise.
     */
    public static Volume render(ImageGeometry g, double[] tissue, AffineMap fixedToMoving, double noise, long seed) {
        AffineMap back = fixedToMoving.inverse();
        VoxelData d = VoxelData.allocate(VoxelType.FLOAT32, g.voxelCount());
        float[] a = (float[]) d.array();
        Random rnd = new Random(seed);
        double[] p = new double[3];
        int f = 0;
        for (int k = 0; k < g.size(2); k++) {
            for (int j = 0; j < g.size(1); j++) {
                for (int i = 0; i < g.size(0); i++, f++) {
                    g.indexToWorld().apply(new double[] {i, j, k}, p);
                    back.apply(p, p);
                    a[f] = (float) (value(p, tissue) + noise * rnd.nextGaussian());
                }
            }
        }
        return new Volume(d, g, ImageMetadata.named(tissue == CT ? "phantom-ct" : "phantom-mr"));
    }

    /** A rigid map fixed -> moving: rotation by Euler angles (degrees, R = Rz Ry Rx) about {@code centre}, then t. */
    public static AffineMap rigid(double axDeg, double ayDeg, double azDeg, double[] t, double[] centre) {
        EulerRigidTransform r = new EulerRigidTransform(centre);
        r.setParameters(new double[] {Math.toRadians(axDeg), Math.toRadians(ayDeg), Math.toRadians(azDeg), t[0], t[1],
            t[2]});
        return r.toAffineMap();
    }

    /** Largest distance (mm) between where the two maps send the 8 corners of the box [-r, r]^3 about centre c. */
    public static double cornerError(AffineMap a, AffineMap b, double[] c, double r) {
        double worst = 0;
        for (int s = 0; s < 8; s++) {
            double[] p = {c[0] + ((s & 1) == 0 ? -r : r), c[1] + ((s & 2) == 0 ? -r : r), c[2] + ((s & 4) == 0 ? -r : r)};
            double[] x = a.apply(p);
            double[] y = b.apply(p);
            worst = Math.max(worst, Math.sqrt(Math.pow(x[0] - y[0], 2) + Math.pow(x[1] - y[1], 2)
                    + Math.pow(x[2] - y[2], 2)));
        }
        return worst;
    }

    /** Rotation angle (degrees) of {@code a^-1 b}'s linear part. */
    static double angleDegrees(AffineMap a, AffineMap b) {
        return Math.toDegrees(RotationMath.angle(a.inverse().after(b).linear()));
    }

    /** Translation (mm) between where the two maps send c. */
    static double pointError(AffineMap a, AffineMap b, double[] c) {
        double[] x = a.apply(c);
        double[] y = b.apply(c);
        return Math.sqrt(Math.pow(x[0] - y[0], 2) + Math.pow(x[1] - y[1], 2) + Math.pow(x[2] - y[2], 2));
    }
}
