package org.coreg.transform;

import org.coreg.image.ImageGeometry;
import org.coreg.image.ImageMetadata;
import org.coreg.image.Volume;
import org.coreg.image.VoxelData;
import org.coreg.image.VoxelType;

/** Smooth synthetic volumes (a blurred ellipsoid on a gentle gradient), values known at every LPS point. */
public final class PhantomVolumes {
    private PhantomVolumes() {
    }

    /** The phantom's value at an LPS point (mm): a smooth blob of height 1000 centred at {@code centre}. */
    public static double value(double[] p, double[] centre) {
        double dx = (p[0] - centre[0]) / 18, dy = (p[1] - centre[1]) / 12, dz = (p[2] - centre[2]) / 15;
        return 1000 * Math.exp(-(dx * dx + dy * dy + dz * dz)) + 2 * p[0] - p[1] + 0.5 * p[2];
    }

    /** The phantom sampled on {@code g}, stored as {@code type}. */
    public static Volume sample(ImageGeometry g, VoxelType type, double[] centre) {
        VoxelData d = VoxelData.allocate(type, g.voxelCount());
        int n = 0;
        for (int k = 0; k < g.size(2); k++) {
            for (int j = 0; j < g.size(1); j++) {
                for (int i = 0; i < g.size(0); i++) {
                    d.set(n++, value(g.indexToWorld(i, j, k), centre));
                }
            }
        }
        return new Volume(d, g, ImageMetadata.named("phantom"));
    }
}
