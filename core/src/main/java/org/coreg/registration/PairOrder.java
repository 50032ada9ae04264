package org.coreg.registration;

import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;
import org.coreg.image.VoxelData;

/**
 * The canonical order of an unordered pair of images, so that a registration is a function of the pair and not of
 * which image the caller calls fixed: registering A to B and B to A run the same computation in the same order, and
 * one of the two answers is the exact inverse of the other (docs/symmetry.md).
 *
 * <p>The rule, which never looks at the roles: of two grids whose voxel counts differ more than threefold, the smaller
 * one is sampled (memory and time); otherwise the image with the smaller field of view (physical volume of the grid,
 * mm^3) is the one sampled (the fixed image of the canonical run), because its samples then fall inside the other
 * image; of two with fields of view within 1% of each other, the one with the higher intensity entropy (more
 * structure) is sampled; then a fingerprint of the voxel values (so that moving an image does not change the order),
 * then of the geometry decide. Two images equal in both keep the caller's order (they
 * are, to the fingerprint's sampling, the same image in the same place).
 */
public final class PairOrder {
    /** Voxel counts differing by more than this factor decide the order by size alone. */
    static final long VOXEL_RATIO = 3;
    /** Relative difference of the fields of view below which they count as equal. */
    static final double SAME_EXTENT = 0.01;
    /** Entropies (nats) closer than this count as equal. */
    static final double SAME_ENTROPY = 0.01;
    private static final int ENTROPY_BINS = 64;
    /** At most this many voxels enter the fingerprint (evenly spaced): a few milliseconds for any image. */
    private static final int FINGERPRINT_VOXELS = 1 << 20;

    private PairOrder() {
    }

    /**
     * True if the canonical run registers {@code moving} to {@code fixed} (the caller's roles swapped): the caller then
     * returns the inverse of that run's answer.
     */
    public static boolean swapped(Volume fixed, Volume moving) {
        // Grids of very different sizes (a 512x512x400 CT beside a 512x512x94 MR): sample the smaller one. Sampling the
        // larger grid needs its per-voxel sampling arrays and the other's gradients at full size, which took a clinical
        // pair past a 4 GiB heap and doubled its preparation time.
        long nf = fixed.voxels().length();
        long nm = moving.voxels().length();
        if (nf > VOXEL_RATIO * nm || nm > VOXEL_RATIO * nf) {
            return nm < nf;
        }
        double f = fieldOfView(fixed.geometry());
        double m = fieldOfView(moving.geometry());
        if (Math.abs(f - m) > SAME_EXTENT * Math.max(f, m)) {
            return m < f;
        }
        // Equal fields of view: sample the image with more structure (the T1 rather than the CT of the MNI templates,
        // whose CT-sampled optimum lies farther from the truth; docs/symmetry.md).
        double hf = entropy(fixed);
        double hm = entropy(moving);
        if (Math.abs(hf - hm) > SAME_ENTROPY) {
            return hm > hf;
        }
        // Content next, so that moving an image (a new origin or direction) does not change the order.
        int byContent = Long.compareUnsigned(contentFingerprint(moving), contentFingerprint(fixed));
        if (byContent != 0) {
            return byContent < 0;
        }
        return Long.compareUnsigned(geometryFingerprint(moving.geometry()), geometryFingerprint(fixed.geometry())) < 0;
    }

    /**
     * Shannon entropy (nats) of the image's intensity histogram, 64 bins between its 0.5% and 99.5% quantiles, over at
     * most 2^20 evenly spaced voxels: how much structure the image shows. Independent of position and role.
     */
    static double entropy(Volume v) {
        int n = v.voxels().length();
        int stride = Math.max(1, n / FINGERPRINT_VOXELS);
        float[] values = new float[(n + stride - 1) / stride];
        for (int i = 0, k = 0; i < n; i += stride, k++) {
            values[k] = (float) v.realValue(i);
        }
        IntensityLimits lim = IntensityLimits.robust(values, 0.005, 0.995);
        double span = lim.max() - lim.min();
        if (!(span > 0)) {
            return 0;
        }
        long[] bins = new long[ENTROPY_BINS];
        for (float x : values) {
            int b = (int) ((Math.min(Math.max(x, lim.min()), lim.max()) - lim.min()) / span * ENTROPY_BINS);
            bins[Math.min(b, ENTROPY_BINS - 1)]++;
        }
        double h = 0;
        for (long c : bins) {
            if (c > 0) {
                double q = (double) c / values.length;
                h -= q * Math.log(q);
            }
        }
        return h;
    }

    /** Physical volume of the grid, mm^3 (voxel count times voxel volume). */
    static double fieldOfView(ImageGeometry g) {
        return g.voxelCount() * g.spacing(0) * g.spacing(1) * g.spacing(2);
    }

    /** A 64-bit hash of the grid size and of at most 2^20 evenly spaced real voxel values. */
    static long contentFingerprint(Volume v) {
        long h = 0x9E3779B97F4A7C15L;
        for (int d = 0; d < 3; d++) {
            h = mix(h, v.geometry().size(d));
        }
        VoxelData data = v.voxels();
        int n = data.length();
        int stride = Math.max(1, n / FINGERPRINT_VOXELS);
        for (int i = 0; i < n; i += stride) {
            h = mix(h, Double.doubleToLongBits(v.realValue(i)));
        }
        return h;
    }

    /** A 64-bit hash of spacing, origin and direction. */
    static long geometryFingerprint(ImageGeometry g) {
        long h = 0x632BE59BD9B4E019L;
        for (int d = 0; d < 3; d++) {
            h = mix(h, Double.doubleToLongBits(g.spacing(d)));
            h = mix(h, Double.doubleToLongBits(g.origin()[d]));
        }
        for (double c : g.direction()) {
            h = mix(h, Double.doubleToLongBits(c));
        }
        return h;
    }

    /** One step of a SplitMix64-style hash. */
    private static long mix(long h, long x) {
        long z = h ^ (x + 0x9E3779B97F4A7C15L + (h << 6) + (h >>> 2));
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
