package org.coreg.io.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.coreg.image.Volume;
import org.coreg.image.VoxelData;
import org.coreg.testing.ExternalTool;
import org.coreg.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * JPEG 2000 series read by Coreg (JJ2000) against dcm2niix (OpenJPEG, an independent decoder): the same world
 * position for every voxel and the same values, exactly for lossless data and within a grey level or two for lossy
 * data (the irreversible 9/7 wavelet is computed in floating point and rounded by each decoder in its own way).
 */
class DicomJpeg2000OracleTest {
    @TempDir
    Path tmp;

    private NiftiOracle dcm2niix(Path dir) throws Exception {
        Path dcm2niix = ExternalTool.require("dcm2niix");
        Path out = Files.createDirectories(tmp.resolve("out"));
        ExternalTool.runOk(tmp, 300, dcm2niix.toString(), "-z", "n", "-f", "j2k", "-o", out.toString(),
                dir.toString());
        return NiftiOracle.read(out.resolve("j2k.nii"));
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "2, 2", "0.5, 2"})
    void syntheticSeriesMatchesOpenJpeg(double bitsPerPixel, double tolerance) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("series"));
        int size = 64;
        for (int k = 0; k < 4; k++) {
            int[] frame = DicomJpeg2000Test.phantom(size, size, k, 12, false, 11);
            DicomTestWriter w = DicomJpeg2000Test.header(size, size, 1, 12, false, k);
            w.encapsulated(List.of(Jpeg2000TestEncoder.encode(frame, size, size, 12, false, bitsPerPixel)), false);
            String uid = bitsPerPixel > 0 ? DicomJpeg2000Test.LOSSY : DicomJpeg2000Test.LOSSLESS;
            Files.write(dir.resolve(String.format("%03d.dcm", k)), w.toFile(uid, true, false));
        }
        Volume v = new DicomReader(DicomReadOptions.STRICT).read(dir);
        dcm2niix(dir).assertSameAs(v, 1e-4, tolerance);
    }

    @Test
    void pydicomLossySampleMatchesOpenJpeg() throws Exception {
        // NM1_J2KI has no patient geometry, so no volume: its frames are decoded and compared as pixels.
        Path dir = Files.createDirectories(tmp.resolve("sample"));
        Path file = Files.copy(SharedData.require("dicom-codecs/JPEG2000.dcm"), dir.resolve("JPEG2000.dcm"));
        DicomFile f = DicomParser.read(file);
        PixelFormat pf = PixelFormat.of(f.dataset());
        VoxelData mine = VoxelData.allocate(pf.voxelType(), (long) pf.pixelsPerFrame() * pf.frames());
        for (int k = 0; k < pf.frames(); k++) {
            PixelDecoder.decodeFrame(f, pf, k, mine, k * pf.pixelsPerFrame());
        }
        NiftiOracle o = dcm2niix(dir);
        assertThat(o.real).hasSize(mine.length());
        double worst = 0;
        int w = pf.columns();
        int h = pf.rows();
        for (int k = 0; k < pf.frames(); k++) {
            for (int j = 0; j < h; j++) {
                for (int i = 0; i < w; i++) {
                    // dcm2niix stores rows bottom-up.
                    double theirs = o.real[k * w * h + (h - 1 - j) * w + i];
                    worst = Math.max(worst, Math.abs(theirs - mine.get(k * w * h + j * w + i)));
                }
            }
        }
        assertThat(worst).as("largest difference from OpenJPEG").isLessThanOrEqualTo(1);
        assertThat(mine.range()[1]).isGreaterThan(mine.range()[0]);
    }

    @Test
    void pydicomLosslessSampleMatchesOpenJpeg() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("sample"));
        Files.copy(SharedData.require("dicom-codecs/MR_small_jp2klossless.dcm"), dir.resolve("mr.dcm"));
        Volume v = new DicomReader(DicomReadOptions.STRICT).read(dir);
        dcm2niix(dir).assertSameAs(v, 1e-4, 0);
    }
}
