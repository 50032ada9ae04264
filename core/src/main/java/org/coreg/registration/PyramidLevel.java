package org.coreg.registration;

import org.coreg.image.ImageGeometry;
import org.coreg.image.interpolation.ScalarGrid;

/**
 * One level of a multi-resolution pyramid: smoothed, shrunk real values and the grid that places them in LPS mm.
 *
 * @param geometry where the level's voxels lie (LPS mm)
 * @param grid     real values, x fastest
 * @param factors  shrink factor per index axis relative to the original volume
 */
public record PyramidLevel(ImageGeometry geometry, ScalarGrid grid, int[] factors) {
}
