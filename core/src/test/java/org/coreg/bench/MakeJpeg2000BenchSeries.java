package org.coreg.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.coreg.image.VoxelData;
import org.coreg.image.VoxelType;
import org.coreg.io.dicom.DicomFile;
import org.coreg.io.dicom.DicomParser;
import org.coreg.io.dicom.PixelDecoder;
import org.coreg.io.dicom.PixelFormat;
import org.coreg.io.dicom.SyntheticSeries;
import org.coreg.io.dicom.TransferSyntax;

/**
 * Makes the JPEG 2000 load benchmark series: 300 slices of 512x512 int16 whose pixels are the real CT slices of
 * ct-dicom-subset (cycled), with new positions 0.625 mm apart, encoded by jai-imageio's JPEG 2000 encoder, lossless
 * (1.2.840.10008.1.2.4.90) into OUT/j2k-lossless and lossy at 2 bits per pixel (.91) into OUT/j2k-lossy.
 * Usage: MakeJpeg2000BenchSeries SOURCE_DIR OUT_DIR
 */
public final class MakeJpeg2000BenchSeries {
    private MakeJpeg2000BenchSeries() {
    }

    public static void main(String[] args) throws Exception {
        Path src = Path.of(args[0]);
        Path out = Path.of(args[1]);
        List<Path> files;
        try (Stream<Path> s = Files.list(src)) {
            files = s.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
        }
        short[][] pixels = new short[files.size()][];
        int[] size = new int[2];
        for (int i = 0; i < files.size(); i++) {
            DicomFile f = DicomParser.read(files.get(i));
            PixelFormat pf = PixelFormat.of(f.dataset());
            VoxelData v = VoxelData.allocate(VoxelType.INT16, pf.pixelsPerFrame());
            PixelDecoder.decodeFrame(f, pf, 0, v, 0);
            pixels[i] = (short[]) v.array();
            size[0] = pf.rows();
            size[1] = pf.columns();
        }
        for (String kind : new String[] {"j2k-lossless", "j2k-lossy"}) {
            TransferSyntax ts = TransferSyntax.forUid(kind.endsWith("lossless") ? "1.2.840.10008.1.2.4.90"
                    : "1.2.840.10008.1.2.4.91");
            Path dir = Files.createDirectories(out.resolve(kind));
            IntStream.range(0, 300).parallel().forEach(k -> {
                byte[] bytes = SyntheticSeries.slice(ts, "1.2.826.0.1.3680043.2.1125.301", k + 1,
                        new double[] {-100, -100, -200 + 0.625 * k}, new double[] {1, 0, 0, 0, 1, 0},
                        new double[] {0.390625, 0.390625}, size[0], size[1], pixels[k % pixels.length], true, 1,
                        -1024);
                try {
                    Files.write(dir.resolve(String.format("IM%04d.dcm", k + 1)), bytes);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }
}
