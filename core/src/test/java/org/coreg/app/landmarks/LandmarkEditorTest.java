package org.coreg.app.landmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.coreg.app.render.SampledVolume;
import org.coreg.app.session.Session;
import org.coreg.app.session.SessionChange;
import org.coreg.image.AffineMap;
import org.coreg.image.VoxelType;
import org.coreg.io.points.PointFileException;
import org.coreg.io.points.PointFiles;
import org.coreg.points.PlanningPoint;
import org.coreg.points.PointList;
import org.coreg.points.Space;
import org.coreg.testing.TestVolumes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandmarkEditorTest {
    /** 15 degrees about S and a shift: fixed LPS mm -> moving LPS mm. */
    private static final AffineMap T;

    static {
        double a = Math.toRadians(15);
        T = AffineMap.ofRowMajor3x4(Math.cos(a), -Math.sin(a), 0, 6, Math.sin(a), Math.cos(a), 0, -4, 0, 0, 1, 1.5);
    }

    @TempDir
    Path dir;

    private static Session withTransform(AffineMap t) {
        Session s = new Session();
        s.setFixed(SampledVolume.of(TestVolumes.random(VoxelType.INT16, TestVolumes.obliqueGeometry(10, 9, 8), 1)));
        s.setMoving(SampledVolume.of(TestVolumes.random(VoxelType.INT16, TestVolumes.obliqueGeometry(10, 9, 8), 2)));
        s.setTransform(t);
        return s;
    }

    @Test
    void clicksAlternateFixedThenMovingAndTheMovingClickIsTheAnatomyUnderTheMouse() {
        Session s = withTransform(T);
        LandmarkEditor editor = new LandmarkEditor(s);
        assertThat(editor.nextSide()).isEqualTo(Space.FIXED);
        PlantedPair first = editor.plant(new double[] {10, 20, 30});
        assertThat(first.complete()).isFalse();
        assertThat(first.fixedLps()).containsExactly(10, 20, 30);
        assertThat(editor.nextSide()).isEqualTo(Space.MOVING);

        PlantedPair done = editor.plant(new double[] {12, 18, 30});
        assertThat(done.label()).isEqualTo(first.label());
        assertThat(done.fixedLps()).containsExactly(10, 20, 30);
        // the moving point is stored in moving space: where T sends the clicked fixed position
        assertThat(done.movingLps()).containsExactly(T.apply(12, 18, 30), within(1e-12));
        assertThat(editor.nextSide()).isEqualTo(Space.FIXED);

        editor.plant(new double[] {-5, 0, 3});
        assertThat(s.landmarks()).hasSize(2);
        assertThat(s.landmarks().get(1).label()).isNotEqualTo(first.label());
    }

    @Test
    void theErrorOfAPairIsItsDistanceInMovingSpaceUnderTheCurrentTransform() {
        Session s = withTransform(T);
        LandmarkEditor editor = new LandmarkEditor(s);
        double[] f = {10, 20, 30};
        double[] m = T.apply(f);
        m[0] += 3;
        m[2] -= 4;
        s.setLandmarks(List.of(new PlantedPair("a", f, m), PlantedPair.pending("b", new double[] {1, 2, 3})));
        List<LandmarkRow> rows = editor.rows();
        assertThat(rows.get(0).errorMm()).isCloseTo(5, within(1e-9));
        assertThat(rows.get(1).errorMm()).isNaN();
        assertThat(editor.completePairs()).hasSize(1);
        // a transform that sends f exactly to m: the error vanishes
        s.setTransform(AffineMap.ofRowMajor3x4(T.get(0, 0), T.get(0, 1), T.get(0, 2), T.get(0, 3) + 3,
                T.get(1, 0), T.get(1, 1), T.get(1, 2), T.get(1, 3),
                T.get(2, 0), T.get(2, 1), T.get(2, 2), T.get(2, 3) - 4));
        assertThat(editor.rows().get(0).errorMm()).isCloseTo(0, within(1e-9));
    }

    @Test
    void everyEditIsOneUndoStepAndFiresLandmarks() {
        Session s = withTransform(T);
        LandmarkEditor editor = new LandmarkEditor(s);
        List<SessionChange> events = new java.util.ArrayList<>();
        s.addListener(events::add);
        editor.plant(new double[] {1, 2, 3});
        editor.plant(new double[] {4, 5, 6});
        assertThat(editor.rename(0, "nasion")).isTrue();
        editor.plant(new double[] {7, 8, 9});
        assertThat(editor.rename(1, "nasion")).as("names are unique").isFalse();
        assertThat(editor.rename(1, "  ")).isFalse();
        editor.delete(0);
        assertThat(events).contains(SessionChange.LANDMARKS);
        assertThat(s.landmarks()).extracting(PlantedPair::label).containsExactly("L-2");

        assertThat(s.undo()).isTrue();
        assertThat(s.landmarks()).extracting(PlantedPair::label).containsExactly("nasion", "L-2");
        assertThat(s.undo()).isTrue(); // the third click
        assertThat(s.undo()).isTrue(); // the rename
        assertThat(s.landmarks()).extracting(PlantedPair::label).containsExactly("L-1");
        assertThat(s.landmarks().get(0).complete()).isTrue();
        assertThat(s.undo()).isTrue(); // the moving click
        assertThat(s.landmarks().get(0).complete()).isFalse();
        assertThat(editor.nextSide()).isEqualTo(Space.MOVING);
        assertThat(s.redo()).isTrue();
        assertThat(s.landmarks().get(0).movingLps()).containsExactly(T.apply(4, 5, 6), within(1e-12));
        // transforms still undo as before, interleaved with landmark edits
        assertThat(s.fixedToMoving()).isEqualTo(T);
    }

    @Test
    void swappingFixedAndMovingSwapsTheSidesOfEveryCompletePair() {
        Session s = withTransform(T);
        s.setLandmarks(List.of(new PlantedPair("a", new double[] {1, 2, 3}, new double[] {4, 5, 6}),
                PlantedPair.pending("b", new double[] {7, 8, 9})));
        s.swapFixedAndMoving();
        assertThat(s.landmarks()).containsExactly(new PlantedPair("a", new double[] {4, 5, 6},
                new double[] {1, 2, 3}));
    }

    @Test
    void exportWritesTwoFilesThatImportBackAsTheSamePairs() throws Exception {
        Session s = withTransform(T);
        List<PlantedPair> pairs = List.of(new PlantedPair("nasion", new double[] {1.5, -20, 33}, new double[] {4, 5, 6}),
                new PlantedPair("left ear", new double[] {-70, 3, 0.25}, new double[] {-66, 9.5, 1}),
                PlantedPair.pending("half", new double[] {0, 0, 0}));
        s.setLandmarks(pairs);
        LandmarkEditor editor = new LandmarkEditor(s);
        Path f = dir.resolve("fixed.fcsv");
        Path m = dir.resolve("moving.mrk.json");
        editor.export(f, m);
        PointList fixedRead = PointFiles.read(f, null);
        assertThat(fixedRead.points()).extracting(PlanningPoint::label).containsExactly("nasion", "left ear");
        assertThat(PointFiles.read(m, null).get(1).lps()).containsExactly(new double[] {-66, 9.5, 1}, within(1e-6));

        editor.clear();
        assertThat(editor.importFiles(f, m, null, null)).isEqualTo(2);
        assertThat(s.landmarks()).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(s.landmarks().get(i).label()).isEqualTo(pairs.get(i).label());
            assertThat(s.landmarks().get(i).fixedLps()).containsExactly(pairs.get(i).fixedLps(), within(1e-6));
            assertThat(s.landmarks().get(i).movingLps()).containsExactly(pairs.get(i).movingLps(), within(1e-6));
        }
        assertThat(s.undo()).isTrue();
        assertThat(s.landmarks()).as("the import was one undo step").isEmpty();
    }

    @Test
    void importMatchesByLabelWhenTheFilesListThePairsInAnotherOrder() throws Exception {
        Session s = withTransform(T);
        Path f = dir.resolve("f.csv");
        Path m = dir.resolve("m.csv");
        PointFiles.write(PointList.of("f", Space.FIXED, List.of(PlanningPoint.of("a", 1, 0, 0),
                PlanningPoint.of("b", 2, 0, 0), PlanningPoint.of("c", 3, 0, 0))), f);
        PointFiles.write(PointList.of("m", Space.MOVING, List.of(PlanningPoint.of("c", 30, 0, 0),
                PlanningPoint.of("a", 10, 0, 0), PlanningPoint.of("b", 20, 0, 0))), m);
        new LandmarkEditor(s).importFiles(f, m, null, null);
        for (PlantedPair p : s.landmarks()) {
            assertThat(p.movingLps()[0]).as(p.label()).isCloseTo(10 * p.fixedLps()[0], within(1e-9));
        }
    }

    @Test
    void aBadFileNamesItselfAndLeavesThePairsUnchanged() throws Exception {
        Session s = withTransform(T);
        List<PlantedPair> before = List.of(new PlantedPair("keep", new double[] {1, 2, 3}, new double[] {4, 5, 6}));
        s.setLandmarks(before);
        Path f = dir.resolve("f.csv");
        PointFiles.write(PointList.of("f", Space.FIXED, List.of(PlanningPoint.of("a", 1, 0, 0))), f);
        Path bad = dir.resolve("broken.fcsv");
        Files.writeString(bad, "# Markups fiducial file version = 4.11\n# CoordinateSystem = LPS\n"
                + "vtkMRMLMarkupsFiducialNode_0,abc,2,3,0,0,0,1,1,1,0,F-1,,\n");
        assertThatThrownBy(() -> new LandmarkEditor(s).importFiles(f, bad, null, null))
                .isInstanceOf(PointFileException.class).hasMessageContaining("broken.fcsv");
        assertThat(s.landmarks()).isEqualTo(before);
    }
}
