package org.coreg.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.coreg.app.session.Session;
import org.coreg.app.task.TaskHandle;
import org.coreg.app.task.TaskObserver;
import org.coreg.app.task.TaskRunner;
import org.coreg.image.RasLps;

/** Cursor position in LPS and RAS with both volumes' values there, and the progress of background work. */
final class StatusBar extends HBox implements TaskObserver {
    private final Session session;
    private final Label position = new Label();
    private final Label values = new Label();
    private final Label task = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final Button cancel = new Button("Cancel");
    private TaskHandle running;
    private final Label notice = new Label();
    private final javafx.animation.PauseTransition noticeTimer =
            new javafx.animation.PauseTransition(javafx.util.Duration.seconds(8));

    StatusBar(Session session, TaskRunner tasks) {
        super(12);
        this.session = session;
        setId("statusBar");
        setPadding(new Insets(3, 8, 3, 8));
        setAlignment(Pos.CENTER_LEFT);
        position.setId("cursorPosition");
        values.setId("cursorValues");
        task.setId("taskLabel");
        progress.setId("taskProgress");
        cancel.setId("taskCancel");
        progress.setVisible(false);
        cancel.setVisible(false);
        cancel.setOnAction(e -> {
            if (running != null) {
                running.cancel();
            }
        });
        // the cursor text keeps its full width (it was cut off with an ellipsis); the task text wraps instead
        position.setMinWidth(Region.USE_PREF_SIZE);
        values.setMinWidth(Region.USE_PREF_SIZE);
        task.setWrapText(true);
        notice.setId("notice");
        notice.setWrapText(true);
        notice.setStyle("-fx-text-fill: #1a7f37;");
        noticeTimer.setOnFinished(e -> notice.setText(""));
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        getChildren().addAll(position, values, spring, notice, task, progress, cancel);
        session.addListener(c -> update());
        tasks.addObserver(this);
        update();
    }

    /** Shows a short confirmation ("Saved ... and its transform ...") for a few seconds. */
    void confirm(String message) {
        notice.setText(message);
        noticeTimer.playFromStart();
    }

    /** The confirmation shown now, or "" (tests read it). */
    String notice() {
        return notice.getText();
    }

    private void update() {
        if (session.fixed().isEmpty()) {
            position.setText("No fixed image: File > Open fixed, or drop a file on a view");
            values.setText("");
            return;
        }
        double[] lps = session.cursor();
        double[] ras = RasLps.lpsToRas(lps);
        for (int a = 0; a < 3; a++) { // adding 0.0 turns -0.0 into 0.0, so a centred cursor does not print "-0.0"
            lps[a] += 0.0;
            ras[a] += 0.0;
        }
        position.setText(String.format("LPS (%.1f, %.1f, %.1f) mm   RAS (%.1f, %.1f, %.1f) mm", lps[0], lps[1],
                lps[2], ras[0], ras[1], ras[2]));
        values.setText("fixed " + format(session.fixedValueAtCursor())
                + (session.moving().isPresent() ? "   moving " + format(session.movingValueAtCursor()) : ""));
    }

    private static String format(double v) {
        return Double.isNaN(v) ? "outside" : v == Math.rint(v) ? String.format("%.0f", v) : String.format("%.2f", v);
    }

    @Override
    public void started(TaskHandle t) {
        running = t;
        task.setText(t.title());
        progress.setProgress(0);
        progress.setVisible(true);
        cancel.setVisible(true);
    }

    @Override
    public void progressed(TaskHandle t, double fraction, String message) {
        if (t == running) {
            progress.setProgress(Math.max(0, fraction));
            task.setText(message);
        }
    }

    @Override
    public void finished(TaskHandle t) {
        if (t == running) {
            running = null;
            task.setText("");
            progress.setVisible(false);
            cancel.setVisible(false);
        }
    }
}
