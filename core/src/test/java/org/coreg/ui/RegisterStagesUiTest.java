package org.coreg.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coreg.ui.FxCalls.fx;
import static org.coreg.ui.FxCalls.waitUntil;

import java.util.List;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.coreg.app.Role;
import org.coreg.app.demo.SyntheticHead;
import org.coreg.app.register.RegistrationOptions;
import org.coreg.app.register.RegistrationStage;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Each stage of the Register panel reaches the engine, and the panel starts with the command line's default. */
@FxTest
class RegisterStagesUiTest {
    private static final AffineMap RESULT = AffineMap.ofRowMajor3x4(1.02, 0, 0, 3, 0, 1.02, 0, -1, 0, 0, 1.02, 2);
    private FakeRegistrationService engine = new FakeRegistrationService(RESULT, 0, null, 5);
    private MainWindow window;

    @Start
    void start(Stage stage) {
        Volume mr = SyntheticHead.render(ImageGeometry.axisAligned(new int[] {30, 32, 24}, new double[] {4, 4, 5},
                new double[] {-58, -62, -58}), new double[3], AffineMap.identity(), SyntheticHead.Contrast.MR, "mr");
        Volume ct = SyntheticHead.render(ImageGeometry.axisAligned(new int[] {30, 32, 24}, new double[] {4, 4, 5},
                new double[] {-58, -62, -58}), new double[3], AffineMap.identity(), SyntheticHead.Contrast.CT, "ct");
        window = new MainWindow(stage, FxTaskRunner.create(), f -> f.toString().contains("mr") ? mr : ct, engine);
        stage.show();
    }

    private void check(FxRobot robot, String id, boolean on) {
        robot.interact(() -> robot.lookup(id).queryAs(CheckBox.class).setSelected(on));
    }

    private List<RegistrationStage> register(FxRobot robot) throws Exception {
        int before = engine.runs.get();
        robot.clickOn("#register");
        waitUntil(() -> engine.runs.get() > before
                && robot.lookup("#registerStatus").queryAs(Label.class).getText().startsWith("Finished"));
        return engine.lastOptions.stages();
    }

    @Test
    void everyStageOfThePanelRunsAndTheDefaultIsTheCommandLines(FxRobot robot) throws Exception {
        fx(() -> window.open(Role.FIXED, java.nio.file.Path.of("mr.nii")));
        fx(() -> window.open(Role.MOVING, java.nio.file.Path.of("ct.nii")));
        waitUntil(() -> window.session().fixed().isPresent() && window.session().moving().isPresent());
        for (var stage : RegistrationStage.values()) {
            String id = "#stage" + stage.name().charAt(0) + stage.name().substring(1).toLowerCase();
            assertThat(robot.lookup(id).queryAs(CheckBox.class).isSelected()).as(id)
                    .isEqualTo(RegistrationOptions.defaultStages().contains(stage));
        }
        assertThat(register(robot)).isEqualTo(RegistrationOptions.defaultStages());

        check(robot, "#stageSimilarity", true);
        assertThat(register(robot)).containsExactly(RegistrationStage.RIGID, RegistrationStage.SIMILARITY);
        assertThat(fx(() -> window.session().transforms().entries().getLast().origin()))
                .contains("registration: rigid + similarity");

        check(robot, "#stageAffine", true);
        assertThat(register(robot)).containsExactly(RegistrationStage.RIGID, RegistrationStage.SIMILARITY,
                RegistrationStage.AFFINE);
        check(robot, "#stageRigid", false);
        check(robot, "#stageSimilarity", false);
        assertThat(register(robot)).containsExactly(RegistrationStage.AFFINE);
        assertThat(fx(() -> window.session().fixedToMoving())).isEqualTo(RESULT.after(RESULT.after(RESULT
                .after(RESULT))));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theMetricPlotKeepsTheWholeHistoryThinned(FxRobot robot) throws Exception {
        engine = new FakeRegistrationService(RESULT, 0, null, 700); // 3 levels x 700: 2100 iterations
        fx(() -> {
            window.stage().close();
            Stage stage = new Stage();
            window = new MainWindow(stage, FxTaskRunner.create(), f -> SyntheticHead.render(ImageGeometry.axisAligned(
                    new int[] {20, 20, 16}, new double[] {4, 4, 5}, new double[] {-38, -38, -38}), new double[3],
                    AffineMap.identity(), SyntheticHead.Contrast.MR, f.getFileName().toString()), engine);
            stage.show();
            window.open(Role.FIXED, java.nio.file.Path.of("mr.nii"));
            window.open(Role.MOVING, java.nio.file.Path.of("ct.nii"));
            return null;
        });
        waitUntil(() -> window.session().fixed().isPresent() && window.session().moving().isPresent());
        robot.clickOn(robot.lookup("#register").match(javafx.scene.Node::isVisible).queryButton());
        waitUntil(() -> engine.runs.get() == 1 && robot.lookup("#registerStatus").match(javafx.scene.Node::isVisible)
                .queryAs(Label.class).getText().startsWith("Finished"));
        var chart = (javafx.scene.chart.LineChart<Number, Number>) robot.lookup("#metricChart")
                .match(javafx.scene.Node::isVisible).query();
        // queued points drain a few milliseconds per pulse: wait for the last iterations to arrive
        waitUntil(() -> chart.getData().getFirst().getData().getLast().getXValue().intValue() > 2000);
        Thread.sleep(200);
        var data = fx(() -> List.copyOf(chart.getData().getFirst().getData()));
        assertThat(data.size()).isBetween(200, 400);
        assertThat(data.getFirst().getXValue().intValue()).as("the first iteration is still there").isZero();
        assertThat(data.getLast().getXValue().intValue()).isGreaterThan(2000);
        // every kept point is drawn: the line has a path element per point and starts at the first iteration
        var path = (javafx.scene.shape.Path) fx(() -> chart.getData().getFirst().getNode());
        assertThat(fx(() -> path.getElements().size())).isBetween(data.size(), data.size() + 1);
        var axis = (javafx.scene.chart.NumberAxis) chart.getXAxis();
        double startX = fx(() -> ((javafx.scene.shape.MoveTo) path.getElements().getFirst()).getX());
        assertThat(startX).isCloseTo(fx(() -> axis.getDisplayPosition(0)), org.assertj.core.api.Assertions.within(1.0));
    }
}
