package org.coreg.registration;

import java.util.ArrayList;
import java.util.List;
import org.coreg.image.BlockAverager;
import org.coreg.image.ImageGeometry;
import org.coreg.image.interpolation.ScalarGrid;

/**
 * Multi-resolution pyramid that respects anisotropic spacing: level {@code l} (0 = coarsest) aims at an isotropic
 * spacing of {@code minSpacing * 2^(levels-1-l)}; an axis whose spacing is already coarser is shrunk less or not
 * at all (a 3 mm slice axis is not shrunk like a 0.5 mm in-plane axis). Each shrunk axis is block-averaged by its
 * factor and then smoothed with a Gaussian of 0.4 coarse voxels, an anti-aliasing blur of about
 * {@code 0.5 * factor} original voxels (elastix's pyramid sigma).
 */
public final class GaussianPyramid {
    /** Gaussian sigma (coarse voxels) applied after block averaging. */
    static final double COARSE_SIGMA = 0.4;
    /** Relative weight below which a kernel tap is dropped. */
    static final double TAP_CUT = 1e-5;

    private GaussianPyramid() {
    }

    /** Shrink factors per axis for every level, coarsest first. */
    public static int[][] factors(ImageGeometry g, int levels) {
        double min = Math.min(g.spacing(0), Math.min(g.spacing(1), g.spacing(2)));
        int[][] f = new int[levels][3];
        for (int l = 0; l < levels; l++) {
            double target = min * Math.pow(2, levels - 1 - l);
            for (int d = 0; d < 3; d++) {
                f[l][d] = g.size(d) == 1 ? 1 : (int) Math.max(1, Math.floor(target / g.spacing(d) + 0.5));
            }
        }
        return f;
    }

    /**
     * Builds all levels (coarsest first) from real values {@code values} on {@code g}. Each level is block-averaged
     * from the finest level already averaged whose factors divide its own (a 512x512x408 CT's 8x8x5 level from its
     * 2x2x1 one), not from the full image again: the block mean of block means is the block mean (to float rounding),
     * and the full image is read once instead of once per level.
     */
    public static List<PyramidLevel> build(ImageGeometry g, float[] values, int levels, Workers workers) {
        int[][] f = factors(g, levels);
        PyramidLevel[] out = new PyramidLevel[levels];
        List<int[]> meanFactors = new ArrayList<>();
        List<float[]> means = new ArrayList<>();
        meanFactors.add(new int[] {1, 1, 1});
        means.add(values);
        for (int l = levels - 1; l >= 0; l--) {
            int[] fl = f[l];
            if (fl[0] == 1 && fl[1] == 1 && fl[2] == 1) {
                out[l] = levelOf(g, values, fl);
                continue;
            }
            int from = 0;
            for (int c = 1; c < meanFactors.size(); c++) {
                int[] a = meanFactors.get(c);
                if (divides(a, fl) && product(a) > product(meanFactors.get(from))) {
                    from = c;
                }
            }
            int[] a = meanFactors.get(from);
            ImageGeometry src = from == 0 ? g : BlockAverager.shrunkGeometry(g, a);
            ImageGeometry sg = BlockAverager.shrunkGeometry(g, fl);
            float[] mean = shrink(means.get(from), src.size(), new int[] {fl[0] / a[0], fl[1] / a[1], fl[2] / a[2]},
                    sg, workers);
            meanFactors.add(fl.clone());
            means.add(mean);
            out[l] = smoothed(sg, mean.clone(), fl, workers);
        }
        return List.of(out);
    }

    private static boolean divides(int[] a, int[] b) {
        return b[0] % a[0] == 0 && b[1] % a[1] == 0 && b[2] % a[2] == 0;
    }

    private static long product(int[] a) {
        return (long) a[0] * a[1] * a[2];
    }

    private static PyramidLevel levelOf(ImageGeometry g, float[] v, int[] factors) {
        return new PyramidLevel(g, new ScalarGrid(v, g.size(0), g.size(1), g.size(2)), factors.clone());
    }

    /** Block means of {@code src} (grid {@code size}) by {@code ratio} onto {@code sg}, output slices in parallel. */
    private static float[] shrink(float[] src, int[] size, int[] ratio, ImageGeometry sg, Workers workers) {
        float[] sv = new float[Math.toIntExact(sg.voxelCount())];
        workers.forEach(sg.size(2), k -> BlockAverager.shrinkSlab(src, size, ratio, sv, k, k + 1));
        return sv;
    }

