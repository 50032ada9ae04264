package org.coreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.coreg.image.ImageGeometry;
import org.coreg.io.transform.TransformFiles;
import org.coreg.transform.BSplineTransform;
import org.coreg.transform.CompositeTransform;
import org.coreg.transform.Direction;
import org.coreg.transform.SpatialTransform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code coreg register --stages ...,bspline --bspline-optimizer sgd|lbfgs}. */
class BSplineOptimizerOptionTest {
    private static final ImageGeometry GRID = ImageGeometry.axisAligned(new int[] {40, 48, 44},
            new double[] {4, 4, 4}, new double[] {-80, -96, -108});

    @TempDir
    Path dir;

    private Path[] writePair() throws Exception {
        return DeformedPairFiles.write(GRID, dir);
    }

    @Test
    void lbfgsRunsTheBSplineStageAndWritesTheTransform() throws Exception {
        Path[] p = writePair();
        Path tfm = dir.resolve("t.tfm");
        Path log = dir.resolve("log.csv");
        CliRun r = CliRun.run("register", "--fixed", p[0].toString(), "--moving", p[1].toString(), "--stages",
                "rigid,bspline", "--grid-spacing", "40", "--bspline-optimizer", "lbfgs", "--out-transform",
                tfm.toString(), "--metric-log", log.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote " + tfm).contains("B-spline");
        SpatialTransform t = TransformFiles.read(tfm);
        assertThat(t.direction()).isEqualTo(Direction.FIXED_TO_MOVING);
        assertThat(t).isInstanceOf(CompositeTransform.class);
        BSplineTransform b = (BSplineTransform) ((CompositeTransform) t).steps().getLast();
        assertThat(b.grid().spacing()).containsExactly(40, 40, 40);
        // the deformation is not the identity: the stage moved the nodes
        assertThat(b.coefficients()).isNotEqualTo(new double[b.coefficients().length]);
        assertThat(java.nio.file.Files.readString(log)).contains("bspline,");
    }

    @Test
    void anUnknownOptimiserIsRefusedByNameBeforeAnyWork() throws Exception {
        Path tfm = dir.resolve("t.tfm");
        CliRun r = CliRun.run("register", "--fixed", dir.resolve("absent-fixed.nrrd").toString(), "--moving",
                dir.resolve("absent-moving.nrrd").toString(), "--stages", "rigid,bspline", "--bspline-optimizer",
                "newton", "--out-transform", tfm.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("--bspline-optimizer").contains("sgd or lbfgs").contains("'newton'");
        assertThat(tfm).doesNotExist();
    }
}
