package org.coreg.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Accordion;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.coreg.app.Role;
import org.coreg.app.VolumeLoader;
import org.coreg.app.Workstation;
import org.coreg.app.register.RegistrationService;
import org.coreg.app.render.ViewPlane;
import org.coreg.app.session.Session;
import org.coreg.app.task.TaskHandle;
import org.coreg.app.task.TaskRunner;

/**
 * The workstation window: menu and tool bar, three orthogonal views sharing one crosshair, the pre-align and
 * register panels, and the status bar. Builds the {@link Workstation} use cases over one {@link Session}.
 */
public final class MainWindow {
    private final Stage stage;
    private final Session session = new Session();
    private final Workstation workstation;
    private final DicomOpenAction dicom;
    private final Map<ViewPlane, SliceView> views = new EnumMap<>(ViewPlane.class);
    private final Map<ViewPlane, SliceSlider> sliders = new EnumMap<>(ViewPlane.class);
    private final DisplayControls controls;
    private final GridPane viewGrid = new GridPane();
    private final BorderPane root = new BorderPane();
    private String lastError;
    private ViewPlane maximised;
    private final TransformPanel transformPanel;
    private final PointsPanel pointsPanel;
    private final LandmarksPanel landmarksPanel;
    private final SessionActions sessionActions;
    private final StatusBar statusBar;
    private final MovingImageActions movingImage;
    private final LayoutMemory layout = LayoutMemory.user();
    private org.coreg.app.render.SampledVolume lastFixed;

