package org.coreg.ui;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/**
 * Three narrow x, y, z columns (mm, one decimal, monospace, right-aligned so the decimal points line up) for a table
 * whose rows hold a point. Which point a row shows (fixed LPS, moving LPS...) is asked of {@code point} each time a
 * cell is filled, so a panel that lets the user choose the space only refreshes its table after a change. Three
 * columns of about 60 px each fit the default side panel beside a name, where one "x, y, z" column per space did not.
 */
final class CoordinateColumns {
    /** Wide enough for "-123.4" in the monospace cell font with the cell's padding. */
    static final double WIDTH = 62;
    private static final double MIN_WIDTH = 50;
    /** What a cell shows when the row has no point in the chosen space yet (a landmark still to be planted). */
    static final String NONE = "-";

    private CoordinateColumns() {
    }

    /**
     * Columns "x", "y", "z" showing component 0, 1, 2 of {@code point.get().apply(row)} (mm); a null point shows
     * {@link #NONE}.
     */
    static <R> List<TableColumn<R, String>> of(Supplier<Function<R, double[]>> point) {
        return List.of(column("x", 0, point), column("y", 1, point), column("z", 2, point));
    }

    /** The text a cell shows for one coordinate (mm): one decimal, a point as the decimal separator. */
    static String format(double mm) {
        return String.format(Locale.ROOT, "%.1f", mm);
    }

    private static <R> TableColumn<R, String> column(String axis, int i, Supplier<Function<R, double[]>> point) {
        TableColumn<R, String> c = new TableColumn<>(axis);
        c.setCellValueFactory(r -> {
            double[] p = point.get().apply(r.getValue());
            return new ReadOnlyStringWrapper(p == null ? NONE : format(p[i]));
        });
        c.setCellFactory(col -> new TableCell<>() {
            {
                setAlignment(Pos.CENTER_RIGHT);
                setStyle("-fx-font-family: monospace;");
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
        c.setEditable(false);
        c.setSortable(false);
        c.setPrefWidth(WIDTH);
        c.setMinWidth(MIN_WIDTH);
        return c;
    }
}
