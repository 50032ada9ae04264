package org.coreg.io.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.coreg.image.Volume;
import org.coreg.io.ImageFormats;
import org.coreg.io.ImageIOException;
import org.coreg.testing.ExternalTool;
import org.coreg.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Coreg's DICOM volumes against dcm2niix's NIfTI of the same folders: same world position for every voxel. */
class DicomOracleTest {
    @TempDir
    Path tmp;

    private NiftiOracle dcm2niix(Path dir, String name) throws Exception {
        Path dcm2niix = ExternalTool.require("dcm2niix");
        Path out = Files.createDirectories(tmp.resolve("out-" + name));
        ExternalTool.runOk(tmp, 300, dcm2niix.toString(), "-z", "n", "-f", name, "-o", out.toString(),
                dir.toString());
        return NiftiOracle.read(out.resolve(name + ".nii"));
    }

    @Test
    void mrSeriesMatchesDcm2niix() throws Exception {
        Path dir = SharedData.require("meat-phantom-ct-mr/mr-t2-dicom");
        Volume v = ImageFormats.standard().read(dir);
        assertThat(v.geometry().size()).containsExactly(512, 512, 94);
        assertThat(v.metadata().format()).isEqualTo("DICOM");
        dcm2niix(dir, "mr").assertSameAs(v, 1e-4, 0);
    }

    @Test
    void ctSubsetWithMissingSlicesIsRefusedNamingTheGap() throws Exception {
        Path dir = SharedData.require("meat-phantom-ct-mr/ct-dicom-subset");
        assertThatThrownBy(() -> ImageFormats.standard().read(dir))
                .isInstanceOf(ImageIOException.class)
                .hasMessageContaining("(0020,0032) ImagePositionPatient")
                .hasMessageContaining("uniform slice spacing")
                .hasMessageMatching("(?s).*a gap of [0-9.]+ mm between .*ct-dicom-subset/\\d+\\.dcm.*")
                .satisfies(e -> assertThat(((ImageIOException) e).problem())
                        .isEqualTo(ImageIOException.Problem.BAD_FIELD));
    }

    @Test
    void ctSubsetResampledKeepsEveryOriginalSliceAndDcm2niixVoxels() throws Exception {
        Path dir = SharedData.require("meat-phantom-ct-mr/ct-dicom-subset");
        Volume v = new DicomReader(new DicomReadOptions(true, false)).read(dir);
        SeriesScanner.Result scan = SeriesScanner.scan(dir);
        SliceStack stack = SliceStack.of(scan.series().getFirst());
        double dz = v.geometry().spacing(2);
        assertThat(dz).isCloseTo(stack.minSpacing(), within(1e-9));
        assertThat(v.geometry().origin()).containsExactly(stack.images().getFirst().position(), within(1e-9));
        assertThat(v.metadata().rescaleIntercept()).isEqualTo(-1024);
        // dcm2niix writes the 40 original slices in the same order (it warns that spacing varies): each one must
        // be a slice of the resampled grid, voxel for voxel.
        NiftiOracle o = dcm2niix(dir, "ct");
        assertThat(o.size[2]).isEqualTo(40);
        int nx = 512;
        int ny = 512;
        for (int k = 0; k < 40; k++) {
            double kk = (stack.z(k) - stack.z(0)) / dz;
            int kOut = (int) Math.round(kk);
            assertThat(Math.abs(kk - kOut) * dz).as("slice %d on the grid", k).isLessThan(1e-4);
            for (int j = 0; j < ny; j += 7) {
                for (int i = 0; i < nx; i += 5) {
                    // dcm2niix flips rows (NIfTI j runs anterior to posterior reversed).
                    double e = o.real[i + nx * ((ny - 1 - j) + ny * k)];
                    assertThat(v.realValue(i, j, kOut)).as("voxel %d %d of slice %d", i, j, k).isEqualTo(e);
                }
            }
        }
    }

    @Test
    void syntheticCoronalAndObliqueSeriesMatchDcm2niix() throws Exception {
        double c = Math.cos(Math.toRadians(20));
        double s = Math.sin(Math.toRadians(20));
        double[][] orientations = {
            {1, 0, 0, 0, 0, -1},                 // coronal
            {0, 1, 0, 0, 0, -1},                 // sagittal
            {c, s, 0, -s * 0.6, c * 0.6, -0.8},  // oblique: rotated about S, then tilted
        };
        for (int o = 0; o < orientations.length; o++) {
            double[] iop = orientations[o];
            double[] row = {iop[0], iop[1], iop[2]};
            double[] col = {iop[3], iop[4], iop[5]};
            double[] n = DicomGeometry.cross(row, col);
            double[] step = {2.5 * n[0], 2.5 * n[1], 2.5 * n[2]};
            Path dir = tmp.resolve("orient" + o);
            // Reverse order on disk so sorting by position matters.
            double[][] pos = SyntheticSeries.line(new double[] {-40.25, 12.5, 30.75}, step, 6);
            List<double[]> reversed = new java.util.ArrayList<>(List.of(pos));
            java.util.Collections.reverse(reversed);
            SyntheticSeries.write(dir, TransferSyntax.EXPLICIT_LE, "1.2.826.0.1." + o,
                    reversed.toArray(double[][]::new), iop, new double[] {0.8, 0.6}, 24, 20,
                    (i, j, k) -> 100 * k + 3 * i - 2 * j);
            Volume v = ImageFormats.standard().read(dir);
            assertThat(v.geometry().origin()).containsExactly(pos[0], within(1e-9));
            assertThat(v.geometry().spacing()).containsExactly(new double[] {0.6, 0.8, 2.5}, within(1e-9));
            // Slice 0 (on disk the last file) holds the pattern for k = 5.
            assertThat(v.realValue(3, 4, 0)).isEqualTo(100 * 5 + 9 - 8 - 1024);
            dcm2niix(dir, "o" + o).assertSameAs(v, 1e-4, 0);
        }
    }
}
