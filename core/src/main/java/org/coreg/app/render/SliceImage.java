package org.coreg.app.render;

/**
 * One rendered view: its grid and opaque ARGB pixels (row-major, x fastest, {@code grid.width()} per row).
 *
 * @param grid where the pixels lie in fixed LPS space
 * @param argb 0xAARRGGBB per pixel
 */
public record SliceImage(SliceGrid grid, int[] argb) {
}
