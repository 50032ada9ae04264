package org.coreg.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.coreg.ui.FxCalls.fx;
import static org.coreg.ui.FxCalls.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.coreg.app.Role;
import org.coreg.app.demo.SyntheticHead;
import org.coreg.app.register.EngineRegistrationService;
import org.coreg.app.render.ViewPlane;
import org.coreg.app.session.Deformation;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;
import org.coreg.io.ImageFormats;
import org.coreg.io.ImageIOException;
import org.coreg.io.transform.TransformFiles;
import org.coreg.registration.RegistrationSettings;
import org.coreg.transform.Direction;
import org.coreg.transform.SpatialTransform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The B-spline stage of the Register panel with the real engine on a small synthetic pair: the panel shows the folding
 * check, the Jacobian-determinant overlay can be shown while the result is current, the resampled moving image is
 * saved through the whole deformable map with its composite transform, the transform list names the result as a
 * B-spline one and exports it whole, a session saved, closed and opened again
 * keeps the deformation, and undo retires it.
 */
@FxTest
class BSplineRegisterUiTest {
    private static final Path FIXED = Path.of("fixed-mr.nii.gz");
    private static final Path MOVING = Path.of("moving-ct.mha");
    private static final AffineMap WORLD_TO_ANATOMY = AffineMap.ofRowMajor3x4(1, 0, 0, 6, 0, 1, 0, -4, 0, 0, 1, 3);
    private final Map<Path, Volume> files = Map.of(
            FIXED, SyntheticHead.render(ImageGeometry.axisAligned(new int[] {40, 46, 30}, new double[] {5, 5, 6},
                    new double[] {-98, -112, -88}), new double[3], AffineMap.identity(), SyntheticHead.Contrast.MR, "mr"),
            MOVING, SyntheticHead.render(ImageGeometry.axisAligned(new int[] {44, 50, 32}, new double[] {4.5, 4.5, 5.5},
                    new double[] {-96, -110, -90}), new double[3], WORLD_TO_ANATOMY, SyntheticHead.Contrast.CT, "ct"));
    private final ImageFormats formats = ImageFormats.standard();
    private MainWindow window;
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, FxTaskRunner.create(), file -> {
            Volume v = files.get(file.getFileName()); // a reopened session names them by absolute path
            if (v == null) {
                throw new ImageIOException(file, ImageIOException.Problem.MISSING_FILE, "file does not exist");
            }
            return v;
        }, new EngineRegistrationService(RegistrationSettings.defaults().withLevels(2).withIterations(60)
                .withSamples(1500).withThreads(2)));
        stage.show();
    }

    @Test
    void aBSplineResultShowsItsFoldingCheckOverlayAndSavesItsWholeTransform(FxRobot robot) throws Exception {
        fx(() -> window.open(Role.FIXED, FIXED));
        fx(() -> window.open(Role.MOVING, MOVING));
        waitUntil(() -> window.session().fixed().isPresent() && window.session().moving().isPresent());
        CheckBox jacobian = robot.lookup("#showJacobian").queryAs(CheckBox.class);
        assertThat(jacobian.isDisabled()).as("no B-spline result yet").isTrue();
        // the command line's defaults, then a coarse grid to keep the test fast
        assertThat(robot.lookup("#bsplineGridSpacing").queryAs(TextField.class).getText()).isEqualTo("20");
        assertThat(robot.lookup("#bsplineBendingWeight").queryAs(TextField.class).getText()).isEqualTo("0");
        assertThat(robot.lookup("#bsplineBothWays").queryAs(CheckBox.class).isSelected()).as("coreg register's default")
                .isTrue();
        robot.interact(() -> {
            robot.lookup("#stageBspline").queryAs(CheckBox.class).setSelected(true);
            robot.lookup("#bsplineGridSpacing").queryAs(TextField.class).setText("60");
            robot.lookup("#bsplineBendingWeight").queryAs(TextField.class).setText("0.01");
            // one way halves the time; BSplineStageServiceTest covers both ways
            robot.lookup("#bsplineBothWays").queryAs(CheckBox.class).setSelected(false);
        });
        robot.clickOn("#register");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#registerStatus")
                .queryAs(Label.class).getText().startsWith("Finished")));
        assertThat(window.lastError()).isNull();

        Deformation d = fx(() -> window.session().deformation().orElseThrow());
        assertThat(d.affine()).isEqualTo(fx(() -> window.session().fixedToMoving()));
        assertThat(d.fixedToMoving().isLinear()).isFalse();
        assertThat(d.jacobian().geometry()).isEqualTo(fx(() -> window.session().fixed().orElseThrow().geometry()));
        // the rigid part finds the shift (the deformation adds little on this pair): 6, -4, 3 mm back
        double[] origin = d.affine().apply(0, 0, 0);
        assertThat(origin[0]).isCloseTo(-6, within(5.0));
        Label foldingLabel = robot.lookup("#foldingCheck").queryAs(Label.class);
        String folding = fx(() -> foldingLabel.isVisible() ? foldingLabel.getText() : "");
        assertThat(folding).contains(String.format(java.util.Locale.ROOT, "min %.3f", d.folding().min()))
                .contains("% of voxels <= 0").doesNotContain("Inverse consistency"); // one way: no such figure
        assertThat(d.folding().min()).isLessThanOrEqualTo(1.0).isGreaterThan(0);
        assertThat(d.folding().max()).isGreaterThanOrEqualTo(1.0);

        // the overlay: enabled now, and it changes the pixels of the view
        waitUntil(() -> !jacobian.isDisabled() && window.view(ViewPlane.AXIAL).isUpToDate());
        int[] plain = fx(() -> window.view(ViewPlane.AXIAL).currentSlice().argb().clone());
        robot.interact(() -> jacobian.setSelected(true));
        assertThat(fx(() -> window.session().jacobianShown())).isTrue();
        waitUntil(() -> window.view(ViewPlane.AXIAL).isUpToDate()
                && !Arrays.equals(plain, window.view(ViewPlane.AXIAL).currentSlice().argb()));
        robot.interact(() -> jacobian.setSelected(false));

        // the transform list names the result as a B-spline one, and exporting the entry writes the whole map
        var entry = fx(() -> window.session().transforms().entries().getLast());
        assertThat(entry.origin()).startsWith("registration: rigid + B-spline (grid 60 mm, bending 0.01)");
        assertThat(entry.fixedToMoving()).isEqualTo(d.affine());
        assertThat(entry.deformable()).isSameAs(d.fixedToMoving());
        robot.interact(() -> robot.lookup("#transformsPane").queryAs(javafx.scene.control.TitledPane.class)
                .setExpanded(true));
        WaitForAsyncUtils.waitForFxEvents();
        // the list shows it (its cells exist once the expanded pane has been laid out)
        waitUntil(() -> robot.lookup("#transformList").query().lookupAll(".list-cell").stream()
                .map(n -> ((javafx.scene.control.ListCell<?>) n).getText()).filter(t -> t != null
                        && t.contains("B-spline (grid 60 mm")).count() == 1);
        Path exported = dir.resolve("registration.h5");
        fx(() -> {
            window.transformPanel().setDialogs(new CannedTransformDialogs(null, exported, false));
            var list = robot.lookup("#transformList").queryAs(javafx.scene.control.ListView.class);
            list.getSelectionModel().clearSelection();
            list.getSelectionModel().select(entry);
            return null;
        });
        robot.clickOn("#exportTransform");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.lastError()).isNull();
        SpatialTransform whole = TransformFiles.read(exported);
        var grid = fx(() -> window.session().fixed().orElseThrow().geometry());
        for (int[] v : new int[][] {{20, 23, 15}, {12, 30, 10}}) {
            double[] p = grid.indexToWorld(v[0], v[1], v[2]);
            assertThat(whole.apply(p)).as("exported map at %s", Arrays.toString(v))
                    .containsExactly(d.fixedToMoving().apply(p), within(1e-9));
        }

        // the saved image went through the whole map, and its transform file holds it
        Path out = dir.resolve("ct-on-mr.nrrd");
        fx(() -> window.movingImage().saveResampled(out));
        waitUntil(() -> window.statusBar().notice().contains("ct-on-mr")); // not the export's notice above
        assertThat(window.lastError()).isNull();
        Path tfm = dir.resolve("ct-on-mr.tfm");
        assertThat(Files.readString(tfm)).contains("BSplineTransform").contains("B-spline");
        SpatialTransform read = TransformFiles.read(tfm);
        assertThat(read.direction()).isEqualTo(Direction.FIXED_TO_MOVING);
        Volume written = formats.read(out);
        var fixed = fx(() -> window.session().fixed().orElseThrow());
        var moving = fx(() -> window.session().moving().orElseThrow());
        for (int[] v : new int[][] {{20, 23, 15}, {12, 30, 10}, {27, 15, 19}}) {
            double[] p = fixed.geometry().indexToWorld(v[0], v[1], v[2]);
            assertThat(read.apply(p)).as("the file's map at %s", Arrays.toString(v))
                    .containsExactly(d.fixedToMoving().apply(p), within(1e-6));
            double[] at = moving.geometry().worldToIndex(d.fixedToMoving().apply(p));
            double expected = moving.linear(at[0], at[1], at[2]);
            // the moving image holds integers, and so does the resampled one: rounding only
            assertThat(written.realValue(v[0], v[1], v[2])).as("voxel %s", Arrays.toString(v))
                    .isCloseTo(expected, within(0.5 + 1e-3 * Math.abs(expected)));
        }

        // undo returns to the start: the deformation, its figures and its overlay go
        fx(() -> window.session().undo());
        assertThat(fx(() -> window.session().deformation())).isEmpty();
        assertThat(fx(foldingLabel::isVisible)).isFalse();
        assertThat(jacobian.isDisabled()).isTrue();
        // redo brings the result back with its deformation
        fx(() -> window.session().redo());
        assertThat(fx(() -> window.session().deformation())).contains(d);

        // a session save keeps the whole map beside the session file and says where
        fx(() -> window.sessionActions().save(dir.resolve("s.coreg.json")));
        assertThat(fx(() -> window.statusBar().notice())).contains("s.deformation.tfm");
        double[] probe = fixed.geometry().indexToWorld(20, 23, 15);
        assertThat(TransformFiles.read(dir.resolve("s.deformation.tfm")).apply(probe))
                .containsExactly(d.fixedToMoving().apply(probe), within(1e-9));

        // closed and opened again: the same deformation, its folding check in the panel
        fx(window.sessionActions()::newSession);
        assertThat(fx(() -> window.session().deformation())).isEmpty();
        fx(() -> window.sessionActions().open(dir.resolve("s.coreg.json")));
        waitUntil(() -> window.session().deformation().isPresent());
        assertThat(window.lastError()).isNull();
        Deformation reopened = fx(() -> window.session().deformation().orElseThrow());
        for (int[] v : new int[][] {{20, 23, 15}, {12, 30, 10}, {27, 15, 19}, {5, 40, 3}}) {
            double[] p = fixed.geometry().indexToWorld(v[0], v[1], v[2]);
            assertThat(reopened.fixedToMoving().apply(p)).as("reopened map at %s", Arrays.toString(v))
                    .containsExactly(d.fixedToMoving().apply(p), within(1e-6));
        }
        assertThat(reopened.folding().min()).isCloseTo(d.folding().min(), within(1e-9));
        waitUntil(foldingLabel::isVisible);
        assertThat(fx(foldingLabel::getText)).contains(String.format(java.util.Locale.ROOT, "min %.3f",
                d.folding().min()));

    }
}
