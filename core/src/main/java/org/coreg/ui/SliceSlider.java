package org.coreg.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.coreg.app.render.SliceStepper;
import org.coreg.app.session.Session;
import org.coreg.app.session.SessionChange;

/**
 * A view with a slice slider and the slice number ("slice 47 / 120") under it: dragging the slider moves the
 * crosshair along the view's normal, and the number follows the wheel, clicks in other views and loaded volumes.
 */
final class SliceSlider extends BorderPane {
    private final Session session;
    private final SliceView view;
    private final Slider slider = new Slider();
    private final Label number = new Label();
    private SliceStepper stepper;
    private boolean showing;

    SliceSlider(Session session, SliceView view) {
        this.session = session;
        this.view = view;
        String name = view.plane().name().toLowerCase(java.util.Locale.ROOT);
        slider.setId("slider-" + name);
        number.setId("sliceNumber-" + name);
        number.setMinWidth(110);
        number.setStyle("-fx-text-fill: #d0d0d0; -fx-font-size: 11px;");
        slider.setMin(1);
        slider.setBlockIncrement(1);
        HBox.setHgrow(slider, Priority.ALWAYS);
        HBox bar = new HBox(6, slider, number);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(1, 4, 1, 4));
        bar.setStyle("-fx-background-color: #202020;");
        setCenter(view);
        setBottom(bar);
        setMinSize(64, 64);
        slider.valueProperty().addListener((o, a, v) -> {
            if (!showing && stepper != null) {
                double[] c = session.cursor();
                c[view.plane().normalAxis()] = stepper.positionOf((int) Math.round(v.doubleValue()));
                session.setCursor(c);
            }
        });
        session.addListener(c -> {
            if (c == SessionChange.CURSOR || c == SessionChange.VOLUMES) {
                update();
            }
        });
        update();
    }

    private void update() {
        stepper = session.fixed().map(f -> SliceStepper.of(f.geometry(), view.plane())).orElse(null);
        showing = true; // the slider shows the cursor's slice; that must not move the cursor again
        if (stepper == null) {
            slider.setDisable(true);
            number.setText("no image");
        } else {
            slider.setDisable(false);
            slider.setMax(Math.max(1, stepper.count()));
            int k = stepper.sliceAt(session.cursor()[view.plane().normalAxis()]);
            slider.setValue(k);
            number.setText("slice " + k + " / " + stepper.count());
        }
        showing = false;
    }

    SliceView view() {
        return view;
    }

    /** "slice K / N" (tests read it). */
    String numberText() {
        return number.getText();
    }
}
