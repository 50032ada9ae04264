package org.coreg.ui;

import static org.coreg.ui.FxCalls.fx;
import static org.coreg.ui.FxCalls.waitUntil;
import static org.coreg.ui.UiFixture.headPair;
import static org.coreg.ui.UiFixture.openPairWithTransform;
import static org.coreg.ui.UiFixture.screenOfWorld;
import static org.coreg.ui.UiFixture.showWindow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.coreg.app.points.PointRow;
import org.coreg.app.render.SliceGrid;
import org.coreg.app.render.ViewPlane;
import org.coreg.image.AffineMap;
import org.coreg.io.points.PointFiles;
import org.coreg.points.PlanningPoint;
import org.coreg.points.PointList;
import org.coreg.points.Space;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@FxTest
class PointsUiTest {
    /** fixed LPS mm -> moving LPS mm: 12 degrees about S and a shift. */
    private static final AffineMap T;

    static {
        double a = Math.toRadians(12);
        T = AffineMap.ofRowMajor3x4(Math.cos(a), -Math.sin(a), 0, 5.5, Math.sin(a), Math.cos(a), 0, -3.25, 0, 0, 1, 2);
    }

    private MainWindow window;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        window = showWindow(stage, headPair()::get, "this test does not register");
    }

    @Test
    void addPointsAndExportThemMapped(FxRobot robot) throws Exception {
        openPairWithTransform(window, T);
        robot.clickOn("#pointsPane");
        robot.clickOn("#modePoints");
        double z = fx(() -> window.session().cursor()[2]);
        double[][] targets = {{20, -30, z}, {-25, 10, z}};
        for (double[] t : targets) {
            robot.clickOn(screenOfWorld(window, ViewPlane.AXIAL, t));
        }
        // a click while planting on the moving image: the moving anatomy under the click, mapped back
        fx(() -> {
            window.pointsPanel().setTarget(PointsPanel.Target.MOVING);
            return null;
        });
        robot.clickOn(screenOfWorld(window, ViewPlane.AXIAL, new double[] {5, 40, z}));
        WaitForAsyncUtils.waitForFxEvents();
        List<PlanningPoint> planted = fx(() -> window.session().points());
        assertThat(planted).hasSize(3);
        double[][] all = {targets[0], targets[1], {5, 40, z}};
        for (int i = 0; i < 3; i++) {
            double[] p = planted.get(i).lps();
            // within one screen pixel of where the robot aimed, in the axial plane through the cursor
            assertThat(Math.hypot(p[0] - all[i][0], p[1] - all[i][1])).as("point %d", i).isLessThan(3);
            assertThat(p[2]).isCloseTo(z, within(1e-9));
        }
        // the cursor did not move: Points mode plants instead of navigating
        assertThat(fx(() -> window.session().cursor()[2])).isEqualTo(z);
        @SuppressWarnings("unchecked")
        TableView<PointRow> table = robot.lookup("#pointsTable").queryAs(TableView.class);
        assertThat(fx(() -> table.getItems().size())).isEqualTo(3);
        assertThat(fx(() -> table.getItems().get(0).movingLps()))
                .containsExactly(T.apply(planted.get(0).lps()), within(1e-12));

        Path out = dir.resolve("mapped.csv");
        fx(() -> {
            window.pointsPanel().exportTo(out, Space.MOVING);
            return null;
        });
        PointList exported = PointFiles.read(out, null);
        assertThat(exported.size()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            double[] expected = T.apply(planted.get(i).lps());
            assertThat(exported.get(i).lps()).as("point %d", i).containsExactly(expected, within(1e-6));
        }
        assertThat(fx(() -> window.lastError())).isNull();
        assertThat(fx(() -> window.statusBar().notice())).as("a short confirmation")
                .isEqualTo("Exported 3 planning points (moving space) to mapped.csv");
    }

    @Test
    void dragsAPointMarkerToMoveIt(FxRobot robot) throws Exception {
        openPairWithTransform(window, T);
        robot.clickOn("#modePoints");
        double z = fx(() -> window.session().cursor()[2]);
        robot.clickOn(screenOfWorld(window, ViewPlane.AXIAL, new double[] {0, 0, z}));
        WaitForAsyncUtils.waitForFxEvents();
        double[] before = fx(() -> window.session().points().get(0).lps());
        Point2D from = screenOfWorld(window, ViewPlane.AXIAL, before);
        Point2D to = screenOfWorld(window, ViewPlane.AXIAL, new double[] {before[0] + 30, before[1] - 15, z});
        robot.drag(from, javafx.scene.input.MouseButton.PRIMARY).dropTo(to);
        WaitForAsyncUtils.waitForFxEvents();
        List<PlanningPoint> after = fx(() -> window.session().points());
        assertThat(after).as("dragging moves, it does not plant").hasSize(1);
        assertThat(after.get(0).lps()[0] - before[0]).isCloseTo(30, within(3.0));
        assertThat(after.get(0).lps()[1] - before[1]).isCloseTo(-15, within(3.0));
        fx(() -> window.session().undo());
        assertThat(fx(() -> window.session().points().get(0).lps())).containsExactly(before, within(1e-12));
    }

    @Test
    void aCorruptPointFileShowsAClearMessageAndChangesNothing(FxRobot robot) throws Exception {
        openPairWithTransform(window, T);
        fx(() -> {
            window.session().setPoints(List.of(PlanningPoint.of("keep", 1, 2, 3)));
            return null;
        });
        List<PlanningPoint> before = fx(() -> window.session().points());
        Path bad = dir.resolve("broken.fcsv");
        Files.writeString(bad, "# Markups fiducial file version = 4.11\n# CoordinateSystem = LPS\n"
                + "vtkMRMLMarkupsFiducialNode_0,abc,2,3,0,0,0,1,1,1,0,F-1,,\n");
        fx(() -> {
            window.pointsPanel().importFrom(bad);
            return null;
        });
        waitUntil(() -> window.lastError() != null);
        assertThat(fx(() -> window.lastError())).contains("broken.fcsv").contains("points are unchanged")
                .doesNotContain("Exception");
        assertThat(fx(() -> window.session().points())).isEqualTo(before);
    }
}