    public MainWindow(Stage stage, TaskRunner tasks, VolumeLoader loader, RegistrationService registration) {
        this.stage = stage;
        this.workstation = new Workstation(session, tasks, loader, registration, this::showError);
        this.dicom = new DicomOpenAction(stage, new org.coreg.app.load.DicomImport(session, tasks, this::showError,
                (volume, source) -> workstation.rememberSource(volume, source)));
        this.controls = new DisplayControls(session);
        this.sessionActions = new SessionActions(stage, workstation, loader, this::showError);
        this.statusBar = new StatusBar(session, tasks);
        this.movingImage = new MovingImageActions(stage, workstation, org.coreg.io.ImageFormats.standard(),
                this::showError, statusBar::confirm);
        ExecutorService renderThreads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "coreg-render");
            t.setDaemon(true);
            return t;
        });
        stage.setOnHidden(e -> {
            renderThreads.shutdownNow();
            sessionActions.stopAutosave();
        });
        stage.setOnCloseRequest(e -> {
            if (!sessionActions.mayExit()) {
                e.consume();
            }
        });
        for (ViewPlane p : ViewPlane.values()) {
            SliceView v = new SliceView(session, p, controls::mode, renderThreads);
            v.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2) {
                    toggleMaximised(p);
                }
            });
            views.put(p, v);
            sliders.put(p, new SliceSlider(session, v));
        }
        for (int i = 0; i < 2; i++) {
            ColumnConstraints col = new ColumnConstraints();
            col.setPercentWidth(50);
            viewGrid.getColumnConstraints().add(col);
            RowConstraints row = new RowConstraints();
            row.setPercentHeight(50);
            viewGrid.getRowConstraints().add(row);
        }
        layoutViews();
        viewGrid.setHgap(2);
        viewGrid.setVgap(2);
        viewGrid.setStyle("-fx-background-color: #202020;");

        TitledPane preAlign = new TitledPane("Pre-align", new PreAlignPanel(session));
        TitledPane register = new TitledPane("Register", new RegisterPanel(workstation));
        this.transformPanel = new TransformPanel(workstation, this::showError, TransformDialogs.of(stage));
        TitledPane transforms = new TitledPane("Transforms", transformPanel);
        pointsPanel = new PointsPanel(session, this::showError, () -> stage);
        views.values().forEach(v -> v.setOnPointPlaced(pointsPanel::place));
        TitledPane points = new TitledPane("Planning points", pointsPanel);
        points.setId("pointsPane");
        landmarksPanel = new LandmarksPanel(session, this::showError, () -> stage);
        views.values().forEach(v -> v.setOnLandmarkPlanted(landmarksPanel::plant));
        TitledPane landmarks = new TitledPane("Landmarks", landmarksPanel);
        landmarks.setId("landmarksPane");
        preAlign.setId("preAlignPane");
        register.setId("registerPane");
        transforms.setId("transformsPane");
        Accordion side = new Accordion(preAlign, register, transforms, points, landmarks);
        side.setId("sideAccordion");
        side.setExpandedPane(register);
        // the side panel can be widened by dragging the divider, and keeps the width between runs
        javafx.scene.control.ScrollPane sideScroll = new javafx.scene.control.ScrollPane(
                new VBox(new QualityBadge(session), side)); // the badge's reasons wrap to the panel's width
        sideScroll.setFitToWidth(true);
        sideScroll.setId("sidePanel");
        javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane(viewGrid, sideScroll);
        split.setId("mainSplit");
        layout.sidePanel(split, sideScroll, 440);
        layout.columns("points", pointsPanel.table());
        layout.columns("landmarks", landmarksPanel.table());
        root.setTop(new VBox(menu(), controls));
        root.setCenter(split);
        root.setBottom(statusBar);
        root.setId("mainWindow");

        Scene scene = new Scene(root, 1360, 860);
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            for (File f : files) {
                open(session.fixed().isEmpty() ? Role.FIXED : Role.MOVING, f.toPath());
            }
            e.setDropCompleted(!files.isEmpty());
            e.consume();
        });
        stage.setScene(scene);
        WindowTitle.bind(stage, session, sessionActions.store());
        transformPanel.setOnExported(statusBar::confirm); // a short confirmation after every export
        sessionActions.setOnNotice(statusBar::confirm);
        pointsPanel.setOnExported(statusBar::confirm);
        session.addListener(c -> {
            // a new fixed volume keeps the crop box when it still overlaps it; otherwise the user is told
            var fixed = session.fixed().orElse(null);
            if (c == org.coreg.app.session.SessionChange.VOLUMES && fixed != lastFixed) {
                lastFixed = fixed;
                if (fixed != null && session.cropBoxRemovedByLastVolume()) {
                    statusBar.confirm("The crop box was removed: the new fixed image does not overlap it.");
                }
            }
        });
    }

    private MenuBar menu() {
        MenuItem openFixed = new MenuItem("Open fixed...");
        openFixed.setOnAction(e -> choose(Role.FIXED));
        openFixed.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        MenuItem openMoving = new MenuItem("Open moving...");
        openMoving.setOnAction(e -> choose(Role.MOVING));
        openMoving.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+O"));
        MenuItem quit = new MenuItem("Quit");
        quit.setOnAction(e -> {
            if (sessionActions.mayExit()) {
                stage.close();
            }
        });
        MenuItem undo = new MenuItem("Undo");
        undo.setAccelerator(KeyCombination.keyCombination("Shortcut+Z"));
        undo.setOnAction(e -> session.undo());
        MenuItem redo = new MenuItem("Redo");
        redo.setAccelerator(KeyCombination.keyCombination("Shortcut+Y"));
        redo.setOnAction(e -> session.redo());
        MenuItem clearRoi = new MenuItem("Remove crop box");
        clearRoi.setOnAction(e -> session.setRoi(null));
        MenuItem swap = new MenuItem("Swap fixed and moving");
        swap.setId("swapFixedMovingMenu");
        swap.setOnAction(e -> {
            if (session.fixed().isPresent() && session.moving().isPresent()) {
                session.swapFixedAndMoving();
            }
        });
        Menu file = new Menu("File", null, openFixed, openMoving);
        file.getItems().addAll(sessionActions.menuItems());
        file.getItems().addAll(movingImage.menuItems(file));
        file.getItems().add(quit);
        MenuBar bar = new MenuBar(file,
                new Menu("Edit", null, undo, redo, clearRoi, swap));
        bar.getMenus().getFirst().getItems().addAll(2, dicom.menuItems());
        bar.setId("menuBar");
        return bar;
    }

    private void choose(Role role) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(role == Role.FIXED ? "Open fixed image" : "Open moving image");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Images", "*.nii", "*.nii.gz", "*.mha", "*.mhd", "*.nrrd", "*.nhdr",
                        "*.dcm"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File f = chooser.showOpenDialog(stage);
        if (f != null) {
            open(role, f.toPath());
        }
    }

    /** Opens {@code file} as the fixed or moving image in the background. */
    public TaskHandle open(Role role, Path file) {
        return workstation.open(role, file);
    }

    private void layoutViews() {
        viewGrid.getChildren().clear();
        if (maximised != null) {
            SliceSlider v = sliders.get(maximised);
            GridPane.setHgrow(v, Priority.ALWAYS);
            GridPane.setVgrow(v, Priority.ALWAYS);
            viewGrid.add(v, 0, 0, 2, 2);
            return;
        }
        int[][] cells = {{0, 0}, {1, 0}, {0, 1}};
        for (ViewPlane p : ViewPlane.values()) {
            SliceSlider v = sliders.get(p); // the view with its slice slider and number
            GridPane.setHgrow(v, Priority.ALWAYS);
            GridPane.setVgrow(v, Priority.ALWAYS);
            viewGrid.add(v, cells[p.ordinal()][0], cells[p.ordinal()][1]);
        }
        Label help = new Label("""
                Left drag: crosshair (Navigate), move moving image (Pre-align; Shift rotates
                about the crosshair), draw or resize the crop box (Crop box).
                Right drag: window/level of the fixed image (Shift: moving).
                Wheel: slices. Ctrl-wheel: zoom. Middle drag: pan. Double-click: maximise a view.
                Views are in the fixed image's LPS space, radiological (R on screen left).""");
        help.setId("help");
        help.setWrapText(true);
        help.setPadding(new Insets(10));
        help.setStyle("-fx-text-fill: #c8c8c8; -fx-font-size: 12px;");
        viewGrid.add(help, 1, 1);
    }

    /** Shows only {@code plane}'s view, or all three again if it was already maximised. */
    public void toggleMaximised(ViewPlane plane) {
        maximised = maximised == plane ? null : plane;
        layoutViews();
    }

    private void showError(String message) {
        lastError = message;
        ErrorDialogs.show(stage, message);
    }

    public Session session() {
        return session;
    }

    public Workstation workstation() {
        return workstation;
    }

    /** True when every view shows its newest render. */
    public boolean viewsUpToDate() {
        return views.values().stream().allMatch(SliceView::isUpToDate);
    }

    SliceSlider slider(ViewPlane p) {
        return sliders.get(p);
    }

    public SliceView view(ViewPlane p) {
        return views.get(p);
    }

    /** The last error message shown to the user, or null. */
    public String lastError() {
        return lastError;
    }

    /** The transform manager panel (tests answer its file choosers through it). */
    TransformPanel transformPanel() {
        return transformPanel;
    }

    SessionActions sessionActions() {
        return sessionActions;
    }

    /** Saving the moving image with its transform (tests call it with a path instead of the file chooser). */
    MovingImageActions movingImage() {
        return movingImage;
    }

    StatusBar statusBar() {
        return statusBar;
    }

    PointsPanel pointsPanel() {
        return pointsPanel;
    }

    LandmarksPanel landmarksPanel() {
        return landmarksPanel;
    }

    /** Opening DICOM folders (the File menu items; tests call {@code openFolder} directly). */
    DicomOpenAction dicom() {
        return dicom;
    }

    public Stage stage() {
        return stage;
    }
}
