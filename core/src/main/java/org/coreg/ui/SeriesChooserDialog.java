package org.coreg.ui;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.coreg.app.Role;
import org.coreg.app.load.DicomScan;
import org.coreg.app.load.SeriesRow;

/**
 * Lists the series a DICOM folder scan found (patient, study date, modality, description, images, size) and the
 * files left out; its result is the index of the chosen series in {@link DicomScan#rows()}, or null on Cancel.
 */
final class SeriesChooserDialog extends Dialog<Integer> {
    SeriesChooserDialog(Window owner, Role role, DicomScan scan) {
        initOwner(owner);
        setTitle("Open DICOM series");
        setHeaderText(scan.rows().size() + " series in " + scan.folder() + ": choose the one to open as "
                + (role == Role.FIXED ? "fixed" : "moving"));
        setResizable(true);

        TableView<SeriesRow> table = new TableView<>();
        table.setId("seriesTable");
        table.getColumns().add(column("Patient", 150, r -> r.patient().replace('^', ' ').trim()));
        table.getColumns().add(column("Study date", 90, r -> date(r.studyDate())));
        table.getColumns().add(column("Modality", 70, SeriesRow::modality));
        table.getColumns().add(column("Description", 220, SeriesRow::description));
        TableColumn<SeriesRow, Integer> images = new TableColumn<>("Images");
        images.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().images()));
        images.setPrefWidth(60);
        table.getColumns().add(images);
        table.getColumns().add(column("Size (pixels x images)", 150, SeriesRow::size));
        table.getItems().setAll(scan.rows());
        table.getSelectionModel().selectFirst();
        table.setPrefHeight(Math.min(400, 60 + 26 * scan.rows().size()));
        table.setPrefWidth(760);

        VBox content = new VBox(8, table);
        if (!scan.notes().isEmpty()) {
            Label head = new Label(scan.notes().size() + " file(s) left out:");
            TextArea notes = new TextArea(String.join("\n", scan.notes()));
            notes.setId("skippedNotes");
            notes.setEditable(false);
            notes.setWrapText(true);
            notes.setPrefRowCount(Math.min(6, scan.notes().size() + 1));
            content.getChildren().addAll(head, notes);
        }
        getDialogPane().setContent(content);

        ButtonType open = new ButtonType(role == Role.FIXED ? "Open as fixed" : "Open as moving",
                ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(open, ButtonType.CANCEL);
        getDialogPane().lookupButton(open).disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull());
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && table.getSelectionModel().getSelectedIndex() >= 0) {
                setResult(table.getSelectionModel().getSelectedIndex());
                close();
            }
        });
        setResultConverter(b -> b == open ? table.getSelectionModel().getSelectedIndex() : null);
    }

    private static TableColumn<SeriesRow, String> column(String title, double width,
                                                         java.util.function.Function<SeriesRow, String> value) {
        TableColumn<SeriesRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** YYYYMMDD as stored in DICOM to YYYY-MM-DD; anything else unchanged. */
    static String date(String dicomDate) {
        return dicomDate != null && dicomDate.matches("\\d{8}")
                ? dicomDate.substring(0, 4) + "-" + dicomDate.substring(4, 6) + "-" + dicomDate.substring(6)
                : dicomDate == null ? "" : dicomDate;
    }
}
