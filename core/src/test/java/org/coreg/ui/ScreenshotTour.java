package org.coreg.ui;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.coreg.app.Role;
import org.coreg.app.register.EngineRegistrationService;
import org.coreg.io.ImageFormats;
import org.coreg.points.PlanningPoint;

/**
 * Makes the documentation's screenshots from the real workstation window (run under Xvfb by docs/make-screenshot.sh;
 * not a test): the sample pair opened, registered with the real engine (rigid + similarity) in the Register panel,
 * planning points in their table, the unsaved-changes dialog, and a B-spline stage on top of the result with its
 * folding check and Jacobian-determinant overlay. Each PNG is a snapshot of the window's (or the
 * dialog's) scene as drawn on screen. Arguments: OUT_DIR FIXED MOVING.
 */
public final class ScreenshotTour extends Application {
    @Override
    public void start(Stage stage) {
        List<String> args = getParameters().getRaw();
        Path out = Path.of(args.get(0));
        MainWindow window = new MainWindow(stage, FxTaskRunner.create(), ImageFormats.standard()::read,
                new EngineRegistrationService());
        stage.setWidth(1560);
        stage.setHeight(940);
        stage.show();
        window.open(Role.FIXED, Path.of(args.get(1)));
        window.open(Role.MOVING, Path.of(args.get(2)));
        Thread tour = new Thread(() -> {
            try {
                run(window, stage, out);
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                Platform.exit();
                System.exit(0);
            }
        }, "screenshot-tour");
        tour.setDaemon(true);
        tour.start();
    }

    private static void run(MainWindow window, Stage stage, Path out) throws Exception {
        Files.createDirectories(out);
        waitFor(() -> window.session().fixed().isPresent() && window.session().moving().isPresent()
                && window.viewsUpToDate(), 60);
        Thread.sleep(1500);
        snap(stage.getScene(), out.resolve("workstation.png"));

        fx(() -> {
            CheckBox similarity = (CheckBox) stage.getScene().lookup("#stageSimilarity");
            similarity.setSelected(true);
            ((javafx.scene.control.Button) stage.getScene().lookup("#register")).fire();
        });
        waitFor(() -> ((Label) stage.getScene().lookup("#registerStatus")).getText().startsWith("Finished"), 300);
        waitFor(window::viewsUpToDate, 30);
        Thread.sleep(1500);
        snap(stage.getScene(), out.resolve("register-panel.png"));

        fx(() -> {
            double[] c = window.session().cursor();
            window.session().setPoints(List.of(
                    new PlanningPoint("target", new double[] {c[0] + 12.5, c[1] - 8.25, c[2]}, "lesion centre", false),
                    new PlanningPoint("entry", new double[] {c[0] - 30.75, c[1] + 20.5, c[2] + 4}, "burr hole", false),
                    new PlanningPoint("marker-3", new double[] {c[0] + 2, c[1] + 41.125, c[2] - 6.5}, "", true)));
            // the accordion sits in a VBox under the quality badge now: expand the pane itself
            ((TitledPane) stage.getScene().lookup("#pointsPane")).setExpanded(true);
        });
        waitFor(window::viewsUpToDate, 30);
        Thread.sleep(1500);
        snap(stage.getScene(), out.resolve("points-table.png"));

        CountDownLatch shown = new CountDownLatch(1);
        javafx.scene.control.Alert[] dialog = new javafx.scene.control.Alert[1];
        fx(() -> {
            // File > New session with unsaved work asks first (modeless here, so the tour can photograph it)
            dialog[0] = window.sessionActions().unsavedChangesDialogFor("starting a new session");
            dialog[0].setOnShown(e -> shown.countDown());
            dialog[0].show();
        });
        shown.await(10, TimeUnit.SECONDS);
        Thread.sleep(1000);
        snap(dialog[0].getDialogPane().getScene(), out.resolve("dialog-unsaved-changes.png"));

        // a B-spline stage on top of the result: the folding check in the panel, the determinant over the views
        fx(() -> {
            dialog[0].close();
            window.session().setPoints(List.of());
            ((TitledPane) stage.getScene().lookup("#registerPane")).setExpanded(true);
            ((CheckBox) stage.getScene().lookup("#stageSimilarity")).setSelected(false);
            ((CheckBox) stage.getScene().lookup("#stageBspline")).setSelected(true);
            ((javafx.scene.control.Button) stage.getScene().lookup("#register")).fire();
        });
        waitFor(() -> ((Label) stage.getScene().lookup("#registerStatus")).getText().startsWith("Finished")
                && window.session().deformation().isPresent(), 400);
        fx(() -> ((CheckBox) stage.getScene().lookup("#showJacobian")).setSelected(true));
        waitFor(window::viewsUpToDate, 30);
        Thread.sleep(1500);
        snap(stage.getScene(), out.resolve("register-panel-bspline.png"));

        // the transform list names that result as a B-spline one (and keeps its whole map)
        fx(() -> ((TitledPane) stage.getScene().lookup("#transformsPane")).setExpanded(true));
        Thread.sleep(1500);
        snap(stage.getScene(), out.resolve("transform-list.png"));
    }

    private static void fx(Runnable r) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                r.run();
            } finally {
                done.countDown();
            }
        });
        done.await(30, TimeUnit.SECONDS);
    }

    private static void waitFor(BooleanSupplier condition, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            boolean[] ok = new boolean[1];
            fx(() -> ok[0] = condition.getAsBoolean());
            if (ok[0]) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("timed out waiting for the window");
    }

    private static void snap(Scene scene, Path file) throws Exception {
        WritableImage[] img = new WritableImage[1];
        fx(() -> img[0] = scene.snapshot(null));
        PixelReader r = img[0].getPixelReader();
        int w = (int) img[0].getWidth();
        int h = (int) img[0].getHeight();
        BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                b.setRGB(x, y, r.getArgb(x, y));
            }
        }
        ImageIO.write(b, "png", file.toFile());
        System.out.println("wrote " + file);
    }

    public static void main(String[] args) {
        launch(ScreenshotTour.class, args);
    }
}
