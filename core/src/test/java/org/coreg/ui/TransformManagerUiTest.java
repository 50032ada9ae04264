package org.coreg.ui;

import static org.coreg.ui.FxCalls.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.coreg.app.Role;
import org.coreg.app.demo.SyntheticHead;
import org.coreg.app.session.TransformLibrary;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;
import org.coreg.io.transform.TransformFiles;
import org.coreg.transform.AffineTransform;
import org.coreg.transform.Direction;
import org.coreg.transform.SpatialTransform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The transform manager panel driven by mouse: invert and export, import refusals, harden and its undo. */
@FxTest
class TransformManagerUiTest {
    private static final Path FIXED = Path.of("fixed-mr.nii.gz");
    private static final Path MOVING = Path.of("moving-ct.mha");
    private static final AffineMap T = AffineMap.ofRowMajor3x4(Math.cos(0.2), -Math.sin(0.2), 0, 7.25,
            Math.sin(0.2), Math.cos(0.2), 0, -3.5, 0, 0, 1, 11.125);

    @TempDir
    Path dir;
    private final Map<Path, Volume> files = Map.of(
            FIXED, SyntheticHead.render(ImageGeometry.axisAligned(new int[] {40, 44, 30}, new double[] {5, 5, 6},
                    new double[] {-98, -108, -87}), new double[3], AffineMap.identity(), SyntheticHead.Contrast.MR, "mr"),
            MOVING, SyntheticHead.render(ImageGeometry.axisAligned(new int[] {42, 46, 32}, new double[] {4.6, 4.6, 5.5},
                    new double[] {-96, -104, -86}), new double[3], AffineMap.identity(), SyntheticHead.Contrast.CT, "ct"));
    private MainWindow window;
    private Path nextImport;
    private Path nextExport;
    private boolean confirmAnswer = true;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, FxTaskRunner.create(), files::get, new FakeRegistrationService(T, 0, null, 2));
        window.transformPanel().setDialogs(new TransformDialogs() {
            @Override
            public Path chooseImport() {
                return nextImport;
            }

            @Override
            public Path chooseExport(String name) {
                return nextExport;
            }

            @Override
            public boolean confirm(String question) {
                return confirmAnswer;
            }
        });
        stage.show();
    }

    private void waitUntil(Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(c));
    }

    @SuppressWarnings("unchecked")
    private ListView<TransformLibrary.Entry> list(FxRobot robot) {
        return (ListView<TransformLibrary.Entry>) robot.lookup("#transformList").query();
    }

    private void selectOnly(FxRobot robot, int index) {
        robot.interact(() -> {
            list(robot).getSelectionModel().clearSelection();
            list(robot).getSelectionModel().select(index);
        });
    }

    private List<TransformLibrary.Entry> entries() throws Exception {
        return fx(() -> window.session().transforms().entries());
    }

    /** Loads both volumes, sets {@code T} as the current transform, opens the panel and keeps it as an entry. */
    private void loadAndKeep(FxRobot robot) throws Exception {
        fx(() -> window.open(Role.FIXED, FIXED));
        fx(() -> window.open(Role.MOVING, MOVING));
        waitUntil(() -> window.session().fixed().isPresent() && window.session().moving().isPresent());
        fx(() -> {
            window.session().setTransform(T);
            return null;
        });
        robot.clickOn("#transformsPane");
        WaitForAsyncUtils.waitForFxEvents();
        // The panel slides open (about 350 ms): a click before the slide ends can miss the moving button.
        WaitForAsyncUtils.sleep(600, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#keepTransform");
        assertThat(entries()).hasSize(1);
        assertThat(entries().getFirst().appliesTo()).isEqualTo("fixed 'mr' -> moving 'ct'");
    }

    @Test
    void invertAndExportATransform(FxRobot robot) throws Exception {
        loadAndKeep(robot);
        selectOnly(robot, 0);
        robot.clickOn("#invertTransform");
        assertThat(entries()).hasSize(2);
        TransformLibrary.Entry inverse = entries().get(1);
        assertThat(inverse.appliesTo()).isEqualTo("moving 'ct' -> fixed 'mr'");
        assertThat(list(robot).getSelectionModel().getSelectedItems()).containsExactly(inverse);

        nextExport = dir.resolve("ct-inverse.tfm");
        robot.clickOn("#exportTransform");
        assertThat(nextExport).exists();
        SpatialTransform read = TransformFiles.read(nextExport);
        assertThat(read).isInstanceOf(AffineTransform.class);
        assertThat(read.direction()).isEqualTo(Direction.FIXED_TO_MOVING);
        AffineMap written = ((AffineTransform) read).map();
        assertThat(written.maxAbsDifference(T.inverse())).isLessThan(1e-9);
        assertThat(fx(() -> window.transformPanel().statusText())).contains("Exported").contains("ct-inverse.tfm");
        assertThat(fx(() -> window.statusBar().notice())).as("a short confirmation in the status bar")
                .startsWith("Exported the transform").endsWith("ct-inverse.tfm");
        assertThat(window.lastError()).isNull();
        assertThat(fx(() -> window.session().fixedToMoving())).as("the current transform is untouched").isEqualTo(T);
    }

    @Test
    void importingAFileOfAnotherKindShowsAPlainMessageAndChangesNothing(FxRobot robot) throws Exception {
        loadAndKeep(robot);
        List<TransformLibrary.Entry> before = entries();
        nextImport = dir.resolve("points.fcsv");
        Files.writeString(nextImport, "# Markups fiducial file version = 4.11\n# CoordinateSystem = LPS\n1,2,3\n");
        robot.clickOn("#importTransform");
        waitUntil(() -> window.lastError() != null);
        assertThat(window.lastError()).startsWith("Could not import the transform.").contains("points.fcsv")
                .contains("What to try: Choose an ITK transform (.tfm)").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(entries()).isEqualTo(before);
        assertThat(fx(() -> window.session().fixedToMoving())).isEqualTo(T);
    }

    @Test
    void importingACorruptTransformFileShowsAPlainMessageAndChangesNothing(FxRobot robot) throws Exception {
        loadAndKeep(robot);
        List<TransformLibrary.Entry> before = entries();
        nextImport = dir.resolve("broken.tfm");
        Files.writeString(nextImport, "#Insight Transform File V1.0\n#Transform 0\nTransform: AffineTransform_double_3_3"
                + "\nParameters: 1 0 0 0 1\n");
        robot.clickOn("#importTransform");
        waitUntil(() -> window.lastError() != null);
        assertThat(window.lastError()).contains("broken.tfm").doesNotContain("\tat ");
        assertThat(entries()).isEqualTo(before);
        assertThat(fx(() -> window.session().fixedToMoving())).isEqualTo(T);
    }

    @Test
    void importThenHardenAndUndoHarden(FxRobot robot) throws Exception {
        loadAndKeep(robot);
        nextImport = dir.resolve("shift.tfm");
        AffineMap shift = AffineMap.ofRowMajor3x4(1, 0, 0, 5, 0, 1, 0, 0, 0, 0, 1, 0);
        TransformFiles.writeFixedToMoving(shift, nextImport);
        robot.clickOn("#importTransform");
        assertThat(entries()).hasSize(2);
        assertThat(entries().get(1).name()).isEqualTo("shift");
        assertThat(entries().get(1).fixedToMoving().maxAbsDifference(shift)).isLessThan(1e-12);

        var oldMoving = fx(() -> window.session().moving().orElseThrow());
        selectOnly(robot, 0);
        confirmAnswer = false;
        robot.clickOn("#hardenTransform");
        assertThat(fx(() -> window.session().moving().orElseThrow())).as("declined").isSameAs(oldMoving);
        confirmAnswer = true;
        robot.clickOn("#hardenTransform");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.lastError()).isNull();
        waitUntil(() -> window.session().moving().orElseThrow() != oldMoving);
        assertThat(fx(() -> window.session().fixedToMoving().maxAbsDifference(AffineMap.identity()))).isLessThan(1e-12);
        assertThat(fx(() -> window.transformPanel().statusText())).startsWith("Hardened");
        robot.clickOn("#undoHarden");
        assertThat(fx(() -> window.session().moving().orElseThrow())).isSameAs(oldMoving);
        assertThat(fx(() -> window.session().fixedToMoving())).isEqualTo(T);
        assertThat(entries().get(1).fixedToMoving().maxAbsDifference(shift)).isLessThan(1e-12);
    }
}
