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
 * Makes a full-size clinical volume from a real, block-averaged one of ../shared/data: the same field of view (first
 * and last voxel centres kept) on an NX x NY x NZ int16 grid, resampled linearly, plus Gaussian noise of the given
 * standard deviation (seeded). The meat phantom's CT (256x256x204) becomes its scanner's 512x512x400-odd grid, its MR
 * (256x256x94) the 512x512x94 one.
 * Usage: MakeUpsampled SOURCE OUT NX NY NZ NOISE SEED
 */
public final class MakeUpsampled {
    private MakeUpsampled() {
    }

    public static void main(String[] args) throws Exception {
        ImageFormats formats = ImageFormats.standard();
        Volume src = formats.read(Path.of(args[0]));
        ImageGeometry sg = src.geometry();
        int[] n = {Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4])};
        double sd = Double.parseDouble(args[5]);
        Random noise = new Random(Long.parseLong(args[6]));
        double[] spacing = new double[3];
        for (int d = 0; d < 3; d++) {
            spacing[d] = sg.spacing(d) * (sg.size(d) - 1) / (n[d] - 1);
        }
        ImageGeometry g = ImageGeometry.of(n, spacing, sg.origin(), sg.direction());
        Interpolator in = InterpolationKind.LINEAR.over(ScalarGrid.of(src));
        VoxelData data = VoxelData.allocate(VoxelType.INT16, g.voxelCount());
        for (int k = 0; k < n[2]; k++) {
            double z = k * (sg.size(2) - 1.0) / (n[2] - 1);
            for (int j = 0; j < n[1]; j++) {
                double y = j * (sg.size(1) - 1.0) / (n[1] - 1);
                int row = n[0] * (j + n[1] * k);
                for (int i = 0; i < n[0]; i++) {
                    double x = i * (sg.size(0) - 1.0) / (n[0] - 1);
                    data.set(row + i, in.value(x, y, z) + noise.nextGaussian() * sd);
                }
            }
        }
        Path out = Path.of(args[1]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        formats.write(new Volume(data, g, ImageMetadata.named(out.getFileName().toString())), out);
    }
}
