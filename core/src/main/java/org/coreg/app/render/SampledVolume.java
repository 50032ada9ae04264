package org.coreg.app.render;

import java.util.Objects;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;

/**
 * A volume prepared for display: real values (rescale applied) as one flat float array, x fastest, with the grid
 * that places them in LPS millimetres. Sampling outside the voxel extents gives {@code NaN}.
 */
public final class SampledVolume {
    private final Volume source;
    private final float[] values;
    private final ImageGeometry geometry;
    private final int nx;
    private final int ny;
    private final int nz;
    private final double[] percentiles;

    private SampledVolume(Volume source, float[] values) {
        this.source = source;
        this.values = values;
        this.geometry = source.geometry();
        this.nx = geometry.size(0);
        this.ny = geometry.size(1);
        this.nz = geometry.size(2);
        this.percentiles = quantiles(1 << 18, 0.01, 0.99);
    }

    /**
     * Converts the real values of {@code v} once (the renderer's inner loop reads floats) and finds their 1st and
     * 99th percentiles; call it off the UI thread for large volumes.
     */
    public static SampledVolume of(Volume v) {
        Objects.requireNonNull(v, "volume");
        return new SampledVolume(v, v.toFloatArray());
    }

    public Volume source() {
        return source;
    }

    public ImageGeometry geometry() {
        return geometry;
    }

    /** The real values, x fastest (not a copy; do not modify). */
    float[] values() {
        return values;
    }

    int nx() {
        return nx;
    }

    int ny() {
        return ny;
    }

    int nz() {
        return nz;
    }

    /** Value of the voxel nearest to the continuous index, or NaN outside the voxel extents. */
    public float nearest(double i, double j, double k) {
        if (!(i >= -0.5 && j >= -0.5 && k >= -0.5 && i < nx - 0.5 && j < ny - 0.5 && k < nz - 0.5)) {
            return Float.NaN;
        }
        int x = (int) (i + 0.5);
        int y = (int) (j + 0.5);
        int z = (int) (k + 0.5);
        return values[x + nx * (y + ny * z)];
    }

    /**
     * Trilinear value at the continuous index, or NaN outside the voxel extents; within the outer half voxel the
     * edge value is held.
     */
    public float linear(double i, double j, double k) {
        if (!(i >= -0.5 && j >= -0.5 && k >= -0.5 && i <= nx - 0.5 && j <= ny - 0.5 && k <= nz - 0.5)) {
            return Float.NaN;
        }
        double ci = Math.min(Math.max(i, 0), nx - 1);
        double cj = Math.min(Math.max(j, 0), ny - 1);
        double ck = Math.min(Math.max(k, 0), nz - 1);
        int x0 = Math.min((int) ci, Math.max(nx - 2, 0));
        int y0 = Math.min((int) cj, Math.max(ny - 2, 0));
        int z0 = Math.min((int) ck, Math.max(nz - 2, 0));
        double fx = ci - x0;
        double fy = cj - y0;
        double fz = ck - z0;
        int sx = nx > 1 ? 1 : 0;
        int sy = ny > 1 ? nx : 0;
        int sz = nz > 1 ? nx * ny : 0;
        int b = x0 + nx * (y0 + ny * z0);
        float[] v = values;
        double c00 = v[b] + fx * (v[b + sx] - v[b]);
        double c10 = v[b + sy] + fx * (v[b + sy + sx] - v[b + sy]);
        double c01 = v[b + sz] + fx * (v[b + sz + sx] - v[b + sz]);
        double c11 = v[b + sz + sy] + fx * (v[b + sz + sy + sx] - v[b + sz + sy]);
        double c0 = c00 + fy * (c10 - c00);
        double c1 = c01 + fy * (c11 - c01);
        return (float) (c0 + fz * (c1 - c0));
    }

    /** The 1st and 99th percentiles of the real values, from a regular subsample (computed once). */
    public double[] robustRange() {
        return percentiles.clone();
    }

    /** Nearest voxel value at the LPS point {@code p} (mm), or NaN outside. */
    public float valueAtWorld(double[] p) {
        double[] idx = geometry.worldToIndex(p);
        return nearest(idx[0], idx[1], idx[2]);
    }

    /**
     * Value at quantile {@code q} (0..1) of up to {@code maxSamples} voxels taken at a regular stride; NaN ignored.
     */
    public double[] quantiles(int maxSamples, double... q) {
        int stride = Math.max(1, values.length / Math.max(1, maxSamples));
        float[] s = new float[(values.length + stride - 1) / stride];
        int n = 0;
        for (int i = 0; i < values.length; i += stride) {
            if (!Float.isNaN(values[i])) {
                s[n++] = values[i];
            }
        }
        java.util.Arrays.sort(s, 0, n);
        double[] out = new double[q.length];
        for (int i = 0; i < q.length; i++) {
            out[i] = n == 0 ? Double.NaN : s[(int) Math.min(n - 1, Math.max(0, Math.round(q[i] * (n - 1))))];
        }
        return out;
    }
}
