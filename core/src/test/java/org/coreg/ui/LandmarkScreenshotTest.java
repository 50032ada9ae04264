package org.coreg.ui;

import static org.coreg.ui.FxCalls.fx;
import static org.coreg.ui.FxCalls.waitUntil;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.coreg.app.Role;
import org.coreg.app.register.EngineRegistrationService;
import org.coreg.io.ImageFormats;
import org.coreg.io.points.PointFiles;
import org.coreg.points.PlanningPoint;
import org.coreg.points.PointList;
import org.coreg.points.Space;
import org.coreg.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Makes docs/images/landmarks.png (run by docs/make-landmark-screenshot.sh): the meat phantom's MR (fixed) and CT
 * (moving) from sample-data, the four gold markers of ../shared/data imported as landmark pairs, a real rigid
 * registration started from them, the Landmarks panel and the status badge. Skipped unless {@code coreg.screenshot}
 * names the PNG to write.
 */
@FxTest
@EnabledIfSystemProperty(named = "coreg.screenshot", matches = ".+")
class LandmarkScreenshotTest {
    private MainWindow window;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        ImageFormats formats = ImageFormats.standard();
        window = new MainWindow(stage, FxTaskRunner.create(), formats::read, new EngineRegistrationService());
        stage.show();
    }

    @Test
    void landmarkTableAndBadge(FxRobot robot) throws Exception {
        Path markers = SharedData.root().resolve("meat-phantom-ct-mr/gold-markers.csv");
        List<PlanningPoint> mr = new ArrayList<>();
        List<PlanningPoint> ct = new ArrayList<>();
        for (String line : Files.readAllLines(markers)) {
            if (line.startsWith("#") || line.startsWith("id")) {
                continue;
            }
            String[] f = line.split(",");
            ct.add(PlanningPoint.of("marker " + f[0], Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                    Double.parseDouble(f[3])));
            mr.add(PlanningPoint.of("marker " + f[0], Double.parseDouble(f[4]), Double.parseDouble(f[5]),
                    Double.parseDouble(f[6])));
        }
        Path fixedFile = dir.resolve("mr-markers.fcsv");
        Path movingFile = dir.resolve("ct-markers.fcsv");
        PointFiles.write(PointList.of("MR markers", Space.FIXED, mr), fixedFile);
        PointFiles.write(PointList.of("CT markers", Space.MOVING, ct), movingFile);

        fx(() -> window.open(Role.FIXED, Path.of("sample-data/meat-mr-t2.mha")));
        fx(() -> window.open(Role.MOVING, Path.of("sample-data/meat-ct.mha")));
        waitUntil(() -> window.session().fixed().isPresent() && window.session().moving().isPresent());
        fx(() -> {
            window.landmarksPanel().importFrom(fixedFile, movingFile);
            return null;
        });
        assertThat(fx(() -> window.session().landmarks())).hasSize(4);
        robot.clickOn("#register");
        WaitForAsyncUtils.waitFor(50, java.util.concurrent.TimeUnit.SECONDS, () -> fx(
                () -> window.session().verdict().isPresent()));
        fx(() -> {
            ((TitledPane) window.stage().getScene().lookup("#landmarksPane")).setExpanded(true);
            ((ToggleButton) window.stage().getScene().lookup("#modeLandmarks")).setSelected(true);
            window.session().setCursor(window.session().landmarks().get(2).fixedLps());
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> window.viewsUpToDate());
        Thread.sleep(500); // the accordion's expansion animation
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> ((Label) window.stage().getScene().lookup("#qualityBadge")).getText()))
                .matches("(OK|UNCERTAIN|FAILED).*");
        assertThat(fx(() -> ((Button) window.stage().getScene().lookup("#alignLandmarks")).isDisabled())).isFalse();
        WritableImage shot = fx(() -> window.stage().getScene().snapshot(null));
        int w = (int) shot.getWidth();
        int h = (int) shot.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] argb = new int[w * h];
        shot.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
        out.setRGB(0, 0, w, h, argb, 0, w);
        Path png = Path.of(System.getProperty("coreg.screenshot"));
        ImageIO.write(out, "png", png.toFile());
        assertThat(Files.size(png)).isPositive();
    }
}
