package org.coreg.ui;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.coreg.app.session.PreAlign;
import org.coreg.app.session.Session;
import org.coreg.app.session.SessionChange;
import org.coreg.image.AffineMap;

/**
 * Numeric pre-alignment (rotations about L, P, S in degrees about the crosshair, translations in LPS mm applied
 * to the moving image), "centre on fixed", reset, and the current fixed-to-moving matrix.
 */
final class PreAlignPanel extends VBox {
    private final Session session;
    private final TextField[] rotation = new TextField[3];
    private final TextField[] translation = new TextField[3];
    private final TextArea matrix = new TextArea();
    private final Label problem = new Label();

    PreAlignPanel(Session session) {
        super(6);
        this.session = session;
        setPadding(new Insets(6));
        GridPane grid = new GridPane();
        grid.setHgap(4);
        grid.setVgap(4);
        String[] axes = {"L", "P", "S"};
        grid.addRow(0, new Label(""), new Label("rotate °"), new Label("move mm"));
        for (int a = 0; a < 3; a++) {
            rotation[a] = field("rot" + axes[a]);
            translation[a] = field("move" + axes[a]);
            grid.addRow(a + 1, new Label(axes[a]), rotation[a], translation[a]);
        }
        Button apply = new Button("Apply");
        apply.setId("preAlignApply");
        apply.setOnAction(e -> apply());
        Button centre = new Button("Centre on fixed");
        centre.setId("centreOnFixed");
        centre.setOnAction(e -> session.fixed().ifPresent(f -> session.moving().ifPresent(m ->
                session.setTransform(PreAlign.centreOnFixed(f.geometry(), m.geometry())))));
        Button reset = new Button("Identity");
        reset.setId("resetTransform");
        reset.setOnAction(e -> session.setTransform(AffineMap.identity()));
        problem.setId("preAlignProblem");
        problem.setStyle("-fx-text-fill: #c03030;");
        matrix.setId("transformMatrix");
        matrix.setEditable(false);
        matrix.setPrefRowCount(3);
        matrix.setStyle("-fx-font-family: monospace; -fx-font-size: 11px;");
        session.addListener(c -> {
            if (c == SessionChange.TRANSFORM || c == SessionChange.VOLUMES) {
                showMatrix();
            }
        });
        showMatrix();
        getChildren().addAll(grid, new HBox(6, apply, centre, reset), problem,
                new Label("Fixed → moving (LPS mm):"), matrix);
    }

    private static TextField field(String id) {
        TextField f = new TextField("0");
        f.setId(id);
        f.setPrefColumnCount(5);
        return f;
    }

    private void apply() {
        double[] r = new double[3];
        double[] t = new double[3];
        try {
            for (int a = 0; a < 3; a++) {
                r[a] = Double.parseDouble(rotation[a].getText().trim());
                t[a] = Double.parseDouble(translation[a].getText().trim());
            }
        } catch (NumberFormatException e) {
            problem.setText("Enter numbers (degrees and millimetres), e.g. 5 or -2.5.");
            return;
        }
        problem.setText("");
        session.setTransform(PreAlign.fromNumbers(session.fixedToMoving(), r, t, session.cursor()));
        for (int a = 0; a < 3; a++) {
            rotation[a].setText("0");
            translation[a].setText("0");
        }
    }

    private void showMatrix() {
        double[] m = session.fixedToMoving().rowMajor3x4();
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < 3; r++) {
            sb.append(String.format("%8.4f %8.4f %8.4f | %8.2f%n", m[4 * r], m[4 * r + 1], m[4 * r + 2], m[4 * r + 3]));
        }
        matrix.setText(sb.toString().stripTrailing());
    }
}