    /**
     * The level from its block means {@code sv} (smoothed in place): block averaging (variance f^2/12 per axis) and
     * then a small Gaussian on the coarse grid (sigma 0.4 coarse voxels) make together about 0.5 f original voxels, as
     * a Gaussian of 0.5 f before shrinking, at a tenth of the cost, since the wide kernel never runs on the
     * full-resolution grid.
     */
    private static PyramidLevel smoothed(ImageGeometry sg, float[] sv, int[] factors, Workers workers) {
        for (int d = 0; d < 3; d++) {
            if (factors[d] > 1) {
                smoothAxis(sv, sg.size(), d, COARSE_SIGMA, workers);
            }
        }
        return levelOf(sg, sv, factors);
    }

    /** In-place Gaussian along axis {@code axis} (sigma in voxels), edges clamped, in parallel. */
    static void smoothAxis(float[] a, int[] n, int axis, double sigma, Workers workers) {
        int radius = radius(sigma);
        double[] k = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            k[i + radius] = Math.exp(-0.5 * i * i / (sigma * sigma));
            sum += k[i + radius];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        if (axis == 0) {
            smoothLines(a, n, k, workers);
        } else {
            smoothAcrossRows(a, n, axis, k, workers);
        }
    }

    /**
     * The kernel's half-width: 3 sigma, less the taps whose weight is below {@value #TAP_CUT} of the centre's (for the
     * pyramid's sigma of 0.4 voxels, the taps at +-2 weigh 3.7e-6 of the centre: three taps instead of five).
     */
    static int radius(double sigma) {
        int r = (int) Math.ceil(3 * sigma);
        while (r > 1 && Math.exp(-0.5 * r * r / (sigma * sigma)) < TAP_CUT) {
            r--;
        }
        return r;
    }

    /** Along x: each line padded with its clamped edges, so the taps never test the bounds. */
    private static void smoothLines(float[] a, int[] n, double[] k, Workers workers) {
        int len = n[0];
        int radius = k.length / 2;
        workers.forEach(n[2], z -> {
            double[] line = new double[len + 2 * radius];
            for (int y = 0; y < n[1]; y++) {
                int base = len * (y + n[1] * z);
                for (int i = 0; i < len; i++) {
                    line[i + radius] = a[base + i];
                }
                for (int i = 0; i < radius; i++) {
                    line[i] = line[radius];
                    line[len + radius + i] = line[len + radius - 1];
                }
                for (int i = 0; i < len; i++) {
                    double s = 0;
                    for (int j = 0; j < k.length; j++) {
                        s += k[j] * line[i + j];
                    }
                    a[base + i] = (float) s;
                }
            }
        });
    }

    /**
     * Along y or z: whole rows at a time (contiguous memory) instead of one strided line at a time, which missed the
     * cache on every tap; each value is the same double sum, taps in the same order.
     */
    private static void smoothAcrossRows(float[] a, int[] n, int axis, double[] k, Workers workers) {
        int radius = k.length / 2;
        int len = n[axis];
        int inner = axis == 1 ? n[0] : n[0] * n[1];
        int outer = axis == 1 ? n[2] : 1;
        int width = Math.min(inner, 4096);
        int chunks = (inner + width - 1) / width;
        workers.forEach(outer * chunks, t -> {
            int x0 = (t % chunks) * width;
            int w = Math.min(width, inner - x0);
            int base = (t / chunks) * len * inner + x0;
            float[] copy = new float[len * w];
            for (int i = 0; i < len; i++) {
                System.arraycopy(a, base + i * inner, copy, i * w, w);
            }
            double[] acc = new double[w];
            for (int i = 0; i < len; i++) {
                java.util.Arrays.fill(acc, 0);
                for (int j = 0; j < k.length; j++) {
                    int q = Math.max(0, Math.min(len - 1, i + j - radius));
                    double kj = k[j];
                    for (int x = 0, p = q * w; x < w; x++, p++) {
                        acc[x] += kj * copy[p];
                    }
                }
                for (int x = 0, p = base + i * inner; x < w; x++, p++) {
                    a[p] = (float) acc[x];
                }
            }
        });
    }
}
