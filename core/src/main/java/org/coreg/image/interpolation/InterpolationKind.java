package org.coreg.image.interpolation;

/** The interpolation a user or a setting can choose. */
public enum InterpolationKind {
    /** Value of the nearest voxel centre (ties round up, as ITK): for labels and masks. */
    NEAREST,
    /** Trilinear: fast, smooths slightly, continuous but not smooth. */
    LINEAR,
    /** Cubic B-spline (Unser 1999; Thevenaz, Blu and Unser 2000): sharp and smooth; registration's default. */
    BSPLINE;

    /** An interpolator of this kind over {@code grid} (a B-spline prefilters the grid once, here). */
    public Interpolator over(ScalarGrid grid) {
        return switch (this) {
            case NEAREST -> new NearestNeighborInterpolator(grid);
            case LINEAR -> new LinearInterpolator(grid);
            case BSPLINE -> new CubicBSplineInterpolator(grid);
        };
    }
}
