package org.coreg.app.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.coreg.app.session.Session;
import org.coreg.image.AffineMap;
import org.coreg.io.points.PointFileException;
import org.coreg.io.points.PointFiles;
import org.coreg.points.PlanningPoint;
import org.coreg.points.PointList;
import org.coreg.points.Space;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PointsEditorTest {
    /** A rotation of 20 degrees about S plus a shift: fixed LPS mm -> moving LPS mm. */
    private static final AffineMap T = rotationAboutS(20, 4, -7, 2.5);

    @TempDir
    Path dir;

    private static AffineMap rotationAboutS(double degrees, double tx, double ty, double tz) {
        double a = Math.toRadians(degrees);
        return AffineMap.ofRowMajor3x4(Math.cos(a), -Math.sin(a), 0, tx, Math.sin(a), Math.cos(a), 0, ty, 0, 0, 1, tz);
    }

    private static void assertClose(double[] actual, double[] expected, double tol) {
        for (int i = 0; i < 3; i++) {
            assertThat(actual[i]).as("axis %d", i).isCloseTo(expected[i], within(tol));
        }
    }

    @Test
    void addsNamesMovesAndDeletesEachAsOneUndoStep() {
        Session s = new Session();
        PointsEditor e = new PointsEditor(s);
        e.addFixed(new double[] {1, 2, 3});
        e.addFixed(new double[] {4, 5, 6});
        assertThat(s.points()).extracting(PlanningPoint::label).containsExactly("P-1", "P-2");
        assertThat(e.rename(0, "target")).isTrue();
        assertThat(e.rename(1, "target")).as("names are unique").isFalse();
        assertThat(e.rename(1, "  ")).isFalse();
        e.describe(0, "tumour centre");
        e.move(1, new double[] {-4, -5, -6});
        assertThat(s.points().get(0).label()).isEqualTo("target");
        assertThat(s.points().get(0).description()).isEqualTo("tumour centre");
        assertClose(s.points().get(1).lps(), new double[] {-4, -5, -6}, 0);
        e.delete(0);
        assertThat(s.points()).extracting(PlanningPoint::label).containsExactly("P-2");
        // undo walks back through delete, move, describe, rename, add, add
        s.undo();
        assertThat(s.points()).hasSize(2);
        s.undo();
        assertClose(s.points().get(1).lps(), new double[] {4, 5, 6}, 0);
        s.undo();
        assertThat(s.points().get(0).description()).isEmpty();
        s.undo();
        s.undo();
        s.undo();
        assertThat(s.points()).isEmpty();
        s.redo();
        assertThat(s.points()).extracting(PlanningPoint::label).containsExactly("P-1");
        e.addFixed(new double[] {0, 0, 0});
        assertThat(s.points().get(1).label()).as("next free label").isEqualTo("P-2");
    }

    @Test
    void aPointPickedOnTheMovingImageIsStoredInFixedSpaceThroughTheInverse() throws Exception {
        Session s = new Session();
        s.setTransform(T);
        PointsEditor e = new PointsEditor(s);
        double[] moving = {30, -12, 8};
        PlanningPoint p = e.addFromMoving(moving);
        assertClose(T.apply(p.lps()), moving, 1e-9);
        PointRow row = e.rows().get(0);
        assertClose(row.movingLps(), moving, 1e-9);
        assertClose(row.fixedRas(), new double[] {-p.lps()[0], -p.lps()[1], p.lps()[2]}, 0);
    }

    @Test
    void tableRowsMapFixedPointsThroughTheCurrentTransform() {
        Session s = new Session();
        PointsEditor e = new PointsEditor(s);
        e.addFixed(new double[] {10, 20, 30});
        s.setTransform(T);
        assertClose(e.rows().get(0).movingLps(), T.apply(10, 20, 30), 1e-12);
        assertClose(e.rows().get(0).fixedLps(), new double[] {10, 20, 30}, 0);
    }

    @Test
    void exportsInFixedSpaceOrMappedToMovingSpace() throws Exception {
        Session s = new Session();
        s.setTransform(T);
        PointsEditor e = new PointsEditor(s);
        double[][] fixed = {{1, 2, 3}, {-40.25, 17.5, 60}};
        for (double[] f : fixed) {
            e.addFixed(f);
        }
        Path f = dir.resolve("fixed.csv");
        Path m = dir.resolve("moving.mrk.json");
        e.export(f, Space.FIXED);
        e.export(m, Space.MOVING);
        PointList readFixed = PointFiles.read(f, null);
        PointList readMoving = PointFiles.read(m, null);
        for (int i = 0; i < fixed.length; i++) {
            assertClose(readFixed.get(i).lps(), fixed[i], 1e-9);
            assertClose(readMoving.get(i).lps(), T.apply(fixed[i]), 1e-6);
        }
    }

    @Test
    void importsMovingSpaceFilesThroughTheInverseAndFixedFilesAsTheyAre() throws Exception {
        Session s = new Session();
        s.setTransform(T);
        PointsEditor e = new PointsEditor(s);
        Path moving = dir.resolve("m.mrk.json");
        PointFiles.write(PointList.of("m", Space.MOVING, List.of(PlanningPoint.of("a", 5, 6, 7))), moving);
        Path fixed = dir.resolve("f.csv");
        PointFiles.write(PointList.of("f", Space.FIXED, List.of(PlanningPoint.of("b", 8, 9, 10))), fixed);
        assertThat(e.importFile(moving, null, Space.MOVING)).isEqualTo(1);
        assertThat(e.importFile(fixed, null, Space.FIXED)).isEqualTo(1);
        assertClose(T.apply(s.points().get(0).lps()), new double[] {5, 6, 7}, 1e-9);
        assertClose(s.points().get(1).lps(), new double[] {8, 9, 10}, 1e-9);
        s.undo();
        assertThat(s.points()).hasSize(1);
    }

    @Test
    void aCorruptPointFileLeavesThePointsAsTheyWere() throws Exception {
        Session s = new Session();
        PointsEditor e = new PointsEditor(s);
        e.addFixed(new double[] {1, 1, 1});
        List<PlanningPoint> before = s.points();
        boolean couldUndo = s.canUndo();
        Path bad = dir.resolve("bad.mrk.json");
        Files.writeString(bad, "{\"markups\": [ {\"controlPoints\": [ {\"position\": [1, \"x\"");
        assertThatThrownBy(() -> e.importFile(bad, null, Space.FIXED)).isInstanceOf(PointFileException.class)
                .hasMessageContaining("bad.mrk.json");
        assertThat(s.points()).isEqualTo(before);
        assertThat(s.canUndo()).isEqualTo(couldUndo);
    }

    @Test
    void swappingFixedAndMovingKeepsPointsOnTheirAnatomy() {
        Session s = new Session();
        var grid = org.coreg.image.ImageGeometry.axisAligned(new int[] {8, 8, 8}, new double[] {2, 2, 2},
                new double[] {-7, -7, -7});
        s.setFixed(org.coreg.app.render.SampledVolume.of(org.coreg.app.demo.SyntheticHead.render(grid, new double[3],
                AffineMap.identity(), org.coreg.app.demo.SyntheticHead.Contrast.MR, "a")));
        s.setMoving(org.coreg.app.render.SampledVolume.of(org.coreg.app.demo.SyntheticHead.render(grid, new double[3],
                AffineMap.identity(), org.coreg.app.demo.SyntheticHead.Contrast.CT, "b")));
        s.setTransform(T);
        PointsEditor e = new PointsEditor(s);
        e.addFixed(new double[] {3, -2, 1});
        double[] movingBefore = e.rows().get(0).movingLps();
        s.swapFixedAndMoving();
        // the old moving space is the new fixed space: the point sits where the table said it was in moving space
        assertClose(s.points().get(0).lps(), movingBefore, 1e-12);
        assertClose(e.rows().get(0).movingLps(), new double[] {3, -2, 1}, 1e-9);
    }

    @Test
    void onlyPointsWithinTheSlabAroundAPlaneAreMarked() {
        List<PlanningPoint> pts = List.of(PlanningPoint.of("a", 0, 0, 0), PlanningPoint.of("b", 0, 0, 9.5),
                PlanningPoint.of("c", 0, 0, -12));
        assertThat(PointMarkers.nearPlane(pts, 2, 0)).extracting(PointMarkers.Marker::index).containsExactly(0, 1);
        assertThat(PointMarkers.nearPlane(pts, 2, 0).get(1).distanceMm()).isEqualTo(9.5);
    }
}
