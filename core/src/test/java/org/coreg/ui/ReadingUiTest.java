package org.coreg.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coreg.ui.FxCalls.fx;
import static org.coreg.ui.FxCalls.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import org.coreg.app.Role;
import org.coreg.app.demo.SyntheticHead;
import org.coreg.app.render.WindowLevel;
import org.coreg.app.render.WindowPreset;
import org.coreg.app.session.RoiBox;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;
import org.coreg.io.ImageIOException;
import org.coreg.points.PlanningPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Reading the window: resizable side panel, window/level boxes, title, crop box on a new volume, SIGTERM autosave. */
@FxTest
class ReadingUiTest {
    @TempDir
    Path dir;
    private MainWindow window;
    private final Volume mr = SyntheticHead.render(ImageGeometry.axisAligned(new int[] {30, 32, 24},
            new double[] {4, 4, 5}, new double[] {-58, -62, -58}), new double[3], AffineMap.identity(),
            SyntheticHead.Contrast.MR, "mr");
    private final Volume ct = SyntheticHead.render(ImageGeometry.axisAligned(new int[] {30, 32, 24},
            new double[] {4, 4, 5}, new double[] {-58, -62, -58}), new double[3], AffineMap.identity(),
            SyntheticHead.Contrast.CT, "ct");
    /** Far from the others: no crop box drawn on them overlaps it. */
    private final Volume far = SyntheticHead.render(ImageGeometry.axisAligned(new int[] {20, 20, 20},
            new double[] {2, 2, 2}, new double[] {400, 400, 400}), new double[3], AffineMap.identity(),
            SyntheticHead.Contrast.MR, "far");

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, FxTaskRunner.create(), f -> switch (f.getFileName().toString()) {
            case "mr.nii" -> mr;
            case "ct.nii" -> ct;
            case "far.nii" -> far;
            default -> throw new ImageIOException(f, ImageIOException.Problem.MISSING_FILE, "file does not exist");
        }, (f, m, o, l, c) -> {
            throw new IllegalStateException("no registration here");
        });
        stage.show();
    }

    private void openBoth() throws Exception {
        fx(() -> window.open(Role.FIXED, Path.of("mr.nii")));
        fx(() -> window.open(Role.MOVING, Path.of("ct.nii")));
        waitUntil(() -> window.session().fixed().isPresent() && window.session().moving().isPresent());
    }

    @Test
    @SuppressWarnings("unchecked")
    void windowBoxesShowTheCurrentChoiceAndTheTitleNamesTheImages(FxRobot robot) throws Exception {
        var fixedBox = (ComboBox<WindowPreset>) robot.lookup("#fixedPreset").query();
        assertThat(fixedBox.getPromptText()).isEqualTo("no image");
        openBoth();
        assertThat(fx(fixedBox::getValue)).isEqualTo(WindowPreset.AUTOMATIC);
        fx(() -> {
            window.session().setFixedWindow(new WindowLevel(500, 2000));
            return null;
        });
        assertThat(fx(fixedBox::getValue)).isEqualTo(WindowPreset.CT_BONE);
        fx(() -> {
            window.session().setFixedWindow(new WindowLevel(123, 456));
            return null;
        });
        assertThat(fx(fixedBox::getValue)).isNull();
        assertThat(fx(fixedBox::getPromptText)).isEqualTo("W 456 / L 123");
        assertThat(fx(() -> window.session().fixedWindow())).as("showing does not choose")
                .isEqualTo(new WindowLevel(123, 456));
        assertThat(fx(() -> window.stage().getTitle())).isEqualTo("Coreg - fixed 'mr' / moving 'ct'");
        fx(() -> {
            window.session().setPoints(List.of(PlanningPoint.of("p", 1, 2, 3)));
            return null;
        });
        assertThat(fx(() -> window.stage().getTitle())).isEqualTo("Coreg - fixed 'mr' / moving 'ct' *");

        SplitPane split = robot.lookup("#mainSplit").queryAs(SplitPane.class);
        double before = fx(() -> robot.lookup("#sidePanel").queryAs(javafx.scene.layout.Region.class).getWidth());
        assertThat(before).isGreaterThanOrEqualTo(400);
        fx(() -> {
            split.setDividerPositions(0.5);
            split.layout();
            return null;
        });
        double after = fx(() -> robot.lookup("#sidePanel").queryAs(javafx.scene.layout.Region.class).getWidth());
        assertThat(after).as("the side panel can be widened").isGreaterThan(before + 100);
    }

    @Test
    void theCropBoxStaysWhenTheNewFixedImageOverlapsItElseTheUserIsTold(FxRobot robot) throws Exception {
        openBoth();
        RoiBox box = new RoiBox(new double[] {-20, -20, -20}, new double[] {20, 20, 20});
        fx(() -> {
            window.session().setRoi(box);
            return null;
        });
        fx(() -> window.open(Role.FIXED, Path.of("ct.nii")));
        waitUntil(() -> window.session().fixed().orElseThrow().source() == ct);
        assertThat(fx(() -> window.session().roi())).contains(box);
        assertThat(fx(() -> window.statusBar().notice())).isEmpty();
        fx(() -> window.open(Role.FIXED, Path.of("far.nii")));
        waitUntil(() -> window.session().fixed().orElseThrow().source() == far);
        assertThat(fx(() -> window.session().roi())).isEmpty();
        assertThat(fx(() -> window.statusBar().notice())).contains("crop box was removed");
    }

    @Test
    void eachViewHasASliceSliderAndNumberThatFollowTheCursor(FxRobot robot) throws Exception {
        openBoth();
        var axial = window.slider(org.coreg.app.render.ViewPlane.AXIAL);
        // fixed voxel centres from S -58 to 57 mm, wheel step 4 mm (finest spacing): 29 slices; cursor at the centre
        assertThat(fx(axial::numberText)).isEqualTo("slice 15 / 29");
        javafx.scene.control.Slider slider = robot.lookup("#slider-axial").queryAs(javafx.scene.control.Slider.class);
        fx(() -> {
            slider.setValue(1);
            return null;
        });
        assertThat(fx(() -> window.session().cursor()[2])).isEqualTo(-58.0);
        assertThat(fx(axial::numberText)).isEqualTo("slice 1 / 29");
        fx(() -> {
            window.view(org.coreg.app.render.ViewPlane.AXIAL).scrollSlices(1);
            return null;
        });
        assertThat(fx(axial::numberText)).isEqualTo("slice 2 / 29");
        assertThat(fx(slider::getValue)).isEqualTo(2.0);
        assertThat(fx(() -> window.slider(org.coreg.app.render.ViewPlane.SAGITTAL).numberText()))
                .as("other views keep their own slice").startsWith("slice ").endsWith(" / 30");
    }

    @Test
    void sigtermAutosavesTheLatestWork(FxRobot robot) throws Exception {
        openBoth();
        Path recovery = dir.resolve("recovery.coreg.json");
        fx(() -> {
            window.sessionActions().startAutosave(recovery);
            window.session().setPoints(List.of(PlanningPoint.of("last", 4, 5, 6)));
            return null;
        });
        assertThat(recovery).doesNotExist(); // the 20 s timer has not fired yet
        Thread hook = new Thread(window.sessionActions().autosaveOnTermination(5000));
        hook.start(); // as the JVM runs it on SIGTERM: from its own thread
        hook.join(10_000);
        assertThat(recovery).exists();
        assertThat(Files.readString(recovery)).contains("\"label\": \"last\"");
    }
}
