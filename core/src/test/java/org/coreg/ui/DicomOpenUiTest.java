package org.coreg.ui;

import static org.coreg.ui.FxCalls.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.coreg.app.Role;
import org.coreg.app.load.SeriesRow;
import org.coreg.image.ImageGeometry;
import org.coreg.io.ImageFormats;
import org.coreg.io.dicom.SyntheticSeries;
import org.coreg.io.dicom.TransferSyntax;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Opening a DICOM folder through the series chooser, with the folder injected instead of a native chooser. */
@FxTest
class DicomOpenUiTest {
    private static final double[] AXIAL = {1, 0, 0, 0, 1, 0};

    @TempDir
    Path dir;

    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, FxTaskRunner.create(), ImageFormats.standard()::read,
                (f, m, o, l, c) -> {
                    throw new IllegalStateException("no registration in this test");
                });
        stage.show();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(condition));
    }

    private static int value(int i, int j, int k) {
        return 500 + i + 30 * j + 700 * k;
    }

    @SuppressWarnings("unchecked")
    private TableView<SeriesRow> seriesTable(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#seriesTable").tryQuery().isPresent());
        return robot.lookup("#seriesTable").queryAs(TableView.class);
    }

    @Test
    void theChosenSeriesOfATwoSeriesFolderOpensAsFixedWithItsGeometry(FxRobot robot) throws Exception {
        SyntheticSeries.write(dir.resolve("a"), TransferSyntax.EXPLICIT_LE, "1.2.826.0.1.3680043.9.2.1",
                SyntheticSeries.line(new double[] {-12, 8, 40}, new double[] {0, 0, 3}, 5), AXIAL,
                new double[] {0.7, 0.6}, 18, 22, DicomOpenUiTest::value);
        SyntheticSeries.write(dir.resolve("b"), TransferSyntax.EXPLICIT_LE, "1.2.826.0.1.3680043.9.2.2",
                SyntheticSeries.line(new double[] {0, 0, 0}, new double[] {0, 0, 1}, 8), AXIAL,
                new double[] {1, 1}, 10, 10, DicomOpenUiTest::value);
        java.nio.file.Files.writeString(dir.resolve("DICOMDIR.txt"), "not an image");

        fx(() -> {
            window.dicom().openFolder(Role.FIXED, dir);
            return null;
        });
        TableView<SeriesRow> table = seriesTable(robot);
        assertThat(fx(() -> table.getItems().stream().map(SeriesRow::size).toList()))
                .containsExactly("10 x 10 x 8", "22 x 18 x 5");
        assertThat(robot.lookup("#skippedNotes").queryAs(TextArea.class).getText()).contains("DICOMDIR.txt");
        robot.clickOn("22 x 18 x 5");
        assertThat(fx(() -> table.getSelectionModel().getSelectedIndex())).isEqualTo(1);
        robot.clickOn("Open as fixed");

        waitUntil(() -> window.session().fixed().isPresent());
        ImageGeometry g = fx(() -> window.session().fixed().orElseThrow().geometry());
        assertThat(g.size()).containsExactly(22, 18, 5);
        assertThat(g.spacing()).containsExactly(new double[] {0.6, 0.7, 3}, within(1e-9));
        assertThat(g.origin()).containsExactly(new double[] {-12, 8, 40}, within(1e-9));
        assertThat(fx(() -> window.session().fixed().orElseThrow().source().realValue(4, 7, 2)))
                .isEqualTo(value(4, 7, 2) - 1024.0);
        assertThat(fx(() -> window.session().moving().isPresent())).isFalse();
        assertThat(window.lastError()).isNull();
    }

    @Test
    void theFileMenuOffersDicomFoldersForBothRoles(FxRobot robot) throws Exception {
        javafx.scene.control.MenuBar bar = robot.lookup("#menuBar").queryAs(javafx.scene.control.MenuBar.class);
        assertThat(fx(() -> bar.getMenus().getFirst().getItems().stream()
                .map(javafx.scene.control.MenuItem::getText).toList()))
                .containsSubsequence("Open fixed...", "Open moving...", "Open DICOM folder as fixed...",
                        "Open DICOM folder as moving...", "Quit");
    }

    @Test
    void aSeriesWithAMissingSliceOpensAsMovingAfterAgreeingToResample(FxRobot robot) throws Exception {
        double[][] z = {{0, 0, 0}, {0, 0, 2.5}, {0, 0, 5}, {0, 0, 10}};
        SyntheticSeries.write(dir, TransferSyntax.EXPLICIT_LE, "1.2.826.0.1.3680043.9.2.3", z, AXIAL,
                new double[] {1, 1}, 12, 12, DicomOpenUiTest::value);
        fx(() -> {
            window.dicom().openFolder(Role.MOVING, dir);
            return null;
        });
        seriesTable(robot);
        robot.clickOn("Open as moving");
        waitUntil(() -> robot.lookup("#readChoiceQuestion").tryQuery().isPresent());
        assertThat(robot.lookup("#readChoiceQuestion").queryAs(Label.class).getText())
                .contains("not evenly spaced").contains("uniform grid of 2.500 mm");
        assertThat(fx(() -> window.session().moving().isPresent())).as("not before the user agrees").isFalse();
        robot.clickOn("Resample onto a uniform grid");

        waitUntil(() -> window.session().moving().isPresent());
        ImageGeometry g = fx(() -> window.session().moving().orElseThrow().geometry());
        assertThat(g.size()).containsExactly(12, 12, 5);
        assertThat(g.spacing()[2]).isCloseTo(2.5, within(1e-9));
        assertThat(window.lastError()).isNull();
    }

    @Test
    void aFolderWithoutDicomIsAPlainErrorAndOpensNothing(FxRobot robot) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("scan.txt"), "text");
        fx(() -> {
            window.dicom().openFolder(Role.FIXED, dir);
            return null;
        });
        waitUntil(() -> window.lastError() != null);
        assertThat(window.lastError()).contains("no DICOM image series found").contains("scan.txt")
                .doesNotContain("Exception");
        assertThat(robot.lookup("#errorMessage").queryAs(Label.class).getText()).isEqualTo(window.lastError());
        assertThat(fx(() -> window.session().fixed().isPresent())).isFalse();
    }
}
