package org.coreg.ui;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.coreg.app.quality.QualityAdvice;
import org.coreg.app.session.RegistrationVerdict;
import org.coreg.app.session.Session;
import org.coreg.app.session.SessionChange;
import org.coreg.registration.quality.QualityReport;

/**
 * The status of the last registration as a coloured badge (green ok, amber uncertain, red failed) with the report's
 * reasons, its key figures and, when it is not ok, the ways out ({@link QualityAdvice}). Shows what the session
 * keeps; it computes nothing.
 */
final class QualityBadge extends VBox {
    private final Session session;
    private final Label status = new Label();
    private final Label figures = new Label();
    private final Label reasons = new Label();
    private final Label remedies = new Label();

    QualityBadge(Session session) {
        super(4);
        this.session = session;
        setId("qualityPanel");
        setPadding(new Insets(6));
        status.setId("qualityBadge");
        status.setMaxWidth(Double.MAX_VALUE);
        status.setWrapText(true);
        status.setPadding(new Insets(4, 8, 4, 8));
        figures.setId("qualityFigures");
        reasons.setId("qualityReasons");
        remedies.setId("qualityRemedies");
        for (Label l : List.of(figures, reasons, remedies)) {
            l.setWrapText(true);
            l.setMaxWidth(Double.MAX_VALUE);
        }
        remedies.setStyle("-fx-font-weight: bold;");
        getChildren().addAll(status, figures, reasons, remedies);
        session.addListener(c -> {
            if (c == SessionChange.QUALITY || c == SessionChange.TRANSFORM || c == SessionChange.VOLUMES
                    || c == SessionChange.ROI || c == SessionChange.LANDMARKS) {
                update();
            }
        });
        update();
    }

    private void update() {
        RegistrationVerdict v = session.verdict().orElse(null);
        if (v == null) {
            status.setText("Not registered yet");
            status.setStyle(style("#5a5a5a"));
            show(figures, "");
            show(reasons, "");
            show(remedies, "");
            return;
        }
        QualityReport r = v.report();
        status.setText(QualityAdvice.headline(v, session.verdictIsCurrent()));
        status.setStyle(style(switch (r.status()) {
            case OK -> "#1e7b34";
            case UNCERTAIN -> "#b06d00";
            case FAILED -> "#b3261e";
        }));
        show(figures, figures(r));
        show(reasons, r.reasons().isEmpty() ? "" : r.reasons().stream().map(s -> "- " + s)
                .collect(Collectors.joining("\n")));
        List<String> ways = QualityAdvice.remedies(v, session);
        show(remedies, ways.isEmpty() ? "" : "What to do:\n" + ways.stream().map(s -> "- " + s)
                .collect(Collectors.joining("\n")));
    }

    private static String figures(QualityReport r) {
        StringBuilder b = new StringBuilder("Stages: " + String.join(", ", r.stages()));
        if (Double.isFinite(r.metricStart()) && Double.isFinite(r.metricFinal())) {
            b.append(String.format(Locale.ROOT, "; metric %.4f -> %.4f", r.metricStart(), r.metricFinal()));
        }
        if (Double.isFinite(r.overlap())) {
            b.append(String.format(Locale.ROOT, "; overlap %.0f%%", 100 * r.overlap()));
        }
        if (r.landmarks() != null) {
            b.append(String.format(Locale.ROOT, "; landmarks: mean %.2f mm, max %.2f mm (%d pairs)",
                    r.landmarks().errors().meanMm(), r.landmarks().errors().maxMm(),
                    r.landmarks().errors().points().size()));
            if (Double.isFinite(r.landmarks().expectedTreMm())) {
                b.append(String.format(Locale.ROOT, ", expected TRE %.2f mm", r.landmarks().expectedTreMm()));
            }
        }
        return b.toString();
    }

    private static String style(String colour) {
        return "-fx-background-color: " + colour + "; -fx-text-fill: white; -fx-font-weight: bold; "
                + "-fx-background-radius: 4;";
    }

    private static void show(Label l, String text) {
        l.setText(text);
        l.setVisible(!text.isEmpty());
        l.setManaged(!text.isEmpty());
    }
}
