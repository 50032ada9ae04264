package org.coreg.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.coreg.app.Role;
import org.coreg.app.demo.SyntheticHead;
import org.coreg.app.register.EngineRegistrationService;
import org.coreg.app.render.SampledVolume;
import org.coreg.app.render.WindowPreset;
import org.coreg.app.task.ExecutorTaskRunner;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.io.ImageFormats;

/**
 * The workstation's entry point. Arguments: {@code --fixed FILE}, {@code --moving FILE}, {@code --demo} (a
 * synthetic CT/MR head pair), {@code --overlay MODE}, {@code --session FILE}. A recovery file autosaved by a run that
 * did not exit cleanly is offered for restoring first. Without arguments it opens {@code sample-data/meat-mr-t2.mha} (fixed) and
 * {@code sample-data/meat-ct.mha} (moving) if they exist, else the synthetic pair.
 */
public final class CoregApp extends Application {
    private ExecutorTaskRunner tasks;
    private Thread terminationHook;

    @Override
    public void start(Stage stage) {
        tasks = FxTaskRunner.create();
        ImageFormats formats = ImageFormats.standard();
        MainWindow window = new MainWindow(stage, tasks, formats::read, new EngineRegistrationService());
        stage.show();
        LaunchArguments args = LaunchArguments.parse(getParameters().getRaw());
        if (args.problem() != null) {
            ErrorDialogs.show(stage, args.problem());
            return;
        }
        if (args.overlay() != null) {
            window.session().setFusion(window.session().fusion().withMode(args.overlay()));
        }
        Path recovery = SessionActions.defaultRecoveryFile();
        boolean restoring = window.sessionActions().offerRecovery(recovery);
        window.sessionActions().startAutosave(recovery);
        // SIGTERM: autosave (at most 1 s), then let the JVM end; a clean exit removes the hook in stop()
        terminationHook = new Thread(window.sessionActions().autosaveOnTermination(1000), "coreg-autosave-on-exit");
        Runtime.getRuntime().addShutdownHook(terminationHook);
        if (restoring) {
            return;
        }
        if (args.session() != null) {
            window.sessionActions().open(args.session());
            return;
        }
        if (args.demo() || (args.fixed() == null && args.moving() == null && !sampleDataPresent())) {
            loadDemo(window);
            return;
        }
        Path fixed = args.fixed() != null ? args.fixed() : args.moving() == null ? SAMPLE_FIXED : null;
        Path moving = args.moving() != null ? args.moving() : args.fixed() == null ? SAMPLE_MOVING : null;
        if (fixed != null) {
            window.open(Role.FIXED, fixed);
        }
        if (moving != null) {
            window.open(Role.MOVING, moving);
        }
    }

    private static final Path SAMPLE_FIXED = Path.of("sample-data", "meat-mr-t2.mha");
    private static final Path SAMPLE_MOVING = Path.of("sample-data", "meat-ct.mha");

    private static boolean sampleDataPresent() {
        return Files.isRegularFile(SAMPLE_FIXED) && Files.isRegularFile(SAMPLE_MOVING);
    }

    /** A synthetic MR (fixed) and CT (moving, rotated 8° and shifted) of the same head. */
    static void loadDemo(MainWindow window) {
        ImageGeometry mrGrid = ImageGeometry.axisAligned(new int[] {160, 192, 100}, new double[] {1.2, 1.2, 2.0},
                new double[] {-95, -115, -99});
        ImageGeometry ctGrid = ImageGeometry.axisAligned(new int[] {180, 220, 120}, new double[] {1.0, 1.0, 1.6},
                new double[] {-90, -110, -95});
        double[] c = {0, 0, 0};
        // the CT patient is turned 8 degrees about S and shifted: the pre-aligned answer is not the identity
        double a = Math.toRadians(8);
        AffineMap motion = AffineMap.ofRowMajor3x4(Math.cos(a), -Math.sin(a), 0, 6, Math.sin(a), Math.cos(a), 0, -4,
                0, 0, 1, 3);
        window.workstation().tasks().submit("Making demo data", (p, cancel) -> {
            p.progress(0.1, "Synthetic MR");
            var mr = SampledVolume.of(SyntheticHead.render(mrGrid, c, AffineMap.identity(), SyntheticHead.Contrast.MR,
                    "demo-mr"));
            p.progress(0.5, "Synthetic CT");
            var ct = SampledVolume.of(SyntheticHead.render(ctGrid, c, motion, SyntheticHead.Contrast.CT, "demo-ct"));
            return List.of(mr, ct);
        }, org.coreg.app.task.TaskCallbacks.of(v -> {
            window.session().setFixed(v.get(0));
            window.session().setMoving(v.get(1));
            window.session().setMovingWindow(WindowPreset.CT_SOFT_TISSUE.windowFor(v.get(1)));
        }, e -> ErrorDialogs.show(window.stage(), org.coreg.app.UserMessages.describe(e))));
    }

    @Override
    public void stop() {
        if (terminationHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(terminationHook);
            } catch (IllegalStateException e) {
                // already shutting down (SIGTERM): the hook is running
            }
        }
        if (tasks != null) {
            tasks.shutdown();
        }
        Platform.exit();
    }

    public static void main(String[] args) {
        launch(CoregApp.class, args);
    }
}
