package org.coreg.ui;

import static org.coreg.ui.FxCalls.fx;
import static org.coreg.ui.FxCalls.waitUntil;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.coreg.app.Role;
import org.coreg.app.demo.SyntheticHead;
import org.coreg.app.landmarks.PlantedPair;
import org.coreg.app.register.RegisteredTransform;
import org.coreg.app.register.RegistrationFailedException;
import org.coreg.app.register.RegistrationListener;
import org.coreg.app.register.RegistrationOptions;
import org.coreg.app.register.RegistrationService;
import org.coreg.app.session.RoiBox;
import org.coreg.app.task.CancelToken;
import org.coreg.app.task.CancelledException;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;
import org.coreg.io.ImageIOException;
import org.coreg.registration.quality.QualityReport;
import org.coreg.registration.quality.QualityStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@FxTest
class QualityBadgeUiTest {
    private static final Path FIXED = Path.of("mr.nii.gz");
    private static final Path MOVING = Path.of("ct.mha");
    /** Where the landmarks say the moving anatomy is: fixed LPS mm -> moving LPS mm, 8 degrees about S and a shift. */
    private static final AffineMap TRUTH;

    static {
        double a = Math.toRadians(8);
        TRUTH = AffineMap.ofRowMajor3x4(Math.cos(a), -Math.sin(a), 0, 6, Math.sin(a), Math.cos(a), 0, -3, 0, 0, 1, 2);
    }

