package org.coreg.transform;

import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.image.InvalidGeometryException;
import org.coreg.image.Volume;

/**
 * "Hardening" in 3D Slicer's sense: applying a pending transform to an object so that it no longer needs one. A
 * moving volume under a linear fixed-to-moving transform gets new geometry (origin, direction, spacing) placing its
 * voxels where they lie in fixed space, with no resampling; under a nonlinear transform, or an affine with shear
 * that no voxel grid can express, it is resampled onto a reference grid. (Point lists are
 * hardened by {@code org.coreg.points.PointMapper}.) Each result carries the history entry
 * that records what was done.
 */
public final class Hardening {
    /**
     * A hardened volume and the history entry that describes the change.
     *
     * @param resampled true if voxels were interpolated (false: geometry only, lossless)
     */
    public record Result(Volume volume, String historyEntry, boolean resampled) {
    }

    private Hardening() {
    }

    /**
     * Places a moving volume in fixed space by changing its geometry only: {@code indexToWorld' = T^-1 o
     * indexToWorld}, where {@code T} maps fixed to moving.
     *
     * @throws IllegalArgumentException         if {@code T} is not linear, or its matrix shears the grid (the new
     *                                          axes would not be orthogonal)
     * @throws NonInvertibleTransformException if {@code T} is singular
     */
    public static Result hardenLinear(Volume moving, SpatialTransform fixedToMoving)
            throws NonInvertibleTransformException {
        SpatialTransform t = fixedToMoving.direction() == Direction.FIXED_TO_MOVING ? Transforms.compose(fixedToMoving)
                : Transforms.inverse(fixedToMoving);
        if (!(t instanceof AffineTransform a)) {
            throw new IllegalArgumentException("cannot harden " + fixedToMoving.describe()
                    + " into the geometry of a volume: it is not linear; resample instead");
        }
        AffineMap toFixed = a.inverse().map().after(moving.geometry().indexToWorld());
        double[] l = toFixed.linear();
        double[] spacing = new double[3];
        double[] dir = new double[9];
        for (int c = 0; c < 3; c++) {
            spacing[c] = Math.sqrt(l[c] * l[c] + l[3 + c] * l[3 + c] + l[6 + c] * l[6 + c]);
            for (int r = 0; r < 3; r++) {
                dir[3 * r + c] = l[3 * r + c] / spacing[c];
            }
        }
        ImageGeometry g;
        try {
            g = ImageGeometry.of(moving.geometry().size(), spacing, toFixed.translation(), dir);
        } catch (InvalidGeometryException e) {
            throw new IllegalArgumentException("cannot harden " + fixedToMoving.describe() + " into the geometry of "
                    + "a volume: the matrix shears its voxel axes (" + e.getMessage() + "); resample instead", e);
        }
        return new Result(moving.withGeometry(g), "hardened " + a.describe() + " into the geometry (no resampling)",
                false);
    }

    /**
     * Hardens any transform: linear ones into the geometry where possible, otherwise by resampling onto
     * {@code reference} (pass the volume's own geometry to keep its grid).
     */
    public static Result harden(Volume moving, SpatialTransform fixedToMoving, ImageGeometry reference,
                                Resampler.Settings settings) throws NonInvertibleTransformException {
        if (fixedToMoving.isLinear()) {
            try {
                return hardenLinear(moving, fixedToMoving);
            } catch (IllegalArgumentException shear) {
                // An affine with shear cannot be a grid: fall through to resampling.
            }
        }
        Volume v = Resampler.resample(moving, fixedToMoving, reference, settings);
        return new Result(v, "hardened " + fixedToMoving.describe() + " by resampling ("
                + settings.interpolation().name().toLowerCase(java.util.Locale.ROOT) + ")", true);
    }
}
