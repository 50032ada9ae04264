package org.coreg.ui;

import static org.coreg.ui.FxCalls.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.coreg.app.Role;
import org.coreg.app.demo.SyntheticHead;
import org.coreg.app.render.Interpolation;
import org.coreg.app.render.ViewPlane;
import org.coreg.app.render.ViewRenderer;
import org.coreg.app.session.Session;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** After a registration, "Show before" draws the moving image through the start transform, then the result again. */
@FxTest
class BeforeAfterUiTest {
    private static final Path FIXED = Path.of("fixed-mr.nii.gz");
    private static final Path MOVING = Path.of("moving-ct.mha");
    private static final AffineMap RESULT = AffineMap.ofRowMajor3x4(1, 0, 0, 12, 0, 1, 0, -9, 0, 0, 1, 6);

    private final Map<Path, Volume> files = Map.of(
            FIXED, SyntheticHead.render(ImageGeometry.axisAligned(new int[] {48, 56, 36}, new double[] {4, 4, 5},
                    new double[] {-94, -110, -88}), new double[3], AffineMap.identity(), SyntheticHead.Contrast.MR, "mr"),
            MOVING, SyntheticHead.render(ImageGeometry.axisAligned(new int[] {52, 60, 40}, new double[] {3.6, 3.6, 4.5},
                    new double[] {-92, -108, -90}), new double[3], AffineMap.identity(), SyntheticHead.Contrast.CT, "ct"));
    private MainWindow window;

    @Start
    void start(Stage stage) {
        FakeRegistrationService fake = new FakeRegistrationService(RESULT, 0, null, 3);
        window = new MainWindow(stage, FxTaskRunner.create(), files::get, fake);
        stage.show();
    }

    private void waitUntil(Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(c));
    }

    /** The axial view's pixels on screen, after its newest render arrived. */
    private int[] shownAxial() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> window.viewsUpToDate());
        return fx(() -> window.view(ViewPlane.AXIAL).currentSlice().argb().clone());
    }

    /** What the axial view should show with the moving image drawn through {@code t}. */
    private int[] expectedAxial(AffineMap t) throws Exception {
        return fx(() -> {
            Session s = window.session();
            return new ViewRenderer(Interpolation.LINEAR).render(s.fixed().orElseThrow(), s.moving().orElseThrow(), t, ViewPlane.AXIAL,
                    s.cursor(), s.fixedWindow(), s.movingWindow(), s.fusion()).argb();
        });
    }

    @Test
    void theToggleFlipsTheViewsBetweenTheStartAndTheResult(FxRobot robot) throws Exception {
        fx(() -> window.open(Role.FIXED, FIXED));
        fx(() -> window.open(Role.MOVING, MOVING));
        waitUntil(() -> window.session().fixed().isPresent() && window.session().moving().isPresent());
        ToggleButton toggle = robot.lookup("#beforeAfter").queryAs(ToggleButton.class);
        assertThat(toggle.isDisabled()).as("nothing to compare yet").isTrue();
        AffineMap start = AffineMap.ofRowMajor3x4(1, 0, 0, 2, 0, 1, 0, 0, 0, 0, 1, 0);
        fx(() -> {
            window.session().setTransform(start);
            return null;
        });
        robot.clickOn("#register");
        waitUntil(() -> robot.lookup("#registerStatus").queryAs(Label.class).getText().startsWith("Finished"));
        AffineMap result = fx(() -> window.session().fixedToMoving());
        assertThat(result).isNotEqualTo(start);
        assertThat(toggle.isDisabled()).isFalse();
        assertThat(shownAxial()).isEqualTo(expectedAxial(result));

        robot.clickOn("#beforeAfter");
        assertThat(fx(() -> window.session().showingBefore())).isTrue();
        assertThat(fx(() -> window.session().fixedToMoving())).as("display only").isEqualTo(result);
        int[] before = shownAxial();
        assertThat(before).isEqualTo(expectedAxial(start));
        assertThat(before).isNotEqualTo(expectedAxial(result));

        robot.clickOn("#beforeAfter");
        assertThat(shownAxial()).isEqualTo(expectedAxial(result));
        robot.clickOn("#undo");
        assertThat(fx(() -> window.session().fixedToMoving())).isEqualTo(start);
        assertThat(toggle.isDisabled()).as("the result is no longer current").isTrue();
    }
}
