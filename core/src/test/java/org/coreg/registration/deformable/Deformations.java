package org.coreg.registration.deformable;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.image.ImageMetadata;
import org.coreg.image.Volume;
import org.coreg.image.VoxelData;
import org.coreg.image.VoxelType;
import org.coreg.image.interpolation.InterpolationKind;
import org.coreg.image.interpolation.Interpolator;
import org.coreg.image.interpolation.ScalarGrid;
import org.coreg.transform.SpatialTransform;

/** Known smooth deformations, images seen through them, and residual displacement errors (test code). */
public final class Deformations {
    private Deformations() {
    }

    /**
     * A smooth random B-spline (fixed to moving) on a {@code spacing} mm grid over {@code domain}: every interior
     * coefficient uniform in [-amplitude, amplitude] mm, the outer two rings of nodes zero so it fades out.
     */
    public static BSplineDeformation random(ImageGeometry domain, double spacing, double amplitude, long seed) {
        ImageGeometry grid = ControlGrid.layout(domain, null, AffineMap.identity(), spacing);
        int nx = grid.size(0), ny = grid.size(1), nz = grid.size(2);
        double[] c = new double[3 * nx * ny * nz];
        SplittableRandom r = new SplittableRandom(seed);
        for (int d = 0; d < 3; d++) {
            for (int k = 0; k < nz; k++) {
                for (int j = 0; j < ny; j++) {
                    for (int i = 0; i < nx; i++) {
                        boolean inner = i >= 2 && j >= 2 && k >= 2 && i < nx - 2 && j < ny - 2 && k < nz - 2;
                        c[i + nx * (j + ny * (k + nz * d))] = inner ? amplitude * (2 * r.nextDouble() - 1) : 0;
                    }
                }
            }
        }
        return new BSplineDeformation(grid, c);
    }

    /** Renders {@code f} (a function of LPS mm) at {@code t(x)} for every voxel x of {@code g}. */
    public static Volume render(ImageGeometry g, SpatialTransform t, ToDoubleFunction<double[]> f, String name) {
        float[] a = new float[(int) g.voxelCount()];
        AffineMap i2w = g.indexToWorld();
        double[] p = new double[3];
        int n = 0;
        for (int k = 0; k < g.size(2); k++) {
            for (int j = 0; j < g.size(1); j++) {
                for (int i = 0; i < g.size(0); i++) {
                    i2w.apply(new double[] {i, j, k}, p);
                    t.apply(p, p);
                    a[n++] = (float) f.applyAsDouble(p);
                }
            }
        }
        return new Volume(VoxelData.wrap(VoxelType.FLOAT32, a), g, ImageMetadata.named(name));
    }

    /** Cubic B-spline interpolation of {@code v} at LPS points, {@code outside} beyond its buffer. */
    public static ToDoubleFunction<double[]> sampler(Volume v, double outside) {
        Interpolator in = InterpolationKind.BSPLINE.over(ScalarGrid.of(v));
        AffineMap w2i = v.geometry().worldToIndex();
        return p -> {
            double[] q = w2i.apply(p);
            return in.valueOr(q[0], q[1], q[2], outside);
        };
    }

    /** Mean distance (mm) between where {@code a} and {@code b} send the voxel centres of g where {@code inside}. */
    public static double meanError(ImageGeometry g, SpatialTransform a, SpatialTransform b,
                                   java.util.function.Predicate<double[]> inside) {
        AffineMap i2w = g.indexToWorld();
        double sum = 0;
        long n = 0;
        for (int k = 0; k < g.size(2); k++) {
            for (int j = 0; j < g.size(1); j++) {
                for (int i = 0; i < g.size(0); i++) {
                    double[] p = i2w.apply(new double[] {i, j, k});
                    if (!inside.test(p)) {
                        continue;
                    }
                    double[] x = a.apply(p);
                    double[] y = b.apply(p);
                    sum += Math.sqrt((x[0] - y[0]) * (x[0] - y[0]) + (x[1] - y[1]) * (x[1] - y[1])
                            + (x[2] - y[2]) * (x[2] - y[2]));
                    n++;
                }
            }
        }
        return sum / Math.max(1, n);
    }

    /** Minimal float32 MetaImage writer for tests and benchmarks (the product writer lives in io). */
    public static void writeMha(Volume v, Path file) throws IOException {
        ImageGeometry g = v.geometry();
        double[] d = g.direction();
        StringBuilder h = new StringBuilder();
        h.append("ObjectType = Image\nNDims = 3\nBinaryData = True\nBinaryDataByteOrderMSB = False\n");
        h.append("CompressedData = False\n");
        h.append(String.format(Locale.ROOT, "TransformMatrix = %.12g %.12g %.12g %.12g %.12g %.12g %.12g %.12g %.12g%n",
                d[0], d[3], d[6], d[1], d[4], d[7], d[2], d[5], d[8]));
        double[] o = g.origin();
        h.append(String.format(Locale.ROOT, "Offset = %.12g %.12g %.12g%n", o[0], o[1], o[2]));
        h.append(String.format(Locale.ROOT, "ElementSpacing = %.12g %.12g %.12g%n", g.spacing(0), g.spacing(1),
                g.spacing(2)));
        h.append("DimSize = ").append(g.size(0)).append(' ').append(g.size(1)).append(' ').append(g.size(2)).append('\n');
        h.append("ElementType = MET_FLOAT\nElementDataFile = LOCAL\n");
        float[] f = v.toFloatArray();
        ByteBuffer b = ByteBuffer.allocate(4 * f.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(f);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(h.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(b.array());
        }
    }
}
