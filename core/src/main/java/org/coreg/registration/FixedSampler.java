package org.coreg.registration;

import java.util.SplittableRandom;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;
import org.coreg.image.interpolation.LinearInterpolator;

/**
 * The voxels of one fixed-image pyramid level that may be sampled (inside the mask and the ROI box), and random or
 * full sample sets drawn from them. Positions are in LPS mm: voxel centres, or anywhere within the candidate voxels'
 * cells for {@link #drawOffGrid}.
 */
public final class FixedSampler {
    private static final int BLOCK = 1024;

    private final PyramidLevel level;
    /** Indices of the voxels that may be sampled, or null when every voxel may (no array of the whole grid then). */
    private final int[] candidates;
    private final int count;
    private final Workers workers;

    /**
     * @param mask a mask volume (non-zero = use), on any grid, or null
     * @param roi  a box in LPS mm, or null
     */
    public FixedSampler(PyramidLevel level, Volume mask, RoiBox roi) {
        this(level, mask, roi, new Workers(1));
    }

    /** @param workers threads that fill sample sets (the samples do not depend on their number) */
    public FixedSampler(PyramidLevel level, Volume mask, RoiBox roi, Workers workers) {
        this.level = level;
        this.workers = workers;
        ImageGeometry g = level.geometry();
        int nx = g.size(0), ny = g.size(1), nz = g.size(2);
        if (roi == null && mask == null) {
            this.candidates = null;
            this.count = nx * ny * nz;
            return;
        }
        int[] keep = new int[nx * ny * nz];
        int kept = 0;
        AffineMap i2w = g.indexToWorld();
        AffineMap toMask = mask == null ? null : mask.geometry().worldToIndex();
        double[] p = new double[3];
        double[] q = new double[3];
        double[] ijk = new double[3];
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    ijk[0] = i;
                    ijk[1] = j;
                    ijk[2] = k;
                    i2w.apply(ijk, p);
                    if (roi != null && !roi.contains(p)) {
                        continue;
                    }
                    if (toMask != null) {
                        toMask.apply(p, q);
                        if (!maskAt(mask, q)) {
                            continue;
                        }
                    }
                    keep[kept++] = i + nx * (j + ny * k);
                }
            }
        }
        this.candidates = java.util.Arrays.copyOf(keep, kept);
        this.count = kept;
    }

    /** The flat index of candidate {@code c}. */
    private int candidate(int c) {
        return candidates == null ? c : candidates[c];
    }

    /**
     * The bounding box of the candidate voxel centres, {lo, hi} in LPS mm, found without storing their positions:
     * from the grid's eight corners when every voxel may be sampled. Null when there is no candidate.
     */
    double[][] centreBounds() {
        if (count == 0) {
            return null;
        }
        ImageGeometry g = level.geometry();
        int nx = g.size(0), ny = g.size(1), nxy = nx * ny;
        double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        double[] m = g.indexToWorld().rowMajor3x4();
        if (candidates == null) {
            int[] last = {nx - 1, ny - 1, g.size(2) - 1};
            for (int corner = 0; corner < 8; corner++) {
                include(m, (corner & 1) * last[0], (corner >> 1 & 1) * last[1], (corner >> 2 & 1) * last[2], lo, hi);
            }
        } else {
            for (int f : candidates) {
                int k = f / nxy, rest = f - k * nxy, j = rest / nx;
                include(m, rest - j * nx, j, k, lo, hi);
            }
        }
        return new double[][] {lo, hi};
    }

    private static void include(double[] m, double x, double y, double z, double[] lo, double[] hi) {
        for (int d = 0; d < 3; d++) {
            double w = m[4 * d] * x + m[4 * d + 1] * y + m[4 * d + 2] * z + m[4 * d + 3];
            lo[d] = Math.min(lo[d], w);
            hi[d] = Math.max(hi[d], w);
        }
    }

    private static boolean maskAt(Volume mask, double[] idx) {
        int[] n = mask.geometry().size();
        int i = (int) Math.floor(idx[0] + 0.5), j = (int) Math.floor(idx[1] + 0.5), k = (int) Math.floor(idx[2] + 0.5);
        if (i < 0 || j < 0 || k < 0 || i >= n[0] || j >= n[1] || k >= n[2]) {
            return false;
        }
        return mask.voxels().get(mask.index(i, j, k)) != 0;
    }

    /** Number of voxels that may be sampled. */
    public int candidateCount() {
        return count;
    }

    public PyramidLevel level() {
        return level;
    }

    /** {@code n} voxels drawn at random (with replacement) from the candidates; all of them if {@code n} is larger. */
    public SampleSet draw(int n, SplittableRandom rnd) {
        if (n >= count) {
            return all();
        }
        return sampled(n, rnd, false);
    }

    /**
     * {@code n} random positions (with replacement) off the voxel grid: a candidate voxel, then a uniform offset
     * within its cell (up to half a voxel per axis, kept inside the image), with the fixed value interpolated
     * linearly there; every candidate voxel centre instead if {@code n} is not smaller than their number. Like
     * elastix's RandomCoordinate sampler, this removes a bias of sampling voxel centres only: where the fixed and
     * moving grids line up, Mattes MI with a linearly interpolated moving image favours shifts of whole voxels. The
     * B-spline stage uses it (on the B-spline benchmark pair the mean residual fell from 0.38 to 0.30 mm); the linear
     * stages keep voxel centres, because on the anisotropic phantom (3.6 mm slices) the interpolated fixed values
     * biased the affine result (corner error 0.33 to 0.57 mm; docs/benchmarks.md).
     */
    public SampleSet drawOffGrid(int n, SplittableRandom rnd) {
        if (n >= count) {
            return all();
        }
        return sampled(n, rnd, true);
    }

    /** One sample per candidate voxel, each at a random position within the voxel's cell (see {@link #drawOffGrid}). */
    public SampleSet allOffGrid(SplittableRandom rnd) {
        return sampled(count, rnd, true);
    }

    /** Every candidate voxel. */
    public SampleSet all() {
        return sampled(count, null, false);
    }

    /**
     * {@code n} samples in blocks of {@value #BLOCK} filled on the workers: candidates in order if {@code rnd} is
     * null, else drawn at random; each block draws from its own generator, split from {@code rnd} in block order
     * before any work, so the samples do not depend on the number of threads.
     */
    private SampleSet sampled(int n, SplittableRandom rnd, boolean offGrid) {
        ImageGeometry g = level.geometry();
        int nx = g.size(0), ny = g.size(1), nz = g.size(2), nxy = nx * ny;
        double[] pts = new double[3 * n];
        float[] vals = new float[n];
        // index -> world written out (m row-major 3x4): this runs for every sample of every iteration.
        double[] m = g.indexToWorld().rowMajor3x4();
        float[] v = level.grid().values();
        LinearInterpolator li = offGrid ? new LinearInterpolator(level.grid()) : null;
        int blocks = (n + BLOCK - 1) / BLOCK;
        SplittableRandom[] r = new SplittableRandom[blocks];
        for (int b = 0; rnd != null && b < blocks; b++) {
            r[b] = rnd.split();
        }
        workers.forEach(blocks, b -> {
            SplittableRandom br = r[b];
            int end = Math.min(n, (b + 1) * BLOCK);
            for (int s = b * BLOCK; s < end; s++) {
                int f = br == null ? candidate(s) : candidate(br.nextInt(count));
                int k = f / nxy, rest = f - k * nxy, j = rest / nx, i = rest - j * nx;
                double x = i, y = j, z = k;
                if (offGrid) {
                    x = clamp(i + br.nextDouble() - 0.5, nx);
                    y = clamp(j + br.nextDouble() - 0.5, ny);
                    z = clamp(k + br.nextDouble() - 0.5, nz);
                    vals[s] = (float) li.value(x, y, z);
                } else {
                    vals[s] = v[f];
                }
                pts[3 * s] = m[0] * x + m[1] * y + m[2] * z + m[3];
                pts[3 * s + 1] = m[4] * x + m[5] * y + m[6] * z + m[7];
                pts[3 * s + 2] = m[8] * x + m[9] * y + m[10] * z + m[11];
            }
        });
        return new SampleSet(pts, vals);
    }

    /** An index kept within the voxel centres of an axis of {@code n} voxels. */
    private static double clamp(double x, int n) {
        return x < 0 ? 0 : x > n - 1 ? n - 1 : x;
    }
}
