package org.coreg.app.render;

import org.coreg.image.AffineMap;
import org.coreg.transform.SpatialTransform;

/**
 * Renders a fused view: the fixed image on a {@link SliceGrid} through the cursor covering the fixed image, and the
 * moving image sampled at the same world points mapped through the fixed-to-moving transform. Keeps its sample
 * buffers between calls (large slices would otherwise allocate megabytes per frame), so it is not thread-safe: use
 * one per view and render from one thread at a time.
 */
public final class ViewRenderer {
    private final Interpolation interpolation;
    private float[] fixedSamples = new float[0];
    private float[] movingSamples = new float[0];

    public ViewRenderer(Interpolation interpolation) {
        this.interpolation = interpolation;
    }

    /**
     * @param fixed         the fixed image (defines the view's space)
     * @param moving        the moving image, or null
     * @param fixedToMoving LPS fixed -> LPS moving
     * @param cursor        LPS point the plane passes through
     */
    public SliceImage render(SampledVolume fixed, SampledVolume moving, AffineMap fixedToMoving, ViewPlane plane,
                             double[] cursor, WindowLevel fixedWindow, WindowLevel movingWindow,
                             FusionSettings settings) {
        SliceGrid grid = SliceGrid.covering(fixed.geometry(), plane, cursor);
        return render(fixed, moving, fixedToMoving, grid, fixedWindow, movingWindow, settings);
    }

    /**
     * As above, drawing the moving image through {@code deformed} (fixed LPS -> moving LPS, e.g. affine then
     * B-spline) when it is not null instead of {@code fixedToMoving}, and painting {@code jacobian} (a determinant map
     * on the fixed grid, {@link JacobianColours}) over the fused slice when it is not null.
     */
    public SliceImage render(SampledVolume fixed, SampledVolume moving, AffineMap fixedToMoving,
                             SpatialTransform deformed, SampledVolume jacobian, ViewPlane plane, double[] cursor,
                             WindowLevel fixedWindow, WindowLevel movingWindow, FusionSettings settings) {
        SliceGrid grid = SliceGrid.covering(fixed.geometry(), plane, cursor);
        return render(fixed, moving, fixedToMoving, deformed, jacobian, grid, fixedWindow, movingWindow, settings);
    }

    /** As above on an explicit grid. */
    public SliceImage render(SampledVolume fixed, SampledVolume moving, AffineMap fixedToMoving, SliceGrid grid,
                             WindowLevel fixedWindow, WindowLevel movingWindow, FusionSettings settings) {
        return render(fixed, moving, fixedToMoving, null, null, grid, fixedWindow, movingWindow, settings);
    }

    /** As above on an explicit grid, with an optional deformable map and determinant overlay. */
    public SliceImage render(SampledVolume fixed, SampledVolume moving, AffineMap fixedToMoving,
                             SpatialTransform deformed, SampledVolume jacobian, SliceGrid grid,
                             WindowLevel fixedWindow, WindowLevel movingWindow, FusionSettings settings) {
        int n = grid.pixelCount();
        if (fixedSamples.length < n) {
            fixedSamples = new float[n];
            movingSamples = new float[n];
        }
        float[] f = fixedSamples;
        SliceRenderer.sample(fixed, AffineMap.identity(), grid, interpolation, f);
        float[] m = null;
        if (moving != null && settings.movingVisible()) {
            m = movingSamples;
            if (deformed == null) {
                SliceRenderer.sample(moving, fixedToMoving, grid, interpolation, m);
            } else {
                WarpedSliceSampler.sample(moving, deformed, grid, interpolation, m);
            }
        }
        int[] argb = new int[n]; // handed to the caller (and the UI thread): never reused
        Fusion.fuse(f, fixedWindow, m, movingWindow, settings, grid.width(), grid.height(), argb);
        if (jacobian != null) {
            float[] det = new float[n];
            SliceRenderer.sample(jacobian, AffineMap.identity(), grid, Interpolation.NEAREST, det);
            JacobianColours.overlay(det, n, argb);
        }
        return new SliceImage(grid, argb);
    }
}
