package org.coreg.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coreg.ui.FxCalls.fx;
import static org.coreg.ui.UiFixture.FIXED;
import static org.coreg.ui.UiFixture.MOVING;
import static org.coreg.ui.UiFixture.headPair;
import static org.coreg.ui.UiFixture.openBoth;
import static org.coreg.ui.UiFixture.settle;
import static org.coreg.ui.UiFixture.showWindow;

import java.util.List;
import javafx.stage.Stage;
import org.coreg.app.render.ViewPlane;
import org.coreg.app.session.RoiBox;
import org.coreg.image.AffineMap;
import org.coreg.points.PlanningPoint;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Edit > Swap fixed and moving keeps the current result (inverted), the planning points and the crop box, with no new
 * registration, and the Undo button swaps back exactly (issue 17).
 */
@FxTest
class SwapRolesUiTest {
    /** A "registration result": 6 degrees about z and a shift, fixed LPS mm -> moving LPS mm. */
    private static final AffineMap RESULT = AffineMap.ofRowMajor3x4(Math.cos(0.1), -Math.sin(0.1), 0, 2.5,
            Math.sin(0.1), Math.cos(0.1), 0, -1.5, 0, 0, 1, 0.75);
    private static final RoiBox BOX = new RoiBox(new double[] {-30, -40, -20}, new double[] {30, 20, 25});
    private static final PlanningPoint TARGET = new PlanningPoint("target", new double[] {3, -4, 5}, "", false);

    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = showWindow(stage, headPair()::get, "a swap must not register again");
    }

    @Test
    void swapKeepsResultPointsAndCropBoxAndUndoesExactly(FxRobot robot) throws Exception {
        openBoth(window, FIXED, MOVING);
        fx(() -> {
            window.session().setTransform(RESULT);
            window.session().setRoi(BOX);
            window.session().setPoints(List.of(TARGET));
            return null;
        });
        settle(window);
        var mr = fx(() -> window.session().fixed().orElseThrow());
        var ct = fx(() -> window.session().moving().orElseThrow());

        // The menu item itself (the Transforms panel's button has the same text, so a click by text could pick it).
        robot.interact(() -> robot.lookup("#menuBar").queryAs(javafx.scene.control.MenuBar.class).getMenus().stream()
                .flatMap(m -> m.getItems().stream()).filter(i -> "swapFixedMovingMenu".equals(i.getId())).findFirst()
                .orElseThrow().fire());
        settle(window);
        assertThat(fx(() -> window.session().fixed().orElseThrow())).isSameAs(ct);
        assertThat(fx(() -> window.session().moving().orElseThrow())).isSameAs(mr);
        assertThat(fx(() -> window.session().fixedToMoving().after(RESULT).maxAbsDifference(AffineMap.identity())))
                .isLessThan(1e-12);
        double[] target = fx(() -> window.session().points().getFirst().lps());
        double[] expected = RESULT.apply(TARGET.lps());
        for (int a = 0; a < 3; a++) {
            assertThat(target[a]).isCloseTo(expected[a], org.assertj.core.data.Offset.offset(1e-9));
        }
        RoiBox carried = fx(() -> window.session().roi().orElseThrow());
        // the centre of the old box, carried by the result, is inside the carried box; the box grew by the rotation
        double[] centre = RESULT.apply(0, -10, 2.5);
        assertThat(carried.contains(centre)).isTrue();
        assertThat(carried.extent()[0]).isGreaterThan(BOX.extent()[0]);
        // the views now slice the CT grid (70 voxels wide)
        assertThat(fx(() -> window.view(ViewPlane.AXIAL).currentSlice().grid().width())).isEqualTo(70);

        robot.clickOn("#undo");
        settle(window);
        assertThat(fx(() -> window.session().fixed().orElseThrow())).isSameAs(mr);
        assertThat(fx(() -> window.session().fixedToMoving())).isEqualTo(RESULT);
        assertThat(fx(() -> window.session().roi().orElseThrow())).isEqualTo(BOX);
        assertThat(fx(() -> window.session().points())).containsExactly(TARGET);
        assertThat(fx(() -> window.view(ViewPlane.AXIAL).currentSlice().grid().width())).isEqualTo(64);
    }
}
