package org.coreg.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coreg.ui.FxCalls.fx;
import static org.coreg.ui.UiFixture.headPair;
import static org.coreg.ui.UiFixture.openPairWithTransform;
import static org.coreg.ui.UiFixture.showWindow;

import java.util.List;
import java.util.Locale;
import java.util.prefs.Preferences;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.coreg.app.landmarks.PlantedPair;
import org.coreg.app.session.Session;
import org.coreg.image.AffineMap;
import org.coreg.image.RasLps;
import org.coreg.points.PlanningPoint;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The points and landmark tables read without scrolling at the default window and side-panel size: the x, y and z
 * cells of a row lie inside the table's viewport and the side panel's, show their whole text, and hold the position
 * in the space the user chose.
 */
@FxTest
class CoordinateTablesUiTest {
    /** fixed LPS mm -> moving LPS mm: a shift that makes every coordinate wide (sign, three digits). */
    private static final AffineMap T = AffineMap.ofRowMajor3x4(1, 0, 0, -100.25, 0, 1, 0, 110.5, 0, 0, 1, -20);

    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = showWindow(stage, headPair()::get, "this test does not register");
        stage.sizeToScene(); // the default 1360 x 860 window, whatever size an earlier test left the shared stage at
    }

    @Test
    @SuppressWarnings("unchecked")
    void pointCoordinatesOfTheChosenSpaceAreReadableAtTheDefaultSize(FxRobot robot) throws Exception {
        openPairWithTransform(window, T);
        double[] fixed = {-87.34, 45.66, -23.04};
        fx(() -> {
            window.session().setPoints(List.of(new PlanningPoint("entry point", fixed, "left frontal burr hole",
                    false)));
            expand(robot.lookup("#pointsPane").queryAs(TitledPane.class));
            return null;
        });
        waitForCollapsedPanes(robot);
        TableView<?> table = robot.lookup("#pointsTable").queryAs(TableView.class);
        assertThat(cellTexts(table, 0, "Name")).isEqualTo("entry point");
        assertReadable(table, fixed);

        fx(() -> {
            window.pointsPanel().show(PointsPanel.Shown.MOVING_LPS);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertReadable(table, T.apply(fixed));
        fx(() -> {
            window.pointsPanel().show(PointsPanel.Shown.FIXED_RAS);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertReadable(table, RasLps.lpsToRas(fixed));
    }

    @Test
    void landmarkCoordinatesOfEitherSideAreReadableAtTheDefaultSize(FxRobot robot) throws Exception {
        openPairWithTransform(window, T);
        double[] fixed = {-61.25, 88.75, -31.55};
        double[] moving = {-161.45, 199.05, -51.55};
        fx(() -> {
            window.session().setLandmarks(List.of(new PlantedPair("L-1", fixed, moving),
                    PlantedPair.pending("L-2", new double[] {1, 2, 3})));
            expand(robot.lookup("#landmarksPane").queryAs(TitledPane.class));
            return null;
        });
        waitForCollapsedPanes(robot);
        TableView<?> table = robot.lookup("#landmarkTable").queryAs(TableView.class);
        assertReadable(table, fixed);
        fx(() -> {
            window.landmarksPanel().show(LandmarksPanel.Shown.MOVING);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertReadable(table, moving);
        // the error column stays in view too: |T(fixed) - moving| = |(-161.5, 199.25, -51.55) - moving|
        double error = Math.sqrt(0.05 * 0.05 + 0.2 * 0.2);
        assertThat(visibleText(table, 0, "Error")).isEqualTo(String.format(Locale.ROOT, "%.2f", error));
        assertThat(cellTexts(table, 1, "x")).as("a pair still to be planted").isEqualTo(CoordinateColumns.NONE);
    }

    @Test
    void columnWidthsChosenByTheUserAreRestoredInTheNextWindow() throws Exception {
        Preferences node = Preferences.userRoot().node("org/coreg/test-" + ProcessHandle.current().pid());
        try {
            LayoutMemory memory = LayoutMemory.in(node);
            fx(() -> {
                TableView<?> points = new PointsPanel(new Session(), m -> { }, () -> null).table();
                TableView<?> landmarks = new LandmarksPanel(new Session(), m -> { }, () -> null).table();
                memory.columns("points", points);
                memory.columns("landmarks", landmarks);
                column(points, "y").setPrefWidth(97); // as a drag of the column's edge does
                column(landmarks, "Name").setPrefWidth(88);
                return null;
            });
            fx(() -> {
                TableView<?> points = new PointsPanel(new Session(), m -> { }, () -> null).table();
                TableView<?> landmarks = new LandmarksPanel(new Session(), m -> { }, () -> null).table();
                memory.columns("points", points);
                memory.columns("landmarks", landmarks);
                assertThat(column(points, "y").getPrefWidth()).isEqualTo(97);
                assertThat(column(points, "x").getPrefWidth()).as("untouched").isEqualTo(CoordinateColumns.WIDTH);
                assertThat(column(landmarks, "Name").getPrefWidth()).isEqualTo(88);
                assertThat(column(landmarks, "y").getPrefWidth()).as("another table's y").isEqualTo(
                        CoordinateColumns.WIDTH);
                return null;
            });
        } finally {
            node.removeNode();
        }
    }

    /** Asserts the x, y, z cells of row 0 show {@code mm} rounded to 0.1 mm, whole and inside every viewport. */
    private static void assertReadable(TableView<?> table, double[] mm) throws Exception {
        String[] axes = {"x", "y", "z"};
        for (int i = 0; i < 3; i++) {
            String expected = String.format(Locale.ROOT, "%.1f", mm[i]);
            assertThat(cellTexts(table, 0, axes[i])).as(axes[i]).isEqualTo(expected);
            assertThat(visibleText(table, 0, axes[i])).as("%s as drawn (not cut to '...')", axes[i])
                    .isEqualTo(expected);
        }
        assertThat(fx(() -> table.lookupAll(".scroll-bar").stream().filter(n -> n instanceof ScrollBar s
                && s.getOrientation() == Orientation.HORIZONTAL).noneMatch(Node::isVisible)))
                .as("the table does not scroll sideways").isTrue();
    }

    private static String cellTexts(TableView<?> table, int row, String column) throws Exception {
        return fx(() -> String.valueOf(column(table, column).getCellData(row)));
    }

    /**
     * The text drawn in a cell, after asserting the cell lies inside the table, the side panel's viewport and the
     * window (scene coordinates).
     */
    private static String visibleText(TableView<?> table, int row, String column) throws Exception {
        return fx(() -> {
            table.getScene().getRoot().applyCss();
            table.getScene().getRoot().layout(); // the cells where they are drawn, not where the last pulse left them
            TableColumn<?, ?> c = column(table, column);
            TableCell<?, ?> cell = table.lookupAll(".table-cell").stream()
                    .filter(n -> n instanceof TableCell<?, ?> t && t.getTableColumn() == c && t.getIndex() == row
                            && t.isVisible())
                    .map(n -> (TableCell<?, ?>) n).findFirst().orElseThrow();
            Bounds b = cell.localToScene(cell.getLayoutBounds());
            Bounds tableBounds = table.localToScene(table.getLayoutBounds());
            Node viewport = table.getScene().lookup("#sidePanel").lookup(".viewport");
            Bounds side = viewport.localToScene(viewport.getLayoutBounds());
            for (Bounds outer : List.of(tableBounds, side)) {
                assertThat(b.getMinX()).as("%s left edge", column).isGreaterThanOrEqualTo(outer.getMinX() - 0.5);
                assertThat(b.getMaxX()).as("%s right edge", column).isLessThanOrEqualTo(outer.getMaxX() + 0.5);
                assertThat(b.getMinY()).as("%s top", column).isGreaterThanOrEqualTo(outer.getMinY() - 0.5);
                assertThat(b.getMaxY()).as("%s bottom", column).isLessThanOrEqualTo(outer.getMaxY() + 0.5);
            }
            assertThat(b.getMaxX()).isLessThanOrEqualTo(table.getScene().getWidth());
            assertThat(b.getMaxY()).isLessThanOrEqualTo(table.getScene().getHeight());
            return ((Text) cell.lookup(".text")).getText();
        });
    }

    /** Expands {@code pane} as a click on its title does (the others collapse, animated). */
    private static void expand(TitledPane pane) {
        pane.setExpanded(true);
    }

    /**
     * Waits until the side panel's collapsed panes are down to their title bars and the expanded one has its full
     * height (the animation has ended).
     */
    private static void waitForCollapsedPanes(FxRobot robot) throws Exception {
        javafx.scene.control.Accordion side = robot.lookup("#sideAccordion").queryAs(javafx.scene.control.Accordion.class);
        FxCalls.waitUntil(() -> side.getPanes().stream().allMatch(p -> p.isExpanded()
                ? Math.abs(p.getHeight() - p.prefHeight(p.getWidth())) < 0.5 : p.getHeight() < 40));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static TableColumn<?, ?> column(TableView<?> table, String title) {
        return table.getColumns().stream().filter(c -> c.getText().equals(title)).findFirst().orElseThrow();
    }
}
