package org.coreg.image;

import java.util.Arrays;

/**
 * Where a voxel grid lies in the world: size (voxels per axis), spacing (mm), origin (LPS mm of the centre of voxel
 * (0,0,0)) and direction cosines. Immutable and validated on construction.
 *
 * <p>The mapping follows ITK and DICOM: {@code world = origin + D * diag(spacing) * index}, with {@code index} in
 * voxels (integer at voxel centres) and {@code world} in LPS millimetres. {@code D} is stored row-major; its column
 * {@code c} is the LPS unit vector along index axis {@code c}. Two-dimensional images are grids of depth 1.
 */
public final class ImageGeometry {
    /** Largest deviation of {@code D^T D} from the identity accepted as orthonormal (float-stored headers). */
    public static final double ORTHONORMAL_TOLERANCE = 1e-4;

    private final int[] size;
    private final double[] spacing;
    private final double[] origin;
    private final double[] direction;
    private final AffineMap indexToWorld;
    private final AffineMap worldToIndex;

    private ImageGeometry(int[] size, double[] spacing, double[] origin, double[] direction) {
        this.size = size;
        this.spacing = spacing;
        this.origin = origin;
        this.direction = direction;
        double[] a = new double[9];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                a[3 * r + c] = direction[3 * r + c] * spacing[c];
            }
        }
        this.indexToWorld = AffineMap.of(a, origin);
        this.worldToIndex = indexToWorld.inverse();
    }

    /**
     * Creates a validated geometry.
     *
     * @param size      voxels along i, j, k; each at least 1
     * @param spacing   mm between voxel centres along i, j, k; finite and positive
     * @param origin    LPS mm of the centre of voxel (0,0,0); finite
     * @param direction row-major 3x3; columns are the LPS unit vectors of the index axes; orthonormal
     * @throws InvalidGeometryException naming the field at fault
     */
    public static ImageGeometry of(int[] size, double[] spacing, double[] origin, double[] direction) {
        check(size != null && size.length == 3, "size", "3 dimensions", size == null ? "none" : size.length + "");
        check(spacing != null && spacing.length == 3, "spacing", "3 values", spacing == null ? "none" : spacing.length + "");
        check(origin != null && origin.length == 3, "origin", "3 values", origin == null ? "none" : origin.length + "");
        check(direction != null && direction.length == 9, "direction", "9 values (3x3)",
                direction == null ? "none" : direction.length + "");
        for (int d = 0; d < 3; d++) {
            check(size[d] >= 1, "size", "at least 1 voxel along every axis", Arrays.toString(size));
            check(Double.isFinite(spacing[d]) && spacing[d] > 0, "spacing", "finite positive mm",
                    Arrays.toString(spacing));
            check(Double.isFinite(origin[d]), "origin", "finite mm", Arrays.toString(origin));
        }
        for (double v : direction) {
            check(Double.isFinite(v), "direction", "finite cosines", Arrays.toString(direction));
        }
        double err = orthonormalityError(direction);
        check(err <= ORTHONORMAL_TOLERANCE, "direction",
                "orthonormal direction cosines (|D^T D - I| <= " + ORTHONORMAL_TOLERANCE + ")",
                Arrays.toString(direction) + " (deviation " + err + ")");
        try {
            return new ImageGeometry(size.clone(), spacing.clone(), origin.clone(), direction.clone());
        } catch (IllegalStateException | IllegalArgumentException e) {
            // Extreme spacings (e.g. 1e-200 or 1e300 mm) make the index-to-world map singular or overflow it.
            throw new InvalidGeometryException("spacing",
                    "spacing that gives an invertible, finite index-to-world map", Arrays.toString(spacing));
        }
    }

    /** A geometry whose index axes run along L, P and S. */
    public static ImageGeometry axisAligned(int[] size, double[] spacing, double[] origin) {
        return of(size, spacing, origin, new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});
    }

    /** Largest absolute entry of {@code D^T D - I}. */
    public static double orthonormalityError(double[] d) {
        double err = 0;
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                double dot = d[a] * d[b] + d[3 + a] * d[3 + b] + d[6 + a] * d[6 + b];
                err = Math.max(err, Math.abs(dot - (a == b ? 1 : 0)));
            }
        }
        return err;
    }

    private static void check(boolean ok, String field, String expected, String found) {
        if (!ok) {
            throw new InvalidGeometryException(field, expected, found);
        }
    }

    /** Voxels along i, j, k (a copy). */
    public int[] size() {
        return size.clone();
    }

    /** Voxels along axis {@code d}. */
    public int size(int d) {
        return size[d];
    }

    /** Spacing in mm along i, j, k (a copy). */
    public double[] spacing() {
        return spacing.clone();
    }

    public double spacing(int d) {
        return spacing[d];
    }

    /** LPS mm of the centre of voxel (0,0,0) (a copy). */
    public double[] origin() {
        return origin.clone();
    }

    /** Direction cosines, row-major 3x3 (a copy); column c is the LPS unit vector of index axis c. */
    public double[] direction() {
        return direction.clone();
    }

    /** Number of voxels (may exceed the int range; callers check before allocating). */
    public long voxelCount() {
        return (long) size[0] * size[1] * size[2];
    }

    /** The map from continuous voxel index to LPS mm. */
    public AffineMap indexToWorld() {
        return indexToWorld;
    }

    /** The map from LPS mm to continuous voxel index. */
    public AffineMap worldToIndex() {
        return worldToIndex;
    }

    /** LPS mm of the continuous index {@code (i, j, k)}. */
    public double[] indexToWorld(double i, double j, double k) {
        return indexToWorld.apply(i, j, k);
    }

    /** Continuous voxel index of the LPS point {@code p} (mm). */
    public double[] worldToIndex(double[] p) {
        return worldToIndex.apply(p);
    }

    /** LPS mm of the centre of the grid. */
    public double[] center() {
        return indexToWorld((size[0] - 1) / 2.0, (size[1] - 1) / 2.0, (size[2] - 1) / 2.0);
    }

    /** The same grid moved to a new origin (LPS mm). */
    public ImageGeometry withOrigin(double[] newOrigin) {
        return of(size, spacing, newOrigin, direction);
    }

    /** The same grid with new direction cosines (row-major, orthonormal). */
    public ImageGeometry withDirection(double[] newDirection) {
        return of(size, spacing, origin, newDirection);
    }

    /**
     * True when size is equal and spacing, origin and direction agree within {@code tolerance} (mm for spacing and
     * origin, unitless for direction).
     */
    public boolean approximatelyEquals(ImageGeometry o, double tolerance) {
        return Arrays.equals(size, o.size) && maxDiff(spacing, o.spacing) <= tolerance
                && maxDiff(origin, o.origin) <= tolerance && maxDiff(direction, o.direction) <= tolerance;
    }

    private static double maxDiff(double[] a, double[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageGeometry g && Arrays.equals(size, g.size) && Arrays.equals(spacing, g.spacing)
                && Arrays.equals(origin, g.origin) && Arrays.equals(direction, g.direction);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(size) * 31 + Arrays.hashCode(origin);
    }

    @Override
    public String toString() {
        return "ImageGeometry[size=" + Arrays.toString(size) + ", spacing=" + Arrays.toString(spacing)
                + ", origin(LPS)=" + Arrays.toString(origin) + ", direction=" + Arrays.toString(direction) + "]";
    }
}
