package org.coreg.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.coreg.app.Workstation;
import org.coreg.app.register.RegistrationListener;
import org.coreg.app.register.RegistrationOptions;
import org.coreg.app.register.RegistrationOutcome;
import org.coreg.app.register.RegistrationStage;
import org.coreg.app.session.Session;
import org.coreg.app.task.TaskHandle;

/**
 * Register: stages (rigid, similarity, affine, and B-spline with its grid spacing and bending weight and the folding
 * check of its result), preset, use of the crop box, Register and Cancel, a progress bar per level and a live plot of
 * the metric. The run happens in the background through the {@link Workstation}; this panel only shows it.
 */
final class RegisterPanel extends VBox {
    private final Workstation workstation;
    private final CheckBox rigid = new CheckBox("Rigid");
    private final CheckBox similarity = new CheckBox("Similarity");
    private final CheckBox affine = new CheckBox("Affine");
    private final BSplineControls bspline = new BSplineControls();
    private final ComboBox<String> preset = new ComboBox<>();
    private final CheckBox useRoi = new CheckBox("Restrict to crop box");
    private final Button register = new Button("Register");
    private final Button cancel = new Button("Cancel");
    private final ProgressBar levelProgress = new ProgressBar(0);
    private final Label status = new Label("Ready");
    private final ToggleButton beforeAfter = new ToggleButton("Show before");
    private final XYChart.Series<Number, Number> metric = new XYChart.Series<>();
    private final ConcurrentLinkedQueue<double[]> pendingPoints = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private TaskHandle running;
    private static final int MAX_POINTS = 400;
    private static final long DRAIN_BUDGET_NANOS = 4_000_000;
    private long stride = 1;

    RegisterPanel(Workstation workstation) {
        super(6);
        this.workstation = workstation;
        setPadding(new Insets(6));
        rigid.setId("stageRigid");
        similarity.setId("stageSimilarity");
        affine.setId("stageAffine");
        // The engine's one default (rigid); the others on request: docs/quality.md.
        rigid.setSelected(RegistrationOptions.defaultStages().contains(RegistrationStage.RIGID));
        similarity.setSelected(RegistrationOptions.defaultStages().contains(RegistrationStage.SIMILARITY));
        affine.setSelected(RegistrationOptions.defaultStages().contains(RegistrationStage.AFFINE));
        similarity.setTooltip(new javafx.scene.control.Tooltip("Rigid plus one isotropic scale"));
        preset.setId("registrationPreset");
        preset.getItems().setAll(RegistrationOptions.CT_MR_HEAD);
        preset.setValue(RegistrationOptions.CT_MR_HEAD);
        useRoi.setId("useRoi");
        register.setId("register");
        cancel.setId("cancelRegister");
        cancel.setDisable(true);
        levelProgress.setId("levelProgress");
        levelProgress.setMaxWidth(Double.MAX_VALUE);
        status.setId("registerStatus");
        status.setWrapText(true);
        NumberAxis x = new NumberAxis();
        x.setLabel("iteration");
        NumberAxis y = new NumberAxis();
        y.setForceZeroInRange(false);
        y.setLabel("metric");
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId("metricChart");
        chart.setCreateSymbols(false);
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setPrefHeight(170);
        chart.getData().add(metric);
        register.setOnAction(e -> start());
        cancel.setOnAction(e -> {
            if (running != null) {
                running.cancel();
                status.setText("Cancelling...");
            }
        });
        beforeAfter.setId("beforeAfter");
        beforeAfter.setOnAction(e -> workstation.session().showBefore(beforeAfter.isSelected()));
        Session s = workstation.session();
        getChildren().addAll(new HBox(8, rigid, similarity, affine, bspline.toggle()), bspline, preset, useRoi, new HBox(8, register, cancel),
                levelProgress, status, beforeAfter, chart);
        s.addListener(c -> {
            updateEnabled();
            bspline.showFolding(s.deformation(), s.verdictIsCurrent() ? s.verdict().orElseThrow().report()
                    .inverseConsistencyMm() : null);
        });
        updateEnabled();
    }

    private void updateEnabled() {
        Session s = workstation.session();
        register.setDisable(running != null || s.fixed().isEmpty() || s.moving().isEmpty());
        useRoi.setDisable(s.roi().isEmpty());
        // before/after compares the last run's start and result while the result is the current transform
        beforeAfter.setDisable(running != null || !s.canCompare());
        beforeAfter.setSelected(s.showingBefore());
        beforeAfter.setText(s.showingBefore() ? "Showing before: click for the result" : "Show before");
    }

