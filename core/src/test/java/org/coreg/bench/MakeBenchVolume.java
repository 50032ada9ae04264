package org.coreg.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.coreg.image.ImageGeometry;
import org.coreg.image.ImageMetadata;
import org.coreg.image.Volume;
import org.coreg.image.VoxelData;
import org.coreg.image.VoxelType;
import org.coreg.image.interpolation.InterpolationKind;
import org.coreg.image.interpolation.Interpolator;
import org.coreg.image.interpolation.ScalarGrid;
import org.coreg.io.ImageFormats;

/**
 * Makes the benchmark volume: a 512x512x300 int16 CT, resampled (linear) from the real meat-phantom CT of
 * ../shared/data so that its content, and hence its gzip ratio, is that of a real scan, plus scanner-like noise.
 * Usage: MakeBenchVolume SOURCE.mha OUT1 [OUT2 ...] (each output in the format its extension names).
 */
public final class MakeBenchVolume {
    private MakeBenchVolume() {
    }

    public static void main(String[] args) throws Exception {
        ImageFormats formats = ImageFormats.standard();
        Volume src = formats.read(Path.of(args[0]));
        ImageGeometry sg = src.geometry();
        int[] n = {512, 512, 300};
        double[] spacing = new double[3];
        for (int d = 0; d < 3; d++) {
            spacing[d] = sg.spacing(d) * (sg.size(d) - 1) / (n[d] - 1);
        }
        ImageGeometry g = ImageGeometry.of(n, spacing, sg.origin(), sg.direction());
        Interpolator in = InterpolationKind.LINEAR.over(ScalarGrid.of(src));
        VoxelData data = VoxelData.allocate(VoxelType.INT16, g.voxelCount());
        Random noise = new Random(1);
        for (int k = 0; k < n[2]; k++) {
            double z = k * (sg.size(2) - 1.0) / (n[2] - 1);
            for (int j = 0; j < n[1]; j++) {
                double y = j * (sg.size(1) - 1.0) / (n[1] - 1);
                int row = n[0] * (j + n[1] * k);
                for (int i = 0; i < n[0]; i++) {
                    double x = i * (sg.size(0) - 1.0) / (n[0] - 1);
                    data.set(row + i, in.value(x, y, z) + noise.nextGaussian() * 8);
                }
            }
        }
        Volume v = new Volume(data, g, ImageMetadata.named("bench-ct"));
        for (int a = 1; a < args.length; a++) {
            Path out = Path.of(args[a]);
            Files.createDirectories(out.toAbsolutePath().getParent());
            formats.write(v, out);
        }
    }
}
