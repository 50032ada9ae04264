package org.coreg.testing;

import java.util.Random;
import org.coreg.image.ImageGeometry;
import org.coreg.image.ImageMetadata;
import org.coreg.image.Volume;
import org.coreg.image.VoxelData;
import org.coreg.image.VoxelType;

/** Synthetic volumes for tests: random voxels of any type on oblique, anisotropic grids. */
public final class TestVolumes {
    private TestVolumes() {
    }

    /** Direction cosines of a rotation by Euler angles (radians) about x, then y, then z; row-major. */
    public static double[] rotation(double ax, double ay, double az) {
        double cx = Math.cos(ax), sx = Math.sin(ax), cy = Math.cos(ay), sy = Math.sin(ay);
        double cz = Math.cos(az), sz = Math.sin(az);
        // R = Rz * Ry * Rx
        return new double[] {
            cz * cy, cz * sy * sx - sz * cx, cz * sy * cx + sz * sx,
            sz * cy, sz * sy * sx + cz * cx, sz * sy * cx - cz * sx,
            -sy, cy * sx, cy * cx
        };
    }

    /** An oblique grid with anisotropic spacing and a non-trivial origin. */
    public static ImageGeometry obliqueGeometry(int... size) {
        return ImageGeometry.of(size, new double[] {0.7, 1.3, 2.5}, new double[] {-91.25, 12.5, 37.75},
                rotation(0.3, -0.2, 0.5));
    }

    /** A left-handed (det -1) oblique grid, as NIfTI files with a flipped axis have. */
    public static ImageGeometry leftHandedGeometry(int... size) {
        double[] d = rotation(-0.1, 0.25, 1.1);
        for (int r = 0; r < 3; r++) {
            d[3 * r] = -d[3 * r];
        }
        return ImageGeometry.of(size, new double[] {1.0, 0.9, 3.0}, new double[] {10, -20.5, 5}, d);
    }

    /** Random values across the whole range of {@code type} (integers) or a wide range with fractions (floats). */
    public static Volume random(VoxelType type, ImageGeometry g, long seed) {
        VoxelData data = VoxelData.allocate(type, g.voxelCount());
        Random rnd = new Random(seed);
        for (int i = 0; i < data.length(); i++) {
            double v = switch (type) {
                case FLOAT32, FLOAT64 -> (rnd.nextDouble() - 0.5) * 2e4;
                default -> type.min() + Math.floor(rnd.nextDouble() * (type.max() - type.min() + 1));
            };
            data.set(i, v);
        }
        return new Volume(data, g, ImageMetadata.named("random-" + type.label()));
    }

    /** Random voxels on an oblique 7x5x4 grid. */
    public static Volume random(VoxelType type, long seed) {
        return random(type, obliqueGeometry(7, 5, 4), seed);
    }
}
