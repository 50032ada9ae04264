package org.coreg.app.render;

/** How a slice pixel takes its value from the voxels around its world point. */
public enum Interpolation {
    /** The voxel whose centre is nearest: shows the voxels as they are. */
    NEAREST,
    /** Trilinear: smooth, for oblique or resampled views. */
    LINEAR
}
