package org.coreg.io.dicom;

import org.coreg.image.VoxelData;

/**
 * Resamples a slice stack onto a uniform orthogonal grid: slices at {@code z0 + k * spacing} along the normal,
 * linear between the two nearest input slices, each input slice shifted in its plane by its drift relative to the
 * first (which undoes gantry tilt; bilinear in-plane). Outside the input the value is the smallest stored value.
 */
final class StackResampler {
    record Result(VoxelData voxels, int slices, double spacing) {
    }

    private StackResampler() {
    }

    static Result resample(SliceStack stack, VoxelData in, double spacing) {
        var first = stack.images().getFirst();
        int nx = first.pixels().columns();
        int ny = first.pixels().rows();
        double dx = first.pixelSpacing()[1];
        double dy = first.pixelSpacing()[0];
        double z0 = stack.z(0);
        double span = stack.z(stack.size() - 1) - z0;
        int slices = (int) Math.floor(span / spacing + 1e-6) + 1;
        VoxelData out = VoxelData.allocate(in.type(), (long) nx * ny * slices);
        double background = in.range()[0];
        int per = nx * ny;
        double[][] shift = new double[stack.size()][];
        for (int k = 0; k < stack.size(); k++) {
            double[] off = stack.inPlaneOffset(k);
            shift[k] = new double[] {off[0] / dx, off[1] / dy};
        }
        int a = 0;
        for (int k = 0; k < slices; k++) {
            double z = z0 + k * spacing;
            while (a + 1 < stack.size() - 1 && stack.z(a + 1) <= z) {
                a++;
            }
            int b = Math.min(a + 1, stack.size() - 1);
            double t = b == a ? 0 : (z - stack.z(a)) / (stack.z(b) - stack.z(a));
            t = Math.max(0, Math.min(1, t));
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    double va = sample(in, a * per, nx, ny, i - shift[a][0], j - shift[a][1], background);
                    double v = va;
                    if (t > 1e-9) {
                        double vb = sample(in, b * per, nx, ny, i - shift[b][0], j - shift[b][1], background);
                        v = va + t * (vb - va);
                    }
                    out.set(k * per + j * nx + i, v);
                }
            }
        }
        return new Result(out, slices, spacing);
    }

    /** Bilinear sample of one slice at continuous pixel (x, y); exact at integer positions. */
    private static double sample(VoxelData in, int base, int nx, int ny, double x, double y, double background) {
        if (x < -1e-6 || y < -1e-6 || x > nx - 1 + 1e-6 || y > ny - 1 + 1e-6) {
            return background;
        }
        int x0 = (int) Math.min(Math.floor(x + 1e-9), nx - 1);
        int y0 = (int) Math.min(Math.floor(y + 1e-9), ny - 1);
        double fx = Math.max(0, x - x0);
        double fy = Math.max(0, y - y0);
        int x1 = Math.min(x0 + 1, nx - 1);
        int y1 = Math.min(y0 + 1, ny - 1);
        double v00 = in.get(base + y0 * nx + x0);
        if (fx < 1e-9 && fy < 1e-9) {
            return v00;
        }
        double v10 = in.get(base + y0 * nx + x1);
        double v01 = in.get(base + y1 * nx + x0);
        double v11 = in.get(base + y1 * nx + x1);
        return (1 - fy) * ((1 - fx) * v00 + fx * v10) + fy * ((1 - fx) * v01 + fx * v11);
    }
}
