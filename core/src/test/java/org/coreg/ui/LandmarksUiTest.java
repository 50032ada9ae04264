package org.coreg.ui;

import static org.coreg.ui.FxCalls.fx;
import static org.coreg.ui.FxCalls.waitUntil;
import static org.coreg.ui.UiFixture.headPair;
import static org.coreg.ui.UiFixture.openPairWithTransform;
import static org.coreg.ui.UiFixture.screenOfWorld;
import static org.coreg.ui.UiFixture.showWindow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.coreg.app.landmarks.LandmarkRow;
import org.coreg.app.landmarks.PlantedPair;
import org.coreg.app.render.ViewPlane;
import org.coreg.image.AffineMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@FxTest
class LandmarksUiTest {
    /** fixed LPS mm -> moving LPS mm: 10 degrees about S and a shift. */
    private static final AffineMap T;

    static {
        double a = Math.toRadians(10);
        T = AffineMap.ofRowMajor3x4(Math.cos(a), -Math.sin(a), 0, 4.5, Math.sin(a), Math.cos(a), 0, -6, 0, 0, 1, 2);
    }

    private MainWindow window;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        window = showWindow(stage, headPair()::get, "this test does not register");
    }

    private String text(FxRobot robot, String id) throws Exception {
        Label l = robot.lookup(id).queryAs(Label.class);
        return fx(l::getText);
    }

    @Test
    void twoClicksPlantAPairWhoseTableRowShowsItsError(FxRobot robot) throws Exception {
        openPairWithTransform(window, T);
        robot.clickOn("#landmarksPane");
        robot.clickOn("#modeLandmarks");
        double z = fx(() -> window.session().cursor()[2]);
        assertThat(text(robot, "#landmarkNext")).contains("FIXED");
        double[] onFixed = {20, -30, z};
        double[] onMoving = {26, -22, z};
        robot.clickOn(screenOfWorld(window, ViewPlane.AXIAL, onFixed));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#landmarkNext")).contains("MOVING");
        robot.clickOn(screenOfWorld(window, ViewPlane.AXIAL, onMoving));
        WaitForAsyncUtils.waitForFxEvents();

        List<PlantedPair> pairs = fx(() -> window.session().landmarks());
        assertThat(pairs).hasSize(1);
        PlantedPair p = pairs.get(0);
        // the robot hits within a screen pixel (about 1.5 mm here) of its aim, in the plane of the cursor
        assertThat(Math.hypot(p.fixedLps()[0] - onFixed[0], p.fixedLps()[1] - onFixed[1])).isLessThan(3);
        assertThat(p.fixedLps()[2]).isCloseTo(z, within(1e-9));
        // the moving point is in moving space: the moving anatomy the views drew under the second click
        double[] expectedMoving = T.apply(onMoving);
        assertThat(Math.hypot(p.movingLps()[0] - expectedMoving[0], p.movingLps()[1] - expectedMoving[1]))
                .isLessThan(3);
        assertThat(p.movingLps()[2]).isCloseTo(expectedMoving[2], within(1e-9));
        assertThat(fx(() -> window.session().cursor()[2])).as("planting does not navigate").isEqualTo(z);

        @SuppressWarnings("unchecked")
        TableView<LandmarkRow> table = robot.lookup("#landmarkTable").queryAs(TableView.class);
        LandmarkRow row = fx(() -> table.getItems().get(0));
        double[] tf = T.apply(p.fixedLps());
        double[] m = p.movingLps();
        double expectedError = Math.sqrt(Math.pow(tf[0] - m[0], 2) + Math.pow(tf[1] - m[1], 2)
                + Math.pow(tf[2] - m[2], 2));
        assertThat(row.errorMm()).isCloseTo(expectedError, within(1e-9));
        // the two clicks were 10 mm apart in fixed space and T is rigid: the pair is about 10 mm off
        assertThat(row.errorMm()).isCloseTo(10, within(3.0));
        assertThat(text(robot, "#landmarkSummary")).contains("1 pairs");
        // selecting the row takes the crosshair to the pair's fixed point
        fx(() -> {
            window.session().setCursor(new double[] {0, 0, z});
            table.getSelectionModel().select(0);
            return null;
        });
        assertThat(fx(() -> window.session().cursor())).containsExactly(p.fixedLps(), within(1e-12));
        // planting more while the row stays selected does not move the crosshair
        fx(() -> {
            window.session().setCursor(new double[] {0, 0, z});
            window.landmarksPanel().plant(new double[] {-30, 20, z});
            window.landmarksPanel().plant(new double[] {-28, 25, z});
            return null;
        });
        assertThat(fx(() -> window.session().cursor())).containsExactly(0, 0, z);
        fx(() -> {
            window.session().undo();
            window.session().undo();
            return null;
        });

        // a transform that takes the fixed point onto the moving one: the error column follows it
        fx(() -> {
            double[] d = {m[0] - tf[0], m[1] - tf[1], m[2] - tf[2]};
            window.session().setTransform(AffineMap.of(T.linear(), new double[] {T.get(0, 3) + d[0],
                    T.get(1, 3) + d[1], T.get(2, 3) + d[2]}));
            return null;
        });
        assertThat(fx(() -> table.getItems().get(0).errorMm())).isCloseTo(0, within(1e-9));

        robot.clickOn("#undo"); // the transform
        robot.clickOn("#undo"); // the moving click
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> window.session().landmarks().get(0).complete())).isFalse();
        assertThat(text(robot, "#landmarkNext")).contains("MOVING");
        robot.clickOn("#undo"); // the fixed click
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> table.getItems())).isEmpty();
        assertThat(fx(() -> window.lastError())).isNull();
    }

    @Test
    void showOnlyBlendsToTheImageTheNextClickPlantsOn(FxRobot robot) throws Exception {
        openPairWithTransform(window, T);
        robot.clickOn("#landmarksPane");
        WaitForAsyncUtils.waitForFxEvents();
        // the tick box sits at the foot of the scrollable side panel, below the window's edge at the test's size
        robot.interact(() -> robot.lookup("#landmarkSolo").queryAs(javafx.scene.control.CheckBox.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> window.session().fusion().opacity())).as("fixed image only").isEqualTo(0.0);
        robot.clickOn("#modeLandmarks");
        double z = fx(() -> window.session().cursor()[2]);
        robot.clickOn(screenOfWorld(window, ViewPlane.AXIAL, new double[] {0, 0, z}));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> window.session().fusion().opacity())).as("moving image only").isEqualTo(1.0);
    }

    @Test
    void exportedPairsImportBackAndABadFileChangesNothing(FxRobot robot) throws Exception {
        openPairWithTransform(window, T);
        List<PlantedPair> pairs = List.of(new PlantedPair("a", new double[] {1, 2, 3}, new double[] {4, 5, 6}),
                new PlantedPair("b", new double[] {-10, 20, 5.5}, new double[] {-8, 26, 7}));
        fx(() -> {
            window.session().setLandmarks(pairs);
            return null;
        });
        Path f = dir.resolve("fixed.mrk.json");
        Path m = dir.resolve("moving.csv");
        fx(() -> {
            window.landmarksPanel().exportTo(f, m);
            window.session().setLandmarks(List.of());
            window.landmarksPanel().importFrom(f, m);
            return null;
        });
        List<PlantedPair> back = fx(() -> window.session().landmarks());
        assertThat(back).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(back.get(i).fixedLps()).containsExactly(pairs.get(i).fixedLps(), within(1e-6));
            assertThat(back.get(i).movingLps()).containsExactly(pairs.get(i).movingLps(), within(1e-6));
        }
        fx(() -> {
            window.landmarksPanel().importFrom(f, dir.resolve("missing.fcsv"));
            return null;
        });
        waitUntil(() -> window.lastError() != null);
        assertThat(fx(() -> window.lastError())).contains("missing.fcsv").doesNotContain("Exception");
        assertThat(fx(() -> window.session().landmarks())).hasSize(2);
    }
}
