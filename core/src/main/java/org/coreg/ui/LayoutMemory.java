package org.coreg.ui;

import java.util.prefs.Preferences;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * Remembers the layout a user chose between runs (the side panel's width, table column widths) in the user's Java
 * preferences ({@code org/coreg/workstation}); {@code -Dcoreg.layout=off} forgets nothing and remembers nothing
 * (tests).
 */
final class LayoutMemory {
    private final Preferences prefs;

    private LayoutMemory(Preferences prefs) {
        this.prefs = prefs;
    }

    /** The user's memory, or one that keeps nothing when {@code -Dcoreg.layout=off}. */
    static LayoutMemory user() {
        return "off".equals(System.getProperty("coreg.layout")) ? new LayoutMemory(null)
                : new LayoutMemory(Preferences.userRoot().node("org/coreg/workstation"));
    }

    /** A memory kept in {@code node} (tests use a node of their own). */
    static LayoutMemory in(Preferences node) {
        return new LayoutMemory(java.util.Objects.requireNonNull(node));
    }

    double get(String key, double otherwise) {
        return prefs == null ? otherwise : prefs.getDouble(key, otherwise);
    }

    void put(String key, double value) {
        if (prefs != null) {
            prefs.putDouble(key, value);
        }
    }

    /**
     * Keeps the side panel (the split's last item) at the width the user last dragged it to, {@code otherwise} the
     * first time; it keeps its width when the window is resized (the views take the change).
     */
    void sidePanel(SplitPane split, javafx.scene.layout.Region side, double otherwise) {
        side.setPrefWidth(get("sidePanelWidth", otherwise));
        SplitPane.setResizableWithParent(side, false);
        side.widthProperty().addListener((o, a, w) -> {
            if (w.doubleValue() > 0 && split.getScene() != null && split.getScene().getWindow() != null
                    && split.getScene().getWindow().isShowing()) {
                put("sidePanelWidth", w.doubleValue());
            }
        });
        split.widthProperty().addListener((o, a, w) -> {
            if (w.doubleValue() > 0) {
                double width = side.getPrefWidth();
                split.setDividerPositions(Math.clamp(1 - width / w.doubleValue(), 0.2, 0.95));
            }
        });
    }

    /** Restores and then remembers the widths of {@code table}'s columns under {@code name}. */
    void columns(String name, TableView<?> table) {
        for (TableColumn<?, ?> c : table.getColumns()) {
            String key = name + "." + c.getText();
            c.setPrefWidth(get(key, c.getPrefWidth()));
            c.widthProperty().addListener((o, a, w) -> put(key, w.doubleValue()));
        }
    }
}
