package org.coreg.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.MenuItem;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.coreg.app.Role;
import org.coreg.app.load.DicomImport;
import org.coreg.app.load.DicomScan;
import org.coreg.app.load.ReadChoice;
import org.coreg.io.dicom.DicomReadOptions;

/**
 * "Open DICOM folder as fixed/moving": a folder chooser, a background scan, the {@link SeriesChooserDialog}, and
 * for series with gaps or a gantry tilt a question whether to resample. Every dialog here is modeless ({@code show},
 * never {@code showAndWait}), so the UI thread never waits.
 */
final class DicomOpenAction {
    private final Window owner;
    private final DicomImport dicom;

    DicomOpenAction(Window owner, DicomImport dicom) {
        this.owner = owner;
        this.dicom = dicom;
    }

    /** The two File menu items. */
    List<MenuItem> menuItems() {
        MenuItem fixed = new MenuItem("Open DICOM folder as fixed...");
        fixed.setOnAction(e -> chooseFolder(Role.FIXED));
        MenuItem moving = new MenuItem("Open DICOM folder as moving...");
        moving.setOnAction(e -> chooseFolder(Role.MOVING));
        return List.of(fixed, moving);
    }

    private void chooseFolder(Role role) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(role == Role.FIXED ? "DICOM folder of the fixed image" : "DICOM folder of the moving image");
        File f = chooser.showDialog(owner);
        if (f != null) {
            openFolder(role, f.toPath());
        }
    }

    /** Scans {@code folder} in the background, then lets the user choose a series to open as {@code role}. */
    void openFolder(Role role, Path folder) {
        dicom.scan(folder, scan -> chooseSeries(role, scan));
    }

    private void chooseSeries(Role role, DicomScan scan) {
        SeriesChooserDialog d = new SeriesChooserDialog(owner, role, scan);
        d.setOnHidden(e -> {
            Integer index = d.getResult();
            if (index != null && index >= 0) {
                load(role, scan, index, DicomReadOptions.STRICT);
            }
        });
        d.show();
    }

    private void load(Role role, DicomScan scan, int index, DicomReadOptions options) {
        dicom.load(role, scan, index, options, choice -> ask(role, scan, index, choice));
    }

    private void ask(Role role, DicomScan scan, int index, ReadChoice choice) {
        ButtonType accept = new ButtonType(choice.acceptLabel(), ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", accept, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle("Coreg");
        alert.setHeaderText("This series needs resampling to load");
        ErrorDialogs.wrap(alert, choice.question()).setId("readChoiceQuestion");
        alert.setOnHidden(e -> {
            if (alert.getResult() == accept) {
                load(role, scan, index, choice.accept());
            }
        });
        alert.show();
    }
}
