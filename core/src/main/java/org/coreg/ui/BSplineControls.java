package org.coreg.ui;

import java.util.Locale;
import java.util.Optional;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.coreg.app.register.BSplineStage;
import org.coreg.app.session.Deformation;
import org.coreg.registration.deformable.BSplineSettings;

/**
 * The Register panel's B-spline stage: whether to run it after the linear stages, its grid spacing (mm, control-node
 * spacing at full resolution), bending weight and whether to register both ways, starting at the command line's
 * defaults ({@link BSplineSettings#defaults()}, both ways), and the folding check of the last B-spline result.
 */
final class BSplineControls extends VBox {
    private final CheckBox enabled = new CheckBox("B-spline");
    private final TextField spacing = new TextField();
    private final TextField bending = new TextField();
    private final CheckBox bothWays = new CheckBox("both ways");
    private final Label folding = new Label();

    BSplineControls() {
        super(4);
        setFillWidth(true);
        BSplineSettings d = BSplineSettings.defaults();
        enabled.setId("stageBspline");
        enabled.setTooltip(new Tooltip("Deformable B-spline stage after the linear stages (coreg register --stages "
                + "...,bspline)"));
        spacing.setId("bsplineGridSpacing");
        spacing.setText(number(d.gridSpacingMm()));
        spacing.setPrefColumnCount(4);
        bending.setId("bsplineBendingWeight");
        bending.setText(number(d.bendingWeight()));
        bending.setPrefColumnCount(4);
        bothWays.setId("bsplineBothWays");
        bothWays.setSelected(true); // coreg register's default (--one-way to skip)
        bothWays.setTooltip(new Tooltip("Also register the other way and average the two B-splines (about twice the "
                + "time); the quality report then gives the pair's inverse-consistency error"));
        // the details only while ticked: the panel keeps its height (and its layout) for linear runs
        HBox details = new HBox(6, new Label("grid"), spacing, new Label("mm  bending"), bending, bothWays);
        details.visibleProperty().bind(enabled.selectedProperty());
        details.managedProperty().bind(enabled.selectedProperty());
        folding.setId("foldingCheck");
        folding.setWrapText(true);
        folding.setVisible(false);
        folding.setManaged(false);
        getChildren().addAll(details, folding);
    }

    /** The B-spline tick box, shown in the row of the linear stages. */
    CheckBox toggle() {
        return enabled;
    }

    /**
     * The B-spline stage asked for, or null when it is not ticked.
     *
     * @throws IllegalArgumentException naming the field when a number is not valid
     */
    BSplineStage settings() {
        if (!enabled.isSelected()) {
            return null;
        }
        double mm = parse(spacing, "grid spacing");
        double w = parse(bending, "bending weight");
        if (!(mm > 0)) {
            throw new IllegalArgumentException("B-spline grid spacing: expected a positive number of mm, found "
                    + spacing.getText().strip());
        }
        if (!(w >= 0)) {
            throw new IllegalArgumentException("B-spline bending weight: expected 0 or a positive number, found "
                    + bending.getText().strip());
        }
        return new BSplineStage(BSplineSettings.defaults().withGridSpacing(mm).withBendingWeight(w),
                bothWays.isSelected());
    }

    /**
     * Shows the folding check of {@code d} and, for a both-ways run, the pair's inverse-consistency error
     * ({@code consistencyMm}, mean mm, or null), or hides them when there is no current B-spline result.
     */
    void showFolding(Optional<Deformation> d, Double consistencyMm) {
        folding.setVisible(d.isPresent());
        folding.setManaged(d.isPresent());
        d.ifPresent(x -> {
            var r = x.folding();
            String figures = String.format(Locale.ROOT, "Jacobian determinant: min %.3f, max %.3f, %.4f%% of voxels"
                    + " <= 0", r.min(), r.max(), 100 * r.fractionNonPositive());
            String both = consistencyMm == null ? "" : String.format(Locale.ROOT,
                    "\nInverse consistency (both ways): mean %.3f mm", consistencyMm);
            folding.setText((r.folds() ? figures : figures + " (no folding)") + both
                    + (r.folds() ? "\nWarning: " + r.warning() : ""));
            folding.setStyle(r.folds() ? "-fx-text-fill: #b00020;" : "");
        });
    }

    private static double parse(TextField f, String what) {
        try {
            return Double.parseDouble(f.getText().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("B-spline " + what + ": expected a number, found '"
                    + f.getText().strip() + "'");
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
