package org.coreg.registration;

import java.util.ArrayList;
import java.util.List;
import org.coreg.image.BlockAverager;
import org.coreg.image.ImageGeometry;
import org.coreg.image.ImageMetadata;
import org.coreg.image.Volume;
import org.coreg.image.VoxelData;
import org.coreg.image.VoxelType;
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

    /** Builds all levels (coarsest first) from real values {@code values} on {@code g}. */
    public static List<PyramidLevel> build(ImageGeometry g, float[] values, int levels, Workers workers) {
        int[][] f = factors(g, levels);
        List<PyramidLevel> out = new ArrayList<>();
        for (int l = 0; l < levels; l++) {
            out.add(level(g, values, f[l], workers));
        }
        return out;
    }

    static PyramidLevel level(ImageGeometry g, float[] values, int[] factors, Workers workers) {
        if (factors[0] == 1 && factors[1] == 1 && factors[2] == 1) {
            return new PyramidLevel(g, new ScalarGrid(values, g.size(0), g.size(1), g.size(2)), factors.clone());
        }
        // Block-average first (variance f^2/12 per axis), then a small Gaussian on the coarse grid (sigma 0.4 coarse
        // voxels): together about 0.5 f original voxels, as a Gaussian of 0.5 f before shrinking, at a tenth of the
        // cost, since the wide kernel never runs on the full-resolution grid.
        Volume v = new Volume(VoxelData.wrap(VoxelType.FLOAT32, values), g, ImageMetadata.named("pyramid"));
        Volume s = BlockAverager.shrink(v, factors);
        float[] sv = (float[]) s.voxels().array();
        ImageGeometry sg = s.geometry();
        for (int d = 0; d < 3; d++) {
            if (factors[d] > 1) {
                smoothAxis(sv, sg.size(), d, COARSE_SIGMA, workers);
            }
        }
        return new PyramidLevel(sg, new ScalarGrid(sv, sg.size(0), sg.size(1), sg.size(2)), factors.clone());
    }

    /** In-place Gaussian along axis {@code axis} (sigma in voxels), edges clamped; lines run in parallel. */
    static void smoothAxis(float[] a, int[] n, int axis, double sigma, Workers workers) {
        int radius = (int) Math.ceil(3 * sigma);
        double[] k = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            k[i + radius] = Math.exp(-0.5 * i * i / (sigma * sigma));
            sum += k[i + radius];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        int len = n[axis];
        int stride = axis == 0 ? 1 : axis == 1 ? n[0] : n[0] * n[1];
        int lines = n[0] * n[1] * n[2] / len;
        int[] other = axis == 0 ? new int[] {1, 2} : axis == 1 ? new int[] {0, 2} : new int[] {0, 1};
        int na = n[other[0]];
        int sa = other[0] == 0 ? 1 : n[0];
        int sb = other[1] == 1 ? n[0] : n[0] * n[1];
        int nb = n[other[1]];
        workers.forEach(nb, b -> {
            double[] line = new double[len];
            for (int aIdx = 0; aIdx < na; aIdx++) {
                int base = aIdx * sa + b * sb;
                for (int i = 0; i < len; i++) {
                    line[i] = a[base + i * stride];
                }
                for (int i = 0; i < len; i++) {
                    double s = 0;
                    for (int j = -radius; j <= radius; j++) {
                        int q = i + j;
                        q = q < 0 ? 0 : q >= len ? len - 1 : q;
                        s += k[j + radius] * line[q];
                    }
                    a[base + i * stride] = (float) s;
                }
            }
        });
        assert lines == na * nb;
    }
}
