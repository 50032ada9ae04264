package org.coreg.ui;

import static org.coreg.ui.FxCalls.fx;
import static org.coreg.ui.FxCalls.waitUntil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.coreg.app.Role;
import org.coreg.app.demo.SyntheticHead;
import org.coreg.app.render.FusionMode;
import org.coreg.app.render.SliceGrid;
import org.coreg.app.render.ViewPlane;
import org.coreg.app.render.WindowLevel;
import org.coreg.app.session.RoiBox;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;
import org.coreg.io.ImageIOException;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@FxTest
class WorkstationUiTest {
    private static final Path FIXED = Path.of("fixed-mr.nii.gz");
    private static final Path MOVING = Path.of("moving-ct.mha");
    private static final Path CORRUPT = Path.of("corrupt.nii");
    private static final AffineMap RESULT = AffineMap.ofRowMajor3x4(1, 0, 0, 2.5, 0, 1, 0, -1.5, 0, 0, 1, 0.75);

    private final Map<Path, Volume> files = Map.of(
            FIXED, SyntheticHead.render(ImageGeometry.axisAligned(new int[] {64, 72, 40}, new double[] {3, 3, 5},
                    new double[] {-95, -105, -98}), new double[3], AffineMap.identity(), SyntheticHead.Contrast.MR, "mr"),
            MOVING, SyntheticHead.render(ImageGeometry.axisAligned(new int[] {70, 80, 48}, new double[] {2.7, 2.7, 4},
                    new double[] {-93, -107, -95}), new double[3], AffineMap.identity(), SyntheticHead.Contrast.CT, "ct"));
    private MainWindow window;
    private FakeRegistrationService registration = new FakeRegistrationService(RESULT, 20, null);

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, FxTaskRunner.create(), file -> {
            if (file.equals(CORRUPT)) {
                throw ImageIOException.badField(file, "dim[0]", "3 or 4", 9);
            }
            Volume v = files.get(file);
            if (v == null) {
                throw new ImageIOException(file, ImageIOException.Problem.MISSING_FILE, "file does not exist");
            }
            return v;
        }, (f, m, o, l, c) -> registration.run(f, m, o, l, c));
        stage.show();
    }

    /** Waits until FX events are processed and every view shows its newest render. */
    private void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> window.viewsUpToDate());
    }

    private void loadBoth() throws Exception {
        fx(() -> window.open(Role.FIXED, FIXED));
        fx(() -> window.open(Role.MOVING, MOVING));
        waitUntil(() -> window.session().fixed().isPresent() && window.session().moving().isPresent());
        settle();
    }

    /** Screen point of the continuous slice pixel {@code (px, py)} of a view. */
    private Point2D screenOf(ViewPlane plane, double px, double py) throws Exception {
        return fx(() -> {
            SliceView v = window.view(plane);
            double[] s = v.toScreen(px, py);
            return v.localToScreen(s[0], s[1]);
        });
    }

    private Point2D screenOfWorld(ViewPlane plane, double[] lps) throws Exception {
        SliceGrid g = fx(() -> window.view(plane).currentSlice().grid());
        double[] px = g.toPixel(lps);
        return screenOf(plane, px[0], px[1]);
    }

    @Test
    void loadsBothVolumesIntoThreeLinkedViewsWithLpsAndRasInTheStatusBar(FxRobot robot) throws Exception {
        loadBoth();
        for (ViewPlane p : ViewPlane.values()) {
            assertThat(fx(() -> window.view(p).currentSlice())).as(p.name()).isNotNull();
        }
        SliceGrid axial = fx(() -> window.view(ViewPlane.AXIAL).currentSlice().grid());
        assertThat(axial.width()).isEqualTo(64);
        assertThat(axial.height()).isEqualTo(72);
        // clicking in the axial view moves the crosshair: coronal and sagittal follow through the same point
        double[] target = {20, -30, fx(() -> window.session().cursor()[2])};
        robot.clickOn(screenOfWorld(ViewPlane.AXIAL, target));
        settle();
        double[] cursor = fx(() -> window.session().cursor());
        assertThat(cursor[0]).isCloseTo(20, within(2.0));
        assertThat(cursor[1]).isCloseTo(-30, within(2.0));
        SliceGrid coronal = fx(() -> window.view(ViewPlane.CORONAL).currentSlice().grid());
        assertThat(coronal.topLeft()[1]).isCloseTo(cursor[1], within(1e-9));
        SliceGrid sagittal = fx(() -> window.view(ViewPlane.SAGITTAL).currentSlice().grid());
        assertThat(sagittal.topLeft()[0]).isCloseTo(cursor[0], within(1e-9));
        String position = robot.lookup("#cursorPosition").queryAs(Label.class).getText();
        assertThat(position).contains(String.format("LPS (%.1f, %.1f,", cursor[0], cursor[1]))
                .contains(String.format("RAS (%.1f, %.1f,", -cursor[0], -cursor[1]));
        String values = robot.lookup("#cursorValues").queryAs(Label.class).getText();
        assertThat(values).contains("fixed " + String.format("%.0f", fx(() -> window.session().fixedValueAtCursor())))
                .contains("moving");
    }

    @Test
    void scrollingMovesTheAxialSliceOneSpacingPerStep(FxRobot robot) throws Exception {
        loadBoth();
        double z0 = fx(() -> window.session().cursor()[2]);
        robot.moveTo(screenOf(ViewPlane.AXIAL, 30, 30));
        robot.scroll(2, javafx.geometry.VerticalDirection.UP);
        settle();
        double z1 = fx(() -> window.session().cursor()[2]);
        assertThat(Math.abs(z1 - z0)).isCloseTo(2 * 3.0, within(1e-9));
    }

    @Test
    void middleDragPansTheViewWithoutTouchingTheSession(FxRobot robot) throws Exception {
        loadBoth();
        double[] before = fx(() -> window.view(ViewPlane.SAGITTAL).toScreen(10, 10));
        double[] cursor = fx(() -> window.session().cursor());
        robot.moveTo(screenOf(ViewPlane.SAGITTAL, 30, 20)).press(MouseButton.MIDDLE).moveBy(25, -15)
                .release(MouseButton.MIDDLE);
        settle();
        double[] after = fx(() -> window.view(ViewPlane.SAGITTAL).toScreen(10, 10));
        assertThat(after[0] - before[0]).isCloseTo(25, within(1.0));
        assertThat(after[1] - before[1]).isCloseTo(-15, within(1.0));
        assertThat(fx(() -> window.session().cursor())).containsExactly(cursor);
    }

    @Test
    void aCorruptFileShowsAPlainMessageAndLeavesTheSessionAsItWas(FxRobot robot) throws Exception {
        loadBoth();
        var before = fx(() -> window.session().fixed().orElseThrow());
        fx(() -> window.open(Role.FIXED, CORRUPT));
        waitUntil(() -> window.lastError() != null);
        assertThat(window.lastError()).contains("corrupt.nii").contains("dim[0]").doesNotContain("Exception")
                .doesNotContain("\tat ");
        settle();
        Label shown = robot.lookup("#errorMessage").queryAs(Label.class);
        assertThat(shown.getText()).isEqualTo(window.lastError());
        assertThat(fx(() -> window.session().fixed().orElseThrow())).isSameAs(before);
    }

    @Test
    void rightDragChangesTheWindowAndPresetsApply(FxRobot robot) throws Exception {
        loadBoth();
        WindowLevel before = fx(() -> window.session().fixedWindow());
        robot.moveTo(screenOf(ViewPlane.CORONAL, 20, 20)).press(MouseButton.SECONDARY).moveBy(60, 30)
                .release(MouseButton.SECONDARY);
        settle();
        WindowLevel after = fx(() -> window.session().fixedWindow());
        assertThat(after.width()).isGreaterThan(before.width());
        assertThat(after.level()).isGreaterThan(before.level());
        assertThat(fx(() -> window.session().fixedToMoving())).isEqualTo(AffineMap.identity());

        ComboBox<?> preset = robot.lookup("#movingPreset").queryAs(ComboBox.class);
        robot.interact(() -> preset.getSelectionModel().select(org.coreg.app.render.WindowPreset.CT_BONE.ordinal()));
        assertThat(fx(() -> window.session().movingWindow())).isEqualTo(new WindowLevel(500, 2000));
    }

    @Test
    void switchingTheOverlayToColourShowsFixedMagentaAndMovingGreen(FxRobot robot) throws Exception {
        loadBoth();
        @SuppressWarnings("unchecked")
        ComboBox<FusionMode> mode = robot.lookup("#fusionMode").queryAs(ComboBox.class);
        robot.interact(() -> mode.setValue(FusionMode.COLOUR));
        settle();
        assertThat(fx(() -> window.session().fusion().mode())).isEqualTo(FusionMode.COLOUR);
        int[] argb = fx(() -> window.view(ViewPlane.AXIAL).currentSlice().argb());
        int coloured = 0;
        for (int p : argb) {
            int r = (p >> 16) & 0xff;
            int g = (p >> 8) & 0xff;
            int b = p & 0xff;
            assertThat(r).isEqualTo(b); // fixed drives red and blue alike (magenta)
            if (r != g) {
                coloured++;
            }
        }
        assertThat(coloured).isGreaterThan(argb.length / 10);

        robot.interact(() -> mode.setValue(FusionMode.CHECKERBOARD));
        settle();
        int[] checker = fx(() -> window.view(ViewPlane.AXIAL).currentSlice().argb());
        for (int p : checker) {
            assertThat((p >> 16) & 0xff).isEqualTo(p & 0xff);
        }
        assertThat(fx(() -> window.session().fusion().mode())).isEqualTo(FusionMode.CHECKERBOARD);
    }

    @Test
    void drawingAndResizingTheCropBoxByMouseIsUndoable(FxRobot robot) throws Exception {
        loadBoth();
        robot.clickOn("#modeRoi");
        double[] c = fx(() -> window.session().cursor());
        double[] a = {c[0] - 40, c[1] - 30, c[2]};
        double[] b = {c[0] + 30, c[1] + 35, c[2]};
        robot.moveTo(screenOfWorld(ViewPlane.AXIAL, a)).press(MouseButton.PRIMARY)
                .moveTo(screenOfWorld(ViewPlane.AXIAL, b)).release(MouseButton.PRIMARY);
        settle();
        RoiBox box = fx(() -> window.session().roi().orElseThrow());
        double tol = 2 * fx(() -> window.view(ViewPlane.AXIAL).currentSlice().grid().pixelMm()
                / window.view(ViewPlane.AXIAL).scale()) + 0.5;
        assertThat(box.min(0)).isCloseTo(a[0], within(tol));
        assertThat(box.max(1)).isCloseTo(b[1], within(tol));
        assertThat(box.max(2) - box.min(2)).as("spans the fixed image along S").isCloseTo(40 * 5, within(1e-6));

        // drag the box's left (patient right, min L) edge further out by 15 mm
        double[] edge = {box.min(0), (box.min(1) + box.max(1)) / 2, c[2]};
        double[] to = {box.min(0) - 15, edge[1], c[2]};
        robot.moveTo(screenOfWorld(ViewPlane.AXIAL, edge)).press(MouseButton.PRIMARY)
                .moveTo(screenOfWorld(ViewPlane.AXIAL, to)).release(MouseButton.PRIMARY);
        settle();
        RoiBox wider = fx(() -> window.session().roi().orElseThrow());
        assertThat(wider.min(0)).isCloseTo(box.min(0) - 15, within(tol));
        assertThat(wider.max(0)).isEqualTo(box.max(0));
        assertThat(wider.min(1)).isEqualTo(box.min(1));

        robot.clickOn("#undo");
        assertThat(fx(() -> window.session().roi().orElseThrow())).isEqualTo(box);
        robot.clickOn("#undo");
        assertThat(fx(() -> window.session().roi())).isEmpty();
        robot.clickOn("#redo");
        assertThat(fx(() -> window.session().roi().orElseThrow())).isEqualTo(box);
    }

    @Test
    void preAlignByMouseTranslatesAndRotatesWithUndoAndRedo(FxRobot robot) throws Exception {
        loadBoth();
        robot.clickOn("#modePreAlign");
        double[] c = fx(() -> window.session().cursor());
        double[] from = {c[0] + 10, c[1] + 10, c[2]};
        double[] to = {c[0] + 22, c[1] + 10, c[2]};
        robot.moveTo(screenOfWorld(ViewPlane.AXIAL, from)).press(MouseButton.PRIMARY)
                .moveTo(screenOfWorld(ViewPlane.AXIAL, to)).release(MouseButton.PRIMARY);
        settle();
        AffineMap moved = fx(() -> window.session().fixedToMoving());
        // moving content shifted 12 mm towards L: fixed point p shows moving point p - 12 L
        assertThat(moved.get(0, 3)).isCloseTo(-12, within(1.0));
        assertThat(moved.get(1, 3)).isCloseTo(0, within(1e-9));
        assertThat(moved.get(2, 3)).isCloseTo(0, within(1e-9));

        // Shift-drag a quarter turn about the crosshair in the coronal view
        double[] right = {c[0] + 30, c[1], c[2]};
        double[] below = {c[0], c[1], c[2] - 30};
        robot.moveTo(screenOfWorld(ViewPlane.CORONAL, right)).press(javafx.scene.input.KeyCode.SHIFT)
                .press(MouseButton.PRIMARY).moveTo(screenOfWorld(ViewPlane.CORONAL, below))
                .release(MouseButton.PRIMARY).release(javafx.scene.input.KeyCode.SHIFT);
        settle();
        AffineMap rotated = fx(() -> window.session().fixedToMoving());
        assertThat(Math.abs(rotated.get(0, 2))).as("L-S coupling of a coronal rotation").isGreaterThan(0.9);
        assertThat(rotated.get(1, 1)).isCloseTo(1, within(1e-9));

        robot.clickOn("#undo");
        assertThat(fx(() -> window.session().fixedToMoving())).isEqualTo(moved);
        robot.clickOn("#undo");
        assertThat(fx(() -> window.session().fixedToMoving())).isEqualTo(AffineMap.identity());
        robot.clickOn("#redo");
        assertThat(fx(() -> window.session().fixedToMoving())).isEqualTo(moved);
    }

    @Test
    void preAlignByNumbersMovesTheMovingImage(FxRobot robot) throws Exception {
        loadBoth();
        robot.clickOn("#preAlignPane");
        settle();
        TextField moveS = robot.lookup("#moveS").queryAs(TextField.class);
        robot.interact(() -> moveS.setText("7.5"));
        robot.clickOn("#preAlignApply");
        AffineMap t = fx(() -> window.session().fixedToMoving());
        assertThat(t.get(2, 3)).isCloseTo(-7.5, within(1e-9));
        robot.interact(() -> moveS.setText("abc"));
        robot.clickOn("#preAlignApply");
        assertThat(robot.lookup("#preAlignProblem").queryAs(Label.class).getText()).contains("Enter numbers");
        assertThat(fx(() -> window.session().fixedToMoving())).isEqualTo(t);
    }

    @Test
    void registerRunsInTheBackgroundPlotsTheMetricAndAppliesTheResult(FxRobot robot) throws Exception {
        loadBoth();
        // two stages (the default is rigid alone, as on the command line): 2 x 3 levels x 10 iterations plotted
        robot.interact(() -> robot.lookup("#stageAffine").queryAs(javafx.scene.control.CheckBox.class)
                .setSelected(true));
        robot.clickOn("#register");
        waitUntil(() -> window.session().fixedToMoving().equals(RESULT));
        assertThat(registration.runs.get()).isEqualTo(1);
        // the engine's one default (rigid) plus the affine stage ticked above
        assertThat(registration.lastOptions.stages()).containsExactly(
                org.coreg.app.register.RegistrationStage.RIGID, org.coreg.app.register.RegistrationStage.AFFINE);
        settle();
        @SuppressWarnings("unchecked")
        var chart = (javafx.scene.chart.LineChart<Number, Number>) robot.lookup("#metricChart").query();
        // the test engine runs 3 levels of 10 iterations per stage
        assertThat(chart.getData().getFirst().getData()).hasSize(30 * registration.lastOptions.stages().size());
        assertThat(robot.lookup("#registerStatus").queryAs(Label.class).getText()).startsWith("Finished");
        robot.clickOn("#undo");
        assertThat(fx(() -> window.session().fixedToMoving())).isEqualTo(AffineMap.identity());

        // the result is kept in the transform list; "Use" brings it back, "Swap" inverts it with the volumes
        robot.clickOn("#transformsPane");
        settle();
        @SuppressWarnings("unchecked")
        var list = (javafx.scene.control.ListView<org.coreg.app.session.TransformLibrary.Entry>)
                robot.lookup("#transformList").query();
        assertThat(list.getItems()).hasSize(1);
        assertThat(list.getItems().getFirst().fixedToMoving()).isEqualTo(RESULT);
        robot.interact(() -> list.getSelectionModel().select(0));
        robot.clickOn("#useTransform");
        assertThat(fx(() -> window.session().fixedToMoving())).isEqualTo(RESULT);
        var oldMoving = fx(() -> window.session().moving().orElseThrow());
        robot.clickOn("#swapFixedMoving");
        settle();
        assertThat(fx(() -> window.session().fixed().orElseThrow())).isSameAs(oldMoving);
        assertThat(fx(() -> window.session().fixedToMoving().after(RESULT).maxAbsDifference(AffineMap.identity())))
                .isLessThan(1e-12);
        assertThat(fx(() -> window.view(ViewPlane.AXIAL).currentSlice().grid().width())).isEqualTo(70);
    }

    @Test
    void cancellingARegistrationStopsItAndKeepsTheTransform(FxRobot robot) throws Exception {
        registration = new FakeRegistrationService(RESULT, 200, null);
        loadBoth();
        robot.clickOn("#register");
        waitUntil(() -> robot.lookup("#registerStatus").queryAs(Label.class).getText().startsWith("Level"));
        assertThat(robot.lookup("#taskProgress").query().isVisible()).isTrue();
        robot.clickOn("#cancelRegister");
        waitUntil(() -> robot.lookup("#registerStatus").queryAs(Label.class).getText().startsWith("Cancelled"));
        assertThat(fx(() -> window.session().fixedToMoving())).isEqualTo(AffineMap.identity());
        assertThat(robot.lookup("#taskProgress").query().isVisible()).isFalse();
    }

    @Test
    void aFailedRegistrationShowsTheEnginesMessageAndWhatToTry(FxRobot robot) throws Exception {
        registration = new FakeRegistrationService(RESULT, 0, "The images do not overlap enough.");
        loadBoth();
        robot.clickOn("#register");
        waitUntil(() -> window.lastError() != null);
        assertThat(window.lastError()).contains("do not overlap").contains("What to try: Draw a crop box");
        assertThat(fx(() -> window.session().fixedToMoving())).isEqualTo(AffineMap.identity());
    }
}