    private final Map<Path, Volume> files = Map.of(
            FIXED, SyntheticHead.render(ImageGeometry.axisAligned(new int[] {40, 44, 30}, new double[] {4, 4, 5},
                    new double[] {-78, -86, -72}), new double[3], AffineMap.identity(), SyntheticHead.Contrast.MR, "mr"),
            MOVING, SyntheticHead.render(ImageGeometry.axisAligned(new int[] {42, 46, 32}, new double[] {4, 4, 5},
                    new double[] {-80, -88, -74}), new double[3], AffineMap.identity(), SyntheticHead.Contrast.CT, "ct"));
    private final FakeRegistrationService fake = new FakeRegistrationService(
            AffineMap.ofRowMajor3x4(1, 0, 0, 1, 0, 1, 0, 0, 0, 0, 1, 0), 0, null, 2);
    /** When set, the service fails with this report, as the engine does for a failed run. */
    private volatile QualityReport failWith;
    private MainWindow window;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        RegistrationService service = new RegistrationService() {
            @Override
            public AffineMap run(Volume f, Volume m, RegistrationOptions o, RegistrationListener l, CancelToken c)
                    throws RegistrationFailedException, CancelledException {
                return fake.run(f, m, o, l, c);
            }

            @Override
            public RegisteredTransform runChecked(Volume f, Volume m, RegistrationOptions o, RegistrationListener l,
                                                  CancelToken c) throws RegistrationFailedException, CancelledException {
                if (failWith != null) {
                    throw new RegistrationFailedException("Registration failed: " + failWith.reasonsText(),
                            "Widen the crop box.", null, failWith);
                }
                return RegistrationService.super.runChecked(f, m, o, l, c);
            }
        };
        window = new MainWindow(stage, FxTaskRunner.create(), file -> {
            Volume v = files.get(file.getFileName());
            if (v == null) {
                throw new ImageIOException(file, ImageIOException.Problem.MISSING_FILE, "file does not exist");
            }
            return v;
        }, service);
        stage.show();
    }

    private void load() throws Exception {
        fx(() -> window.open(Role.FIXED, FIXED));
        fx(() -> window.open(Role.MOVING, MOVING));
        waitUntil(() -> window.session().fixed().isPresent() && window.session().moving().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String text(FxRobot robot, String id) throws Exception {
        Label l = robot.lookup(id).queryAs(Label.class);
        return fx(() -> l.isVisible() ? l.getText() : "");
    }

    private static List<PlantedPair> pairs() {
        double[][] fixed = {{40, -50, 10}, {-45, -40, 5}, {0, 60, -20}, {5, 0, 45}};
        List<PlantedPair> out = new ArrayList<>();
        for (int i = 0; i < fixed.length; i++) {
            out.add(new PlantedPair("L-" + (i + 1), fixed[i], TRUTH.apply(fixed[i])));
        }
        return out;
    }

    @Test
    void aRegistrationStartsFromTheLandmarksAndTheBadgeShowsItsReportWithTheWaysOut(FxRobot robot)
            throws Exception {
        load();
        assertThat(text(robot, "#qualityBadge")).isEqualTo("Not registered yet");
        fx(() -> {
            window.session().setLandmarks(pairs());
            return null;
        });
        robot.clickOn("#register");
        waitUntil(() -> robot.lookup("#registerStatus").queryAs(Label.class).getText().startsWith("Finished"));
        // the engine was handed the complete pairs: their fit is the start
        assertThat(fake.lastOptions.landmarks()).hasSize(4);
        // the fake engine does not judge its results: the app's default report says uncertain and why
        assertThat(text(robot, "#qualityBadge")).startsWith("UNCERTAIN");
        assertThat(text(robot, "#qualityReasons")).contains("does not check its results");
        assertThat(text(robot, "#qualityRemedies")).contains("What to do").contains("Pre-align")
                .doesNotContain("crop box").doesNotContain("Add landmarks");
        assertThat(fx(() -> window.session().verdictIsCurrent())).isTrue();

        robot.clickOn("#landmarksPane");
        WaitForAsyncUtils.waitForFxEvents();
        // the button sits at the foot of the scrollable side panel, below the window's edge at the test's size
        robot.interact(() -> robot.lookup("#alignLandmarks").queryAs(javafx.scene.control.Button.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> window.session().fixedToMoving().maxAbsDifference(TRUTH))).isLessThan(1e-9);
        assertThat(text(robot, "#qualityBadge")).startsWith("OK");
        assertThat(text(robot, "#qualityFigures")).contains("landmarks").contains("mean 0.00 mm");
        assertThat(text(robot, "#qualityRemedies")).isEmpty();
        robot.clickOn("#undo");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#qualityBadge")).startsWith("OK").contains("changed since");
        assertThat(fx(() -> window.lastError())).isNull();
    }

    @Test
    void aFailedRunShowsARedBadgeThatSurvivesSavingAndOpeningTheSession(FxRobot robot) throws Exception {
        load();
        AffineMap start = AffineMap.ofRowMajor3x4(1, 0, 0, 2, 0, 1, 0, 0, 0, 0, 1, 0);
        fx(() -> {
            window.session().setTransform(start);
            window.session().setRoi(new RoiBox(new double[] {-10, -10, -10}, new double[] {10, 10, 10}));
            return null;
        });
        failWith = new QualityReport(QualityStatus.FAILED, List.of("The crop box or mask leaves 120 voxels at full "
                + "resolution (at least 500 needed)."), Double.NaN, Double.NaN, Double.NaN, List.of("rigid"), 1,
                List.of(), null, null);
        robot.clickOn("#register");
        waitUntil(() -> window.lastError() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> window.session().fixedToMoving())).as("a failed run changes nothing").isEqualTo(start);
        assertThat(text(robot, "#qualityBadge")).startsWith("FAILED");
        assertThat(fx(() -> robot.lookup("#qualityBadge").queryAs(Label.class).getStyle())).contains("#b3261e");
        assertThat(text(robot, "#qualityReasons")).contains("500 needed");
        String remedies = text(robot, "#qualityRemedies");
        assertThat(remedies.indexOf("Widen the crop box")).isGreaterThanOrEqualTo(0)
                .isLessThan(remedies.indexOf("Add landmarks"));
        assertThat(remedies).contains("Pre-align");

        Path file = dir.resolve("failed.coreg.json");
        assertThat(fx(() -> window.sessionActions().save(file))).isTrue();
        fx(() -> {
            window.session().setVerdict(null);
            return null;
        });
        assertThat(text(robot, "#qualityBadge")).isEqualTo("Not registered yet");
        fx(() -> window.sessionActions().open(file));
        waitUntil(() -> window.session().verdict().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#qualityBadge")).startsWith("FAILED");
        assertThat(text(robot, "#qualityReasons")).contains("500 needed");
    }
}
