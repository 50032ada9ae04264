package org.coreg.image;

import java.util.Objects;
import net.imglib2.img.array.ArrayImg;

/**
 * A 3-D image: voxels in their stored type, the physical geometry that places them in LPS millimetres, and
 * metadata. The real value of a voxel is {@code stored * rescaleSlope + rescaleIntercept}.
 *
 * @param voxels   stored values, x fastest
 * @param geometry size, spacing, origin and direction of the grid
 * @param metadata name, source, modality, rescale
 */
public record Volume(VoxelData voxels, ImageGeometry geometry, ImageMetadata metadata) {
    public Volume {
        Objects.requireNonNull(voxels, "voxels");
        Objects.requireNonNull(geometry, "geometry");
        Objects.requireNonNull(metadata, "metadata");
        if (voxels.length() != geometry.voxelCount()) {
            throw new IllegalArgumentException("voxel count " + voxels.length() + " does not match the grid size "
                    + java.util.Arrays.toString(geometry.size()) + " (" + geometry.voxelCount() + " voxels)");
        }
    }

    /** The stored type (the type on disk, e.g. int16 for CT). */
    public VoxelType type() {
        return voxels.type();
    }

    /** Flat index of voxel (i, j, k). */
    public int index(int i, int j, int k) {
        return i + geometry.size(0) * (j + geometry.size(1) * k);
    }

    /** Real value (rescale applied) at flat index {@code i}. */
    public double realValue(int i) {
        return voxels.get(i) * metadata.rescaleSlope() + metadata.rescaleIntercept();
    }

    /** Real value (rescale applied) of voxel (i, j, k). */
    public double realValue(int i, int j, int k) {
        return realValue(index(i, j, k));
    }

    /** Smallest and largest real value (rescale applied), ignoring NaN. */
    public double[] realRange() {
        double[] r = voxels.range();
        double a = r[0] * metadata.rescaleSlope() + metadata.rescaleIntercept();
        double b = r[1] * metadata.rescaleSlope() + metadata.rescaleIntercept();
        return new double[] {Math.min(a, b), Math.max(a, b)};
    }

    /** Real values as a new float array, x fastest: the input of registration's inner loops. */
    public float[] toFloatArray() {
        float[] f = new float[voxels.length()];
        double s = metadata.rescaleSlope();
        double o = metadata.rescaleIntercept();
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) (voxels.get(i) * s + o);
        }
        return f;
    }

    /** The stored voxels as an ImgLib2 image over the same memory, dimensions (nx, ny, nz). */
    public ArrayImg<?, ?> img() {
        return voxels.asImg(geometry.size(0), geometry.size(1), geometry.size(2));
    }

    /** The same voxels placed on another grid of the same size (e.g. after hardening a linear transform). */
    public Volume withGeometry(ImageGeometry newGeometry) {
        return new Volume(voxels, newGeometry, metadata);
    }

    public Volume withMetadata(ImageMetadata newMetadata) {
        return new Volume(voxels, geometry, newMetadata);
    }
}
