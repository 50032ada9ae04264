package org.coreg.image;

/**
 * Told by an image reader, on its reading thread, how far a volume's voxels have arrived (in storage order, x fastest),
 * so that work on the first slices can start while the rest is still being read or decompressed. A reader that cannot
 * tell says nothing; a read that fails stops telling.
 */
public interface VoxelReadListener {
    /** A listener that does nothing. */
    VoxelReadListener NONE = new VoxelReadListener() {
        @Override
        public void allocated(VoxelData voxels) {
        }

        @Override
        public void ready(int count) {
        }
    };

    /** The store the voxels will be read into, before any value arrives. */
    void allocated(VoxelData voxels);

    /** Voxels {@code 0..count-1} of that store hold their final values. */
    void ready(int count);
}
