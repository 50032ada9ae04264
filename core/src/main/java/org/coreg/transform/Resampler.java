package org.coreg.transform;

import java.util.stream.IntStream;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.image.ImageMetadata;
import org.coreg.image.Volume;
import org.coreg.image.VoxelData;
import org.coreg.image.interpolation.InterpolationKind;
import org.coreg.image.interpolation.Interpolator;
import org.coreg.image.interpolation.ScalarGrid;

/**
 * Resamples a moving volume onto a reference (fixed) grid through a fixed-to-moving transform, as ITK's
 * ResampleImageFilter and transformix do: every output voxel centre (LPS mm of the reference grid) is mapped into
 * moving space and the moving image is interpolated there; points outside the moving buffer (ITK's half-voxel
 * border) get the default value. The stored voxel type is kept: integers are rounded half away from zero and
 * clamped; the moving volume's rescale slope and intercept are kept. Slices run in parallel.
 */
public final class Resampler {
    /**
     * @param interpolation nearest, linear or cubic B-spline
     * @param defaultValue  real value (rescale applied) for points that map outside the moving image
     */
    public record Settings(InterpolationKind interpolation, double defaultValue) {
        public static final Settings LINEAR = new Settings(InterpolationKind.LINEAR, 0);
    }

    private Resampler() {
    }

    /**
     * The moving volume seen on {@code reference}'s grid.
     *
     * @param transform maps reference (fixed) LPS mm to moving LPS mm; a moving-to-fixed transform is inverted first
     * @throws NonInvertibleTransformException if the transform is moving-to-fixed and cannot be inverted
     */
    public static Volume resample(Volume moving, SpatialTransform transform, ImageGeometry reference,
                                  Settings settings) throws NonInvertibleTransformException {
        SpatialTransform t = transform.direction() == Direction.FIXED_TO_MOVING ? transform
                : Transforms.inverse(transform);
        t = Transforms.compose(t);
        Interpolator interp = settings.interpolation().over(ScalarGrid.of(moving));
        ImageMetadata md = moving.metadata();
        VoxelData out = VoxelData.allocate(moving.type(), reference.voxelCount());
        double slope = md.rescaleSlope();
        double intercept = md.rescaleIntercept();
        double outsideStored = (settings.defaultValue() - intercept) / slope;
        int nx = reference.size(0);
        int ny = reference.size(1);
        AffineMap worldToMoving = moving.geometry().worldToIndex();
        if (t instanceof AffineTransform a) {
            AffineMap m = worldToMoving.after(a.map()).after(reference.indexToWorld());
            IntStream.range(0, reference.size(2)).parallel().forEach(k -> {
                double[] idx = new double[3];
                double sx = m.get(0, 0), sy = m.get(1, 0), sz = m.get(2, 0);
                for (int j = 0; j < ny; j++) {
                    double[] row = m.apply(0, j, k);
                    for (int i = 0; i < nx; i++) {
                        idx[0] = row[0] + i * sx;
                        idx[1] = row[1] + i * sy;
                        idx[2] = row[2] + i * sz;
                        store(out, i + nx * (j + ny * k), interp, idx, slope, intercept, outsideStored);
                    }
                }
            });
        } else {
            SpatialTransform general = t;
            AffineMap fixedIndexToWorld = reference.indexToWorld();
            IntStream.range(0, reference.size(2)).parallel().forEach(k -> {
                double[] p = new double[3];
                double[] ijk = new double[3];
                for (int j = 0; j < ny; j++) {
                    for (int i = 0; i < nx; i++) {
                        ijk[0] = i;
                        ijk[1] = j;
                        ijk[2] = k;
                        fixedIndexToWorld.apply(ijk, p);
                        general.apply(p, p);
                        worldToMoving.apply(p, p);
                        store(out, i + nx * (j + ny * k), interp, p, slope, intercept, outsideStored);
                    }
                }
            });
        }
        return new Volume(out, reference, md.withName(md.name() + "-resampled"));
    }

    private static void store(VoxelData out, int n, Interpolator interp, double[] idx, double slope, double intercept,
                              double outsideStored) {
        if (interp.grid().isInside(idx[0], idx[1], idx[2])) {
            out.set(n, (interp.value(idx[0], idx[1], idx[2]) - intercept) / slope);
        } else {
            out.set(n, outsideStored);
        }
    }
}
