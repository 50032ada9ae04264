package org.coreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.coreg.io.points.PointFiles;
import org.coreg.io.transform.TransformFiles;
import org.coreg.points.PlanningPoint;
import org.coreg.points.PointList;
import org.coreg.points.Space;
import org.coreg.testing.ItkOracle;
import org.coreg.testing.TestVolumes;
import org.coreg.transform.SpatialTransform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line with files ITK wrote: an ITK {@code .h5} composite and a field saved as a {@code .nrrd} vector
 * image are transforms for {@code points} and {@code convert-transform}; {@code .h5} output and names of no
 * transform format are refused with a plain message and leave no file.
 */
class ItkFilesCliTest {
    @TempDir
    Path dir;

    private static String numbers(double[] v) {
        StringBuilder sb = new StringBuilder();
        for (double x : v) {
            sb.append(sb.isEmpty() ? "" : " ").append(x);
        }
        return sb.toString();
    }

    private static double[] random(int n, double scale, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = scale * (2 * r.nextDouble() - 1);
        }
        return x;
    }

    private static String grid(int nx, int ny, int nz) {
        return nx + " " + ny + " " + nz + " -22 -18 -15 9 9.9 10.8 " + numbers(TestVolumes.rotation(0.1, -0.05, 0.2));
    }

    private Path itkComposite() throws Exception {
        Path tfm = dir.resolve("given.tfm");
        Files.writeString(tfm, "#Insight Transform File V1.0\n#Transform 0\nTransform: CompositeTransform_double_3_3\n"
                + "#Transform 1\nTransform: BSplineTransform_double_3_3\nParameters: " + numbers(random(3 * 7 * 6 * 6,
                3, 1)) + "\nFixedParameters: " + grid(7, 6, 6) + "\n#Transform 2\nTransform: "
                + "ScaleSkewVersor3DTransform_double_3_3\nParameters: 0.1 -0.2 0.05 1 2 3 1.2 0.9 1.1 0.01 0.02 0.03 "
                + "-0.01 -0.02 0.04\nFixedParameters: 3 -4 5\n");
        Path h5 = dir.resolve("slicer-like.h5");
        ItkOracle.convert(tfm, h5);
        return h5;
    }

    @Test
    void pointsAndConvertTransformTakeItkHdf5AndNrrdFields() throws Exception {
        Path h5 = itkComposite();
        PointList plan = PointList.of("plan", Space.FIXED, List.of(PlanningPoint.of("a", 1.3, -2.2, 3.1),
                PlanningPoint.of("b", 15, 4, -2), PlanningPoint.of("c", -8, 12, 20)));
        Path in = dir.resolve("plan.mrk.json");
        PointFiles.write(plan, in);
        Path moved = dir.resolve("moved.csv");
        CliRun r = CliRun.run("points", "--transform", h5.toString(), "--direction", "fixed-to-moving",
                in.toString(), moved.toString());
        assertThat(r.status()).as(r.err()).isZero();
        PointList m = PointFiles.read(moved, null);
        double[][] pts = plan.points().stream().map(PlanningPoint::lps).toArray(double[][]::new);
        double[][] itk = ItkOracle.map(h5, pts);
        for (int i = 0; i < pts.length; i++) {
            for (int d = 0; d < 3; d++) {
                assertThat(m.get(i).lps()[d]).isCloseTo(itk[i][d], org.assertj.core.api.Assertions.within(1e-4));
            }
        }
        Path back = dir.resolve("from-h5.tfm");
        r = CliRun.run("convert-transform", h5.toString(), back.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(ItkOracle.map(back, pts)).isDeepEqualTo(itk);

        Path field = dir.resolve("field.tfm");
        Files.writeString(field, "#Insight Transform File V1.0\n#Transform 0\nTransform: "
                + "DisplacementFieldTransform_double_3_3\nParameters: " + numbers(random(3 * 6 * 5 * 4, 4, 3))
                + "\nFixedParameters: " + grid(6, 5, 4) + "\n");
        Path nrrd = dir.resolve("grid-transform.nrrd");
        ItkOracle.run("", "field-image", field.toAbsolutePath().toString(), nrrd.toAbsolutePath().toString());
        Path nii = dir.resolve("field.nii.gz");
        r = CliRun.run("convert-transform", nrrd.toString(), nii.toString());
        assertThat(r.status()).as(r.err()).isZero();
        SpatialTransform t = TransformFiles.read(nii);
        double[][] itkField = ItkOracle.map(field, pts);
        for (int i = 0; i < pts.length; i++) {
            double[] q = t.apply(pts[i].clone());
            for (int d = 0; d < 3; d++) {
                assertThat(q[d]).isCloseTo(itkField[i][d], org.assertj.core.api.Assertions.within(1e-4));
            }
        }
    }

    @Test
    void writesH5AndRefusesUnknownNamesPlainly() throws Exception {
        Path tfm = dir.resolve("rigid.tfm");
        Files.writeString(tfm, "#Insight Transform File V1.0\n#Transform 0\nTransform: VersorRigid3DTransform_double_3_3"
                + "\nParameters: 0.1 0 0 1 2 3\nFixedParameters: 0 0 0\n");
        for (String name : List.of("out.xfm", "out.hdr")) {
            Path out = dir.resolve(name);
            CliRun r = CliRun.run("convert-transform", tfm.toString(), out.toString());
            assertThat(r.status()).isEqualTo(1);
            assertThat(r.err()).contains(name).contains(".tfm").doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(out).doesNotExist();
        }
        // register refuses such a name before reading anything (here: images that do not exist).
        CliRun early = CliRun.run("register", "--fixed", dir.resolve("none-f.nii").toString(), "--moving",
                dir.resolve("none-m.nii").toString(), "--out-transform", dir.resolve("result.xfm").toString());
        assertThat(early.status()).isEqualTo(1);
        assertThat(early.err()).contains("result.xfm").contains(".tfm").doesNotContain("none-f.nii");
        Path h5 = dir.resolve("forced.h5");
        CliRun r = CliRun.run("convert-transform", tfm.toString(), h5.toString(), "--format", "matrix-lps");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("forced.h5");
        assertThat(h5).doesNotExist();
        // .h5 is ITK HDF5, which ITK reads with the same meaning.
        r = CliRun.run("convert-transform", tfm.toString(), h5.toString());
        assertThat(r.status()).as(r.err()).isZero();
        double[][] pts = {{1, 2, 3}, {-10, 20, 5}};
        assertThat(ItkOracle.map(h5, pts)).isDeepEqualTo(ItkOracle.map(tfm, pts));
    }
}
