package org.coreg.io.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.io.points.ElastixPointFile;
import org.coreg.io.points.TransformixOutputPoints;
import org.coreg.points.PlanningPoint;
import org.coreg.points.PointList;
import org.coreg.points.Space;
import org.coreg.testing.ExternalTool;
import org.coreg.testing.TestVolumes;
import org.coreg.transform.AffineTransform;
import org.coreg.transform.BSplineTransform;
import org.coreg.transform.Rotations;
import org.coreg.transform.SpatialTransform;
import org.coreg.transform.TransformTestData;
import org.coreg.transform.Transforms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Oracle: transformix 5.0.1 maps points through the TransformParameters files Coreg writes; its output points must
 * equal Coreg's own mapping within 1e-4 mm (transformix prints six decimals).
 */
class TransformixPointOracleTest {
    static final ImageGeometry FIXED = ImageGeometry.of(new int[] {40, 36, 30}, new double[] {1.1, 0.9, 2.0},
            new double[] {-20, -15, -25}, TestVolumes.rotation(0.1, 0.05, -0.2));

    @TempDir
    Path dir;

    /** Runs transformix on {@code points} and returns the largest distance to Coreg's mapping (mm). */
    double worstDifference(SpatialTransform t, double[][] points, String name) throws Exception {
        Path transformix = ExternalTool.require("transformix");
        Path tp = dir.resolve("TransformParameters." + name + ".txt");
        ElastixTransformFile.write(t, FIXED, tp);
        List<PlanningPoint> pl = new ArrayList<>();
        for (double[] p : points) {
            pl.add(PlanningPoint.of("p", p[0], p[1], p[2]));
        }
        Path pts = dir.resolve(name + ".pts.txt");
        ElastixPointFile.write(PointList.of(name, Space.FIXED, pl), pts);
        Path out = Files.createDirectories(dir.resolve("out-" + name));
        ExternalTool.runOk(dir, 120, transformix.toString(), "-def", pts.toString(), "-tp", tp.toString(), "-out",
                out.toString());
        List<TransformixOutputPoints.Row> rows = TransformixOutputPoints.read(out.resolve("outputpoints.txt"));
        assertThat(rows).hasSize(points.length);
        double worst = 0;
        for (int i = 0; i < points.length; i++) {
            assertThat(TransformTestData.distance(rows.get(i).input(), points[i])).isLessThan(1e-6);
            worst = Math.max(worst, TransformTestData.distance(rows.get(i).output(), t.apply(points[i])));
        }
        System.out.printf("transformix oracle %-10s %d points, largest difference %.3g mm%n", name, points.length,
                worst);
        return worst;
    }

    @Test
    void linearTransformsMatchTransformix() throws Exception {
        double[] c = {5, -10, 12};
        double[] s = Rotations.eulerZXY(0.25, -0.3, 0.4);
        for (int i = 0; i < 9; i++) {
            s[i] *= 1.07;
        }
        double[][] pts = TransformTestData.points(50, 5);
        assertThat(worstDifference(AffineTransform.fixedToMoving(TransformTestData.rigid(0.3, -0.2, 1.1, c,
                new double[] {3, -4, 5})).withCenter(c), pts, "rigid")).isLessThan(1e-4);
        assertThat(worstDifference(AffineTransform.fixedToMoving(AffineMap.of(s, new double[] {1, 2, -3}))
                .withCenter(c), pts, "similarity")).isLessThan(1e-4);
        assertThat(worstDifference(AffineTransform.fixedToMoving(TransformTestData.shearedAffine()).withCenter(c),
                pts, "affine")).isLessThan(1e-4);
    }

    @Test
    void bsplineMatchesTransformixInsideAndOutsideItsGrid() throws Exception {
        BSplineTransform b = TransformTestData.bspline(6, 21);
        double[][] inside = TransformTestData.pointsInside(b, 60, 4);
        double[][] all = java.util.Arrays.copyOf(inside, 64);
        all[60] = new double[] {500, 500, 500};
        all[61] = new double[] {-300, 20, 10};
        all[62] = b.grid().indexToWorld(0.5, 3, 3);
        all[63] = b.grid().indexToWorld(3, 3, b.grid().size(2) - 1.5);
        assertThat(worstDifference(b, all, "bspline")).isLessThan(1e-4);
    }

    @Test
    void chainOfAffineThenBSplineMatchesTransformix() throws Exception {
        BSplineTransform b = TransformTestData.bspline(4, 8);
        AffineTransform a = AffineTransform.fixedToMoving(TransformTestData.rigid(0.05, -0.04, 0.08,
                new double[] {0, 0, 0}, new double[] {2, -1, 3}));
        SpatialTransform chain = Transforms.compose(a, b);
        double[][] pts = TransformTestData.pointsInside(b, 40, 9);
        assertThat(worstDifference(chain, pts, "chain")).isLessThan(1e-4);
        // And the files read back as the same chain.
        SpatialTransform back = TransformFiles.read(dir.resolve("TransformParameters.chain.txt"));
        for (double[] p : pts) {
            assertThat(TransformTestData.distance(back.apply(p), chain.apply(p))).isLessThan(1e-9);
        }
    }
}
