package org.coreg.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.coreg.ui.FxCalls.fx;
import static org.coreg.ui.FxCalls.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.coreg.app.Role;
import org.coreg.app.demo.SyntheticHead;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;
import org.coreg.io.ImageFormats;
import org.coreg.io.dicom.SyntheticSeries;
import org.coreg.io.dicom.TransferSyntax;
import org.coreg.io.transform.TransformFiles;
import org.coreg.points.PlanningPoint;
import org.coreg.transform.AffineTransform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workstation used every day: a DICOM session saved, closed and reopened in a new window; autosave after a save;
 * Open and New with unsaved work; the resampled moving image saved with its transform.
 */
@FxTest
class DailyUseUiTest {
    private static final double[] AXIAL = {1, 0, 0, 0, 1, 0};
    private final ImageFormats formats = ImageFormats.standard();

    @TempDir
    Path dir;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = newWindow(stage);
        stage.show();
    }

    private MainWindow newWindow(Stage stage) {
        return new MainWindow(stage, FxTaskRunner.create(), formats::read, (f, m, o, l, c) -> {
            throw new IllegalStateException("no registration in this test");
        });
    }

    private static int value(int i, int j, int k) {
        return 500 + i + 30 * j + 700 * k;
    }

    private static DialogPane visible(FxRobot robot, String id) throws Exception {
        waitUntil(() -> robot.lookup(id).match(Node::isVisible).tryQuery().isPresent());
        return robot.lookup(id).match(Node::isVisible).queryAs(DialogPane.class);
    }

    /** Two image files on one 4 mm grid (so a shift of whole voxels resamples without interpolation). */
    private void openPair() throws Exception {
        ImageGeometry grid = ImageGeometry.axisAligned(new int[] {24, 26, 20}, new double[] {4, 4, 4},
                new double[] {-46, -50, -38});
        Path mr = dir.resolve("mr.nii.gz");
        Path ct = dir.resolve("ct.mha");
        formats.write(SyntheticHead.render(grid, new double[3], AffineMap.identity(), SyntheticHead.Contrast.MR,
                "mr"), mr);
        formats.write(SyntheticHead.render(grid, new double[] {3, -2, 1}, AffineMap.identity(),
                SyntheticHead.Contrast.CT, "ct"), ct);
        fx(() -> window.open(Role.FIXED, mr));
        fx(() -> window.open(Role.MOVING, ct));
        waitUntil(() -> window.session().fixed().isPresent() && window.session().moving().isPresent());
    }

    @Test
    void aDicomSessionIsSavedClosedAndReopenedInANewWindow(FxRobot robot) throws Exception {
        Path dicom = dir.resolve("dicom");
        SyntheticSeries.write(dicom.resolve("mr"), TransferSyntax.EXPLICIT_LE, "1.2.826.0.1.3680043.9.8.1",
                SyntheticSeries.line(new double[] {-12, 8, 40}, new double[] {0, 0, 3}, 5), AXIAL,
                new double[] {0.7, 0.6}, 18, 22, DailyUseUiTest::value);
        SyntheticSeries.write(dicom.resolve("ct"), TransferSyntax.EXPLICIT_LE, "1.2.826.0.1.3680043.9.8.2",
                new double[][] {{-10, 6, 38}, {-10, 6, 40.5}, {-10, 6, 43}, {-10, 6, 48}}, AXIAL,
                new double[] {1, 1}, 12, 12, DailyUseUiTest::value);
        fx(() -> {
            window.dicom().openFolder(Role.FIXED, dicom);
            return null;
        });
        waitUntil(() -> robot.lookup("#seriesTable").tryQuery().isPresent());
        robot.clickOn("22 x 18 x 5");
        robot.clickOn("Open as fixed");
        waitUntil(() -> window.session().fixed().isPresent());
        fx(() -> {
            window.dicom().openFolder(Role.MOVING, dicom.resolve("ct"));
            return null;
        });
        waitUntil(() -> robot.lookup("#seriesTable").match(Node::isVisible).tryQuery().isPresent());
        robot.clickOn("Open as moving");
        waitUntil(() -> robot.lookup("#readChoiceQuestion").tryQuery().isPresent());
        robot.clickOn("Resample onto a uniform grid");
        waitUntil(() -> window.session().moving().isPresent());
        AffineMap t = AffineMap.ofRowMajor3x4(1, 0, 0, 1.5, 0, 1, 0, -2, 0, 0, 1, 0.5);
        Path file = dir.resolve("case.coreg.json");
        assertThat(fx(() -> {
            window.session().setTransform(t);
            window.session().setPoints(List.of(PlanningPoint.of("entry", -5, 12, 44)));
            return window.sessionActions().save(file);
        })).isTrue();
        String text = Files.readString(file);
        assertThat(text).contains("\"dicomFolder\": \"dicom\"").contains("\"dicomFolder\": \"dicom/ct\"")
                .contains("\"seriesUid\": \"1.2.826.0.1.3680043.9.8.2\"").contains("\"resampleUneven\": true")
                .doesNotContain("\"path\": null");
        assertThat(fx(() -> window.stage().getTitle())).contains("fixed 'dicom").contains("moving 'ct")
                .contains("case.coreg.json").doesNotContain("*");
        Volume fixedBefore = fx(() -> window.session().fixed().orElseThrow().source());
        Volume movingBefore = fx(() -> window.session().moving().orElseThrow().source());
        fx(() -> {
            window.stage().close();
            return null;
        });

        MainWindow reopened = fx(() -> {
            Stage stage = new Stage();
            MainWindow w = newWindow(stage);
            stage.show();
            w.sessionActions().open(file);
            return w;
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> reopened.session().moving().isPresent()));
        assertThat(reopened.lastError()).isNull();
        Volume f = fx(() -> reopened.session().fixed().orElseThrow().source());
        Volume m = fx(() -> reopened.session().moving().orElseThrow().source());
        assertThat(f.geometry()).isEqualTo(fixedBefore.geometry());
        assertThat(m.geometry()).isEqualTo(movingBefore.geometry());
        assertThat(m.geometry().size()).containsExactly(12, 12, 5); // resampled at 2.5 mm again
        assertThat(f.realValue(4, 7, 2)).isEqualTo(value(4, 7, 2) - 1024.0);
        assertThat(m.realValue(3, 4, 4)).isEqualTo(movingBefore.realValue(3, 4, 4));
        assertThat(fx(() -> reopened.session().fixedToMoving())).isEqualTo(t);
        assertThat(fx(() -> reopened.session().points())).extracting(PlanningPoint::label).containsExactly("entry");
        fx(() -> {
            reopened.stage().close();
            return null;
        });
    }

    @Test
    void saveClearsTheAutosaveAndTheNextStartOffersOnlyNewerWork(FxRobot robot) throws Exception {
        openPair();
        Path recovery = dir.resolve("home/recovery.coreg.json");
        Path file = dir.resolve("saved.coreg.json");
        fx(() -> {
            window.sessionActions().startAutosave(recovery);
            window.session().setPoints(List.of(PlanningPoint.of("a", 1, 2, 3)));
            window.sessionActions().autosaveNow();
            return null;
        });
        assertThat(recovery).exists();
        assertThat(fx(() -> window.sessionActions().save(file))).isTrue();
        assertThat(recovery).as("the saved file is the latest work").doesNotExist();
        fx(() -> {
            window.session().setPoints(List.of(PlanningPoint.of("a", 1, 2, 3), PlanningPoint.of("b", 4, 5, 6)));
            window.sessionActions().autosaveNow();
            return null;
        });
        assertThat(recovery).exists();
        // the process dies; the next start offers the newer work and says how it differs
        Future<Boolean> offered = WaitForAsyncUtils.asyncFx(() -> window.sessionActions().offerRecovery(recovery));
        DialogPane offer = visible(robot, "#recoveryOffer");
        assertThat(((Label) offer.getContent()).getText()).contains("holds 2 planning points")
                .contains("saved.coreg.json, last saved at").contains("holds 1 planning point");
        robot.clickOn(offer.lookupButton(offer.getButtonTypes().stream()
                .filter(b -> b.getText().equals("Discard")).findFirst().orElseThrow()));
        assertThat(offered.get(10, TimeUnit.SECONDS)).isFalse();
        assertThat(recovery).doesNotExist();
    }

    @Test
    void openAndNewAskBeforeDiscardingUnsavedWork(FxRobot robot) throws Exception {
        openPair();
        Path file = dir.resolve("other.coreg.json");
        fx(() -> {
            window.session().setPoints(List.of(PlanningPoint.of("saved", 1, 1, 1)));
            return window.sessionActions().save(file);
        });
        fx(() -> {
            window.session().setPoints(List.of(PlanningPoint.of("unsaved", 2, 2, 2)));
            return null;
        });
        Future<Object> cancelled = WaitForAsyncUtils.asyncFx(() -> window.sessionActions().openAsking(file));
        robot.clickOn(visible(robot, "#unsavedChanges").lookupButton(ButtonType.CANCEL));
        assertThat(cancelled.get(10, TimeUnit.SECONDS)).isNull();
        assertThat(fx(() -> window.session().points())).extracting(PlanningPoint::label).containsExactly("unsaved");

        Future<Boolean> notNew = WaitForAsyncUtils.asyncFx(() -> window.sessionActions().newSession());
        DialogPane ask = visible(robot, "#unsavedChanges");
        assertThat(((Label) ask.getContent()).getText()).contains("before starting a new session");
        robot.clickOn(ask.lookupButton(ButtonType.CANCEL));
        assertThat(notNew.get(10, TimeUnit.SECONDS)).isFalse();
        assertThat(fx(() -> window.session().fixed().isPresent())).isTrue();

        Future<Object> opened = WaitForAsyncUtils.asyncFx(() -> window.sessionActions().openAsking(file));
        robot.clickOn(visible(robot, "#unsavedChanges").lookupButton(SessionActions.DISCARD));
        assertThat(opened.get(10, TimeUnit.SECONDS)).isNotNull();
        waitUntil(() -> window.session().points().size() == 1 && window.session().points().getFirst().label()
                .equals("saved"));

        assertThat(fx(() -> window.sessionActions().newSession())).as("nothing unsaved: no question").isTrue();
        assertThat(fx(() -> window.session().fixed().isPresent() || window.session().moving().isPresent()))
                .isFalse();
        assertThat(fx(() -> window.session().points())).isEmpty();
        assertThat(fx(() -> window.stage().getTitle())).isEqualTo("Coreg");
    }

    @Test
    void theResampledMovingImageIsSavedWithItsTransform(FxRobot robot) throws Exception {
        openPair();
        AffineMap shift = AffineMap.ofRowMajor3x4(1, 0, 0, 8, 0, 1, 0, -4, 0, 0, 1, 4); // (2, -1, 1) voxels
        fx(() -> {
            window.session().setTransform(shift);
            return null;
        });
        Path out = dir.resolve("out/ct-on-mr.nrrd");
        Files.createDirectories(out.getParent());
        fx(() -> window.movingImage().saveResampled(out));
        waitUntil(() -> !window.statusBar().notice().isEmpty());
        assertThat(window.lastError()).isNull();
        Path tfm = dir.resolve("out/ct-on-mr.tfm");
        assertThat(fx(() -> window.statusBar().notice())).contains("ct-on-mr.nrrd").contains("ct-on-mr.tfm");
        Volume written = formats.read(out);
        Volume fixed = fx(() -> window.session().fixed().orElseThrow().source());
        Volume moving = fx(() -> window.session().moving().orElseThrow().source());
        assertThat(written.geometry()).isEqualTo(fixed.geometry());
        // fixed voxel (i, j, k) is at moving voxel (i + 2, j - 1, k + 1): same grid, shifted by whole voxels
        for (int[] v : new int[][] {{5, 6, 7}, {12, 13, 10}, {20, 3, 15}}) {
            assertThat(written.realValue(v[0], v[1], v[2])).as("voxel %s", java.util.Arrays.toString(v))
                    .isCloseTo(moving.realValue(v[0] + 2, v[1] - 1, v[2] + 1), within(1e-3));
        }
        var t = (AffineTransform) TransformFiles.read(tfm);
        assertThat(t.map().maxAbsDifference(shift)).isLessThan(1e-12);
        assertThat(t.direction()).isEqualTo(org.coreg.transform.Direction.FIXED_TO_MOVING);
        assertThat(Files.readString(tfm)).contains("resampled onto the fixed grid");
    }

    @Test
    void aHardenedSessionReopensAndTheHardenedImageIsSavedWithItsTransform(FxRobot robot) throws Exception {
        openPair();
        window.transformPanel().setDialogs(new CannedTransformDialogs(null, null, true));
        AffineMap rigid = AffineMap.ofRowMajor3x4(1, 0, 0, 6, 0, 1, 0, -2, 0, 0, 1, 3);
        fx(() -> {
            window.session().setTransform(rigid);
            window.session().transforms().add("Manual", rigid, "manual alignment");
            return null;
        });
        robot.clickOn("#transformsPane");
        WaitForAsyncUtils.sleep(600, TimeUnit.MILLISECONDS); // the pane slides open
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        var list = (javafx.scene.control.ListView<org.coreg.app.session.TransformLibrary.Entry>)
                robot.lookup("#transformList").query();
        robot.interact(() -> list.getSelectionModel().select(0));
        var before = fx(() -> window.session().moving().orElseThrow());
        robot.clickOn("#hardenTransform");
        waitUntil(() -> window.session().moving().orElseThrow() != before);
        assertThat(window.lastError()).isNull();
        Volume hardened = fx(() -> window.session().moving().orElseThrow().source());

        Path file = dir.resolve("hardened.coreg.json");
        assertThat(fx(() -> window.sessionActions().save(file))).isTrue();
        assertThat(Files.readString(file)).contains("\"path\": \"ct.mha\"").contains("\"hardenedBy\"");
        Path image = dir.resolve("ct-hardened.mha");
        fx(() -> window.movingImage().saveHardened(image));
        waitUntil(() -> window.statusBar().notice().contains("ct-hardened.tfm"));
        assertThat(formats.read(image).geometry().approximatelyEquals(hardened.geometry(), 1e-6)).isTrue();
        var t = (AffineTransform) TransformFiles.read(dir.resolve("ct-hardened.tfm"));
        assertThat(t.map().maxAbsDifference(rigid)).isLessThan(1e-12);

        MainWindow reopened = fx(() -> {
            Stage stage = new Stage();
            MainWindow w = newWindow(stage);
            stage.show();
            w.sessionActions().open(file);
            return w;
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> reopened.session().moving().isPresent()));
        assertThat(reopened.lastError()).isNull();
        var g = fx(() -> reopened.session().moving().orElseThrow().geometry());
        assertThat(g.approximatelyEquals(hardened.geometry(), 1e-9)).isTrue();
        assertThat(fx(() -> reopened.session().fixedToMoving().maxAbsDifference(AffineMap.identity())))
                .as("the hardened transform is the identity for the hardened volume").isLessThan(1e-12);
        fx(() -> {
            reopened.stage().close();
            return null;
        });
    }
}
