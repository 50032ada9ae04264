package org.coreg.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 * Makes the DICOM load benchmark series: 300 slices of 512x512 int16 whose pixels are the real CT slices of
 * ct-dicom-subset (cycled), written as copies with new positions 0.625 mm apart, once uncompressed (explicit VR
 * little endian) and once JPEG lossless SV1. Usage: MakeDicomBenchSeries SOURCE_DIR OUT_DIR (writes OUT/native and
 * OUT/jpegll).
 */
public final class MakeDicomBenchSeries {
    private MakeDicomBenchSeries() {
    }

    public static void main(String[] args) throws Exception {
        Path src = Path.of(args[0]);
        Path out = Path.of(args[1]);
        List<Path> files;
        try (Stream<Path> s = Files.list(src)) {
            files = s.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
        }
        int slices = 300;
        for (String kind : new String[] {"native", "jpegll"}) {
            TransferSyntax ts = TransferSyntax.forUid("native".equals(kind) ? "1.2.840.10008.1.2.1"
                    : "1.2.840.10008.1.2.4.70");
            Path dir = Files.createDirectories(out.resolve(kind));
            for (int k = 0; k < slices; k++) {
                DicomFile f = DicomParser.read(files.get(k % files.size()));
                PixelFormat pf = PixelFormat.of(f.dataset());
                VoxelData v = VoxelData.allocate(VoxelType.INT16, pf.pixelsPerFrame());
                PixelDecoder.decodeFrame(f, pf, 0, v, 0);
                byte[] bytes = SyntheticSeries.slice(ts, "1.2.826.0.1.3680043.2.1125.300", k + 1,
                        new double[] {-100, -100, -200 + 0.625 * k}, new double[] {1, 0, 0, 0, 1, 0},
                        new double[] {0.390625, 0.390625}, pf.rows(), pf.columns(), (short[]) v.array(), true, 1,
                        -1024);
                Files.write(dir.resolve(String.format("IM%04d.dcm", k + 1)), bytes);
            }
        }
    }
}
