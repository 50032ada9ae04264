package org.coreg.ui;

import static org.coreg.ui.FxCalls.fx;
import static org.coreg.ui.FxCalls.waitUntil;
import static org.coreg.ui.UiFixture.openBoth;
import static org.coreg.ui.UiFixture.showWindow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.coreg.app.demo.SyntheticHead;
import org.coreg.app.render.FusionMode;
import org.coreg.app.session.RoiBox;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;
import org.coreg.points.PlanningPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@FxTest
class SessionUiTest {
    @TempDir
    static Path dir;
    private static final AffineMap T = AffineMap.ofRowMajor3x4(1, 0, 0, 4.5, 0, 1, 0, -2, 0, 0, 1, 1.25);
    private MainWindow window;
    private Path fixedFile;
    private Path movingFile;
    private Map<Path, Volume> files;

    @Start
    void start(Stage stage) {
        fixedFile = dir.resolve("mr.nii.gz");
        movingFile = dir.resolve("ct.mha");
        files = Map.of(fixedFile, SyntheticHead.render(ImageGeometry.axisAligned(new int[] {40, 44, 30},
                        new double[] {4, 4, 5}, new double[] {-78, -86, -72}), new double[3], AffineMap.identity(),
                        SyntheticHead.Contrast.MR, "mr"),
                movingFile, SyntheticHead.render(ImageGeometry.axisAligned(new int[] {42, 46, 32},
                        new double[] {3.9, 3.9, 4.6}, new double[] {-80, -88, -70}), new double[3],
                        AffineMap.identity(), SyntheticHead.Contrast.CT, "ct"));
        window = showWindow(stage, file -> files.get(file.toAbsolutePath().normalize()), "this test does not register");
    }

    private void loadAndEdit() throws Exception {
        openBoth(window, fixedFile, movingFile);
        fx(() -> {
            var s = window.session();
            s.setTransform(T);
            s.setRoi(new RoiBox(new double[] {-30, -40, -20}, new double[] {30, 20, 25}));
            s.setPoints(List.of(new PlanningPoint("target", new double[] {3, -4, 5}, "centre", false)));
            s.setFusion(s.fusion().withMode(FusionMode.DIFFERENCE));
            s.setCursor(new double[] {1, 2, 3});
            return null;
        });
    }

    @Test
    void saveThenOpenRestoresTheSession(FxRobot robot) throws Exception {
        loadAndEdit();
        Path file = dir.resolve("save-open.coreg.json");
        assertThat(fx(() -> window.sessionActions().store().isDirty())).isTrue();
        assertThat(fx(() -> window.sessionActions().save(file))).isTrue();
        assertThat(fx(() -> window.sessionActions().store().isDirty())).isFalse();
        assertThat(Files.readString(file)).contains("\"path\": \"mr.nii.gz\"").contains("\"label\": \"target\"");
        // change everything, then open the file again
        fx(() -> {
            var s = window.session();
            s.setTransform(AffineMap.identity());
            s.setRoi(null);
            s.setPoints(List.of());
            s.setFusion(s.fusion().withMode(FusionMode.BLEND));
            s.setCursor(new double[] {0, 0, 0});
            return null;
        });
        fx(() -> window.sessionActions().open(file));
        waitUntil(() -> window.session().points().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        var s = window.session();
        assertThat(fx(s::fixedToMoving)).isEqualTo(T);
        assertThat(fx(() -> s.roi().orElseThrow().max())).containsExactly(30, 20, 25);
        assertThat(fx(() -> s.points().get(0).description())).isEqualTo("centre");
        assertThat(fx(() -> s.fusion().mode())).isEqualTo(FusionMode.DIFFERENCE);
        assertThat(fx(s::cursor)).containsExactly(1, 2, 3);
        assertThat(fx(() -> window.sessionActions().store().isDirty())).isFalse();
        assertThat(fx(() -> window.lastError())).isNull();
        waitUntil(() -> window.viewsUpToDate());
    }

    @Test
    void aCorruptSessionFileShowsWhichFileAndFieldAndChangesNothing(FxRobot robot) throws Exception {
        loadAndEdit();
        Path good = dir.resolve("good.coreg.json");
        fx(() -> window.sessionActions().save(good));
        Path bad = dir.resolve("bad.coreg.json");
        Files.writeString(bad, Files.readString(good).replace("\"mode\": \"difference\"", "\"mode\": \"rainbow\""));
        fx(() -> {
            window.session().setPoints(List.of());
            return null;
        });
        fx(() -> window.sessionActions().open(bad));
        waitUntil(() -> window.lastError() != null);
        assertThat(fx(() -> window.lastError())).contains("bad.coreg.json").contains("view.fusion.mode")
                .contains("rainbow").doesNotContain("Exception");
        assertThat(fx(() -> window.session().points())).isEmpty();
        assertThat(fx(() -> window.session().fixedToMoving())).isEqualTo(T);
    }

    private static javafx.scene.control.DialogPane visibleDialog(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#unsavedChanges").match(javafx.scene.Node::isVisible).tryQuery().isPresent());
        return robot.lookup("#unsavedChanges").match(javafx.scene.Node::isVisible).queryAs(
                javafx.scene.control.DialogPane.class);
    }

    @Test
    void unsavedChangesPromptBeforeExit(FxRobot robot) throws Exception {
        loadAndEdit();
        Future<Boolean> cancelled = WaitForAsyncUtils.asyncFx(() -> window.sessionActions().mayExit());
        robot.clickOn(visibleDialog(robot).lookupButton(javafx.scene.control.ButtonType.CANCEL));
        assertThat(cancelled.get(20, TimeUnit.SECONDS)).as("Cancel keeps the window").isFalse();
        Future<Boolean> discarded = WaitForAsyncUtils.asyncFx(() -> window.sessionActions().mayExit());
        robot.clickOn(visibleDialog(robot).lookupButton(SessionActions.DISCARD));
        assertThat(discarded.get(20, TimeUnit.SECONDS)).isTrue();
        fx(() -> window.sessionActions().save(dir.resolve("clean.coreg.json")));
        assertThat(fx(() -> window.sessionActions().mayExit())).as("nothing unsaved: no prompt").isTrue();
    }
}
