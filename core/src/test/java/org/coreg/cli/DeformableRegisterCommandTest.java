package org.coreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;
import org.coreg.io.ImageFormats;
import org.coreg.io.transform.TransformFiles;
import org.coreg.transform.BSplineTransform;
import org.coreg.transform.CompositeTransform;
import org.coreg.transform.Direction;
import org.coreg.transform.SpatialTransform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code coreg register --stages rigid,affine,bspline}: flags, outputs, refusals. */
class DeformableRegisterCommandTest {
    private static final ImageGeometry GRID = ImageGeometry.axisAligned(new int[] {56, 64, 60},
            new double[] {3, 3, 3}, new double[] {-84, -96, -108});

    @TempDir
    Path dir;

    private Path[] writePair() throws Exception {
        return DeformedPairFiles.write(GRID, dir);
    }

    @Test
    void writesTheCompositeTransformTheElastixChainTheJacobianMapAndTheImage() throws Exception {
        Path[] p = writePair();
        Path tfm = dir.resolve("t.tfm");
        Path tp = dir.resolve("TransformParameters.txt");
        Path jac = dir.resolve("jacobian.nrrd");
        Path img = dir.resolve("registered.nrrd");
        CliRun r = CliRun.run("register", "--fixed", p[0].toString(), "--moving", p[1].toString(), "--stages",
                "rigid,affine,bspline", "--grid-spacing", "30", "--bending-weight", "0.5", "--out-transform",
                tfm.toString(), "--out-elastix", tp.toString(), "--out-jacobian", jac.toString(), "--out-image",
                img.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote " + tfm).contains("B-spline").contains("Jacobian determinant min");
        SpatialTransform t = TransformFiles.read(tfm);
        assertThat(t.direction()).isEqualTo(Direction.FIXED_TO_MOVING);
        assertThat(t).isInstanceOf(CompositeTransform.class);
        BSplineTransform b = (BSplineTransform) ((CompositeTransform) t).steps().getLast();
        assertThat(b.grid().spacing()).containsExactly(30, 30, 30);
        SpatialTransform e = TransformFiles.read(tp);
        double[] q = {5, -10, 20};
        assertThat(e.apply(q)).containsExactly(t.apply(q), org.assertj.core.api.Assertions.within(1e-6));
        Volume j = ImageFormats.standard().read(jac);
        assertThat(j.geometry().approximatelyEquals(GRID, 1e-9)).isTrue();
        assertThat(ImageFormats.standard().read(img).geometry().approximatelyEquals(GRID, 1e-9)).isTrue();
    }

    @Test
    void theDefaultRunGoesBothWaysAndReportsTheInverseConsistencyWhichOneWayLeavesOut() throws Exception {
        Path[] p = writePair();
        Path both = dir.resolve("both.json");
        Path one = dir.resolve("one.json");
        CliRun r = CliRun.run("register", "--fixed", p[0].toString(), "--moving", p[1].toString(), "--stages",
                "rigid,affine,bspline", "--grid-spacing", "30", "--out-transform", dir.resolve("b.tfm").toString(),
                "--out-report", both.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("inverse consistency");
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> report = (java.util.Map<String, Object>) org.coreg.io.json.Json.parse(
                java.nio.file.Files.readString(both), both);
        // the averaged pair composes to near the identity: well under a voxel (3 mm) on this smooth pair
        assertThat(((Number) report.get("inverse_consistency_mm")).doubleValue()).isBetween(0.0, 1.0);
        r = CliRun.run("register", "--fixed", p[0].toString(), "--moving", p[1].toString(), "--stages",
                "rigid,affine,bspline", "--grid-spacing", "30", "--one-way", "--out-transform",
                dir.resolve("o.tfm").toString(), "--out-report", one.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(java.nio.file.Files.readString(one)).doesNotContain("inverse_consistency_mm");
    }

    @Test
    void refusesAMatrixFileForADeformationAndAJacobianMapWithoutTheBSplineStage() throws Exception {
        Path[] p = writePair();
        Path mat = dir.resolve("t.mat4");
        CliRun r = CliRun.run("register", "--fixed", p[0].toString(), "--moving", p[1].toString(), "--stages",
                "rigid,bspline", "--out-transform", mat.toString());
        assertThat(r.status()).isNotZero();
        assertThat(r.err()).contains("--out-transform").contains(".tfm");
        assertThat(mat).doesNotExist();
        Path jac = dir.resolve("j.nrrd");
        r = CliRun.run("register", "--fixed", p[0].toString(), "--moving", p[1].toString(), "--out-transform",
                dir.resolve("x.tfm").toString(), "--out-jacobian", jac.toString());
        assertThat(r.status()).isNotZero();
        assertThat(r.err()).contains("--out-jacobian").contains("bspline");
        assertThat(jac).doesNotExist();
        r = CliRun.run("register", "--fixed", p[0].toString(), "--moving", p[1].toString(), "--stages", "rigid,bspline",
                "--grid-spacing", "-5", "--out-transform", dir.resolve("y.tfm").toString());
        assertThat(r.status()).isNotZero();
        assertThat(r.err()).contains("grid spacing").contains("-5");
    }
}
