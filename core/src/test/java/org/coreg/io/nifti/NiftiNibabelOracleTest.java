package org.coreg.io.nifti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.coreg.image.ImageGeometry;
import org.coreg.image.RasLps;
import org.coreg.image.Volume;
import org.coreg.image.VoxelType;
import org.coreg.testing.ExternalTool;
import org.coreg.testing.GeometryAssert;
import org.coreg.testing.TestVolumes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NIfTI-2 against nibabel (ITK 5.2, the oracle for NIfTI-1, has no NIfTI-2 reader): files Coreg writes are read
 * by nibabel with the same affine and voxels; files nibabel writes are read by Coreg with nibabel's affine.
 * Skipped where python3 with nibabel is absent (Debian: python3-nibabel).
 */
class NiftiNibabelOracleTest {
    @TempDir
    Path dir;

    private static String python() throws Exception {
        for (String p : new String[] {"/usr/bin/python3", "python3"}) {
            try {
                if (ExternalTool.run(Path.of(System.getProperty("java.io.tmpdir")), 60, p, "-c", "import nibabel")
                        .exitCode() == 0) {
                    return p;
                }
            } catch (java.io.IOException e) {
                // not this one
            }
        }
        assumeTrue(false, "skipped: python3 with nibabel is not installed (apt-get install python3-nibabel)");
        return null;
    }

    /** The index-to-RAS affine (row-major 3x4) Coreg means by {@code g}. */
    private static double[] rasAffine(ImageGeometry g) {
        double[] d = RasLps.flipRows(g.direction());
        double[] o = RasLps.lpsToRas(g.origin());
        double[] a = new double[12];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                a[4 * r + c] = d[3 * r + c] * g.spacing(c);
            }
            a[4 * r + 3] = o[r];
        }
        return a;
    }

    private static double[] numbers(String line) {
        return Arrays.stream(line.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    }

    @Test
    void nibabelReadsCoregsNifti2() throws Exception {
        String py = python();
        int n = 0;
        for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            for (String ext : new String[] {".nii", ".nii.gz"}) {
                Volume v = TestVolumes.random(VoxelType.FLOAT64, TestVolumes.leftHandedGeometry(5, 4, 3), n);
                Path f = dir.resolve("c" + n++ + ext);
                new NiftiWriter(NiftiVersion.NIFTI2, order).write(v, f);
                Path raw = dir.resolve("voxels.raw");
                String out = ExternalTool.runOk(dir, 120, py, "-c", String.join("\n",
                        "import nibabel as nb, numpy as np, sys",
                        "img = nb.load(sys.argv[1])",
                        "h = img.header",
                        "print(h['sizeof_hdr'], int(h['sform_code']), int(h['qform_code']))",
                        "print(' '.join(repr(float(x)) for x in img.get_sform()[:3].ravel()))",
                        "print(' '.join(repr(float(x)) for x in img.get_qform()[:3].ravel()))",
                        "np.asarray(img.dataobj).astype('<f8').ravel(order='F').tofile(sys.argv[2])"),
                        f.toString(), raw.toString());
                String[] lines = out.trim().split("\n");
                assertThat(lines[0].trim()).isEqualTo("540 1 1");
                double[] expected = rasAffine(v.geometry());
                assertThat(numbers(lines[1])).as("sform").containsExactly(expected, within(1e-9));
                assertThat(numbers(lines[2])).as("qform").containsExactly(expected, within(1e-9));
                double[] back = new double[v.voxels().length()];
                ByteBuffer.wrap(Files.readAllBytes(raw)).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(back);
                assertThat(Arrays.equals(back, (double[]) v.voxels().array())).as("voxels bit-identical").isTrue();
            }
        }
    }

    @Test
    void coregReadsNibabelsNifti2() throws Exception {
        String py = python();
        Volume expected = TestVolumes.random(VoxelType.INT16, TestVolumes.obliqueGeometry(6, 5, 4), 8);
        double[] a = rasAffine(expected.geometry());
        StringBuilder affine = new StringBuilder();
        for (double x : a) {
            affine.append(' ').append(Double.toString(x));
        }
        Path raw = dir.resolve("in.raw");
        ByteBuffer b = ByteBuffer.allocate(expected.voxels().length() * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.asShortBuffer().put((short[]) expected.voxels().array());
        Files.write(raw, b.array());
        for (String ext : new String[] {".nii", ".nii.gz"}) {
            Path f = dir.resolve("nib" + ext);
            ExternalTool.runOk(dir, 120, py, "-c", String.join("\n",
                    "import nibabel as nb, numpy as np, sys",
                    "a = np.eye(4); a[:3] = np.array([float(x) for x in sys.argv[3].split()]).reshape(3, 4)",
                    "d = np.fromfile(sys.argv[2], dtype='<i2').reshape((4, 5, 6)).transpose(2, 1, 0)",
                    "img = nb.Nifti2Image(d, a)",
                    "img.set_sform(a, 1); img.set_qform(a, 1)",
                    "nb.save(img, sys.argv[1])"),
                    f.toString(), raw.toString(), affine.toString().trim());
            Volume v = new NiftiReader().read(f);
            GeometryAssert.assertGeometryEquals(expected.geometry(), v.geometry(), 1e-9);
            GeometryAssert.assertVoxelsIdentical(expected, v);
        }
    }
}
