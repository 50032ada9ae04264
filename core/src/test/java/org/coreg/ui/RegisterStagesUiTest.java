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
    private final FakeRegistrationService engine = new FakeRegistrationService(RESULT, 0, null, 5);
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
                .contains("[rigid, similarity]");

        check(robot, "#stageAffine", true);
        assertThat(register(robot)).containsExactly(RegistrationStage.RIGID, RegistrationStage.SIMILARITY,
                RegistrationStage.AFFINE);
        check(robot, "#stageRigid", false);
        check(robot, "#stageSimilarity", false);
        assertThat(register(robot)).containsExactly(RegistrationStage.AFFINE);
        assertThat(fx(() -> window.session().fixedToMoving())).isEqualTo(RESULT.after(RESULT.after(RESULT
                .after(RESULT))));
    }
}
