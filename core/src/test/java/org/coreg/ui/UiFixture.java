package org.coreg.ui;

import static org.coreg.ui.FxCalls.fx;
import static org.coreg.ui.FxCalls.waitUntil;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import javafx.geometry.Point2D;
import javafx.stage.Stage;
import org.coreg.app.Role;
import org.coreg.app.demo.SyntheticHead;
import org.coreg.app.render.ViewPlane;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;
import org.coreg.io.ImageIOException;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workstation set up for a UI test: volumes served from memory instead of files, a registration service that
 * refuses to run, opening a pair and waiting for the views, and where a world point shows on the screen.
 */
final class UiFixture {
    /** The name the synthetic MR of {@link #headPair()} is opened under. */
    static final Path FIXED = Path.of("fixed-mr.nii.gz");
    /** The name the synthetic CT of {@link #headPair()} is opened under. */
    static final Path MOVING = Path.of("moving-ct.mha");

    private UiFixture() {
    }

    /**
     * A synthetic head as MR at {@link #FIXED} (64 x 72 x 40 voxels of 3 x 3 x 5 mm) and as CT at {@link #MOVING}
     * (70 x 80 x 48 voxels of 2.7 x 2.7 x 4 mm), on axis-aligned grids with different origins, no motion between them.
     */
    static Map<Path, Volume> headPair() {
        return Map.of(
                FIXED, SyntheticHead.render(ImageGeometry.axisAligned(new int[] {64, 72, 40}, new double[] {3, 3, 5},
                        new double[] {-95, -105, -98}), new double[3], AffineMap.identity(), SyntheticHead.Contrast.MR,
                        "mr"),
                MOVING, SyntheticHead.render(ImageGeometry.axisAligned(new int[] {70, 80, 48},
                        new double[] {2.7, 2.7, 4}, new double[] {-93, -107, -95}), new double[3], AffineMap.identity(),
                        SyntheticHead.Contrast.CT, "ct"));
    }

    /**
     * Shows a main window on {@code stage} whose loader takes volumes from {@code volumes} (a missing one is a
     * MISSING_FILE error) and whose registration throws {@code UnsupportedOperationException(whyNoRegistration)}.
     */
    static MainWindow showWindow(Stage stage, Function<Path, Volume> volumes, String whyNoRegistration) {
        MainWindow window = new MainWindow(stage, FxTaskRunner.create(), file -> {
            Volume v = volumes.apply(file);
            if (v == null) {
                throw new ImageIOException(file, ImageIOException.Problem.MISSING_FILE, "file does not exist");
            }
            return v;
        }, (f, m, o, l, c) -> {
            throw new UnsupportedOperationException(whyNoRegistration);
        });
        stage.show();
        return window;
    }

    /** Opens {@code fixed} and {@code moving} in {@code window} and waits until both are loaded. */
    static void openBoth(MainWindow window, Path fixed, Path moving) throws Exception {
        fx(() -> window.open(Role.FIXED, fixed));
        fx(() -> window.open(Role.MOVING, moving));
        waitUntil(() -> window.session().fixed().isPresent() && window.session().moving().isPresent());
    }

    /**
     * Opens {@link #FIXED} and {@link #MOVING}, sets {@code fixedToMoving} (fixed LPS mm -> moving LPS mm) as the
     * session's transform and waits for the views to show it.
     */
    static void openPairWithTransform(MainWindow window, AffineMap fixedToMoving) throws Exception {
        openBoth(window, FIXED, MOVING);
        fx(() -> {
            window.session().setTransform(fixedToMoving);
            return null;
        });
        settle(window);
    }

    /** Waits for pending FX events and then for the views to show the session's state. */
    static void settle(MainWindow window) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> window.viewsUpToDate());
    }

    /** The screen position (pixels) at which {@code plane}'s view shows the world point {@code lps} (LPS mm). */
    static Point2D screenOfWorld(MainWindow window, ViewPlane plane, double[] lps) throws Exception {
        return fx(() -> {
            SliceView v = window.view(plane);
            double[] px = v.currentSlice().grid().toPixel(lps);
            double[] s = v.toScreen(px[0], px[1]);
            return v.localToScreen(s[0], s[1]);
        });
    }
}