    private void start() {
        List<RegistrationStage> stages = new ArrayList<>();
        if (rigid.isSelected()) {
            stages.add(RegistrationStage.RIGID);
        }
        if (similarity.isSelected()) {
            stages.add(RegistrationStage.SIMILARITY);
        }
        if (affine.isSelected()) {
            stages.add(RegistrationStage.AFFINE);
        }
        if (stages.isEmpty()) {
            status.setText("Choose at least one stage.");
            return;
        }
        org.coreg.app.register.BSplineStage deformable;
        try {
            deformable = bspline.settings();
        } catch (IllegalArgumentException e) {
            status.setText(e.getMessage());
            return;
        }
        Session s = workstation.session();
        RegistrationOptions options = new RegistrationOptions(stages, preset.getValue(),
                useRoi.isSelected() ? s.roi().orElse(null) : null, s.fixedToMoving())
                .withLandmarks(new org.coreg.app.landmarks.LandmarkEditor(s).pairsForStart()) // their fit starts it
                .withBSpline(deformable);
        metric.getData().clear();
        stride = 1;
        levelProgress.setProgress(0);
        status.setText("Starting...");
        cancel.setDisable(false);
        running = workstation.register(options, new Listener(), this::ended);
        updateEnabled();
    }

    private void ended(RegistrationOutcome outcome) {
        drain();
        status.setText(switch (outcome) {
            case SUCCEEDED -> "Finished: the result is the current transform (Undo returns to the start)";
            case FAILED -> "Failed";
            case CANCELLED -> "Cancelled: the transform is unchanged";
        });
        running = null;
        cancel.setDisable(true);
        levelProgress.setProgress(0);
        updateEnabled();
    }

    /** Status text of the last run ("Finished", "Stopped", a level, ...). */
    String statusText() {
        return status.getText();
    }

    /** Shows queued engine events for at most {@link #DRAIN_BUDGET_NANOS} per pulse, then yields to the UI. */
    private void drain() {
        drainScheduled.set(false);
        long start = System.nanoTime();
        double[] p;
        while ((p = pendingPoints.poll()) != null) {
            if (p.length == 2) {
                plot(p[0], p[1]);
            } else if (running != null) { // level news that arrives after the end is stale
                levelProgress.setProgress(p[1] / p[2]);
                status.setText("Level " + (int) p[1] + " of " + (int) p[2] + " (" + RegistrationStage.values()[(int) p[0]]
                        .name().toLowerCase() + ")");
            }
            if (System.nanoTime() - start > DRAIN_BUDGET_NANOS && !pendingPoints.isEmpty()) {
                if (drainScheduled.compareAndSet(false, true)) {
                    Platform.runLater(this::drain);
                }
                return;
            }
        }
    }

    /**
     * Adds a metric point, keeping at most {@link #MAX_POINTS} on the chart: when full, every other point is
     * dropped and only every {@code stride}-th iteration is plotted from then on, so long runs stay cheap to draw.
     */
    private void plot(double iteration, double value) {
        if (((long) iteration) % stride != 0) {
            return;
        }
        var data = metric.getData();
        if (data.size() >= MAX_POINTS) {
            List<XYChart.Data<Number, Number>> kept = new ArrayList<>();
            for (int i = 0; i < data.size(); i += 2) {
                // new Data objects: the chart loses a Data it is removing and gets back in the same change, which
                // showed only the points plotted after the last thinning (the early history vanished)
                kept.add(new XYChart.Data<>(data.get(i).getXValue(), data.get(i).getYValue()));
            }
            data.setAll(kept);
            stride *= 2;
        }
        data.add(new XYChart.Data<>(iteration, value));
    }

    /** Queues engine callbacks and drains them in one UI pulse, so a fast engine cannot flood the UI thread. */
    private final class Listener implements RegistrationListener {
        private int count;

        @Override
        public void levelStarted(RegistrationStage stage, int level, int levels) {
            post(new double[] {stage.ordinal(), level, levels});
        }

        @Override
        public void iteration(int iteration, double value) {
            post(new double[] {count++, value});
        }

        private void post(double[] item) {
            pendingPoints.add(item);
            if (drainScheduled.compareAndSet(false, true)) {
                Platform.runLater(RegisterPanel.this::drain);
            }
        }
    }
}
