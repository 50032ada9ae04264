package org.coreg.ui;

import java.io.File;
import java.nio.file.Path;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.coreg.app.transforms.TransformExchange;
import org.coreg.io.transform.TransformFormat;

/** The questions the transform panel asks the user: which file to import or export to, and confirmations. */
interface TransformDialogs {
    /** The transform file to import, or null if the user cancelled. */
    Path chooseImport();

    /** The file to export {@code name} to, named for its format; null if cancelled. */
    Path chooseExport(String name);

    /** True if the user agrees to {@code question}. */
    boolean confirm(String question);

    /** File choosers and an OK/Cancel alert owned by {@code owner}. */
    static TransformDialogs of(Window owner) {
        return new TransformDialogs() {
            @Override
            public Path chooseImport() {
                FileChooser c = new FileChooser();
                c.setTitle("Import transform");
                c.getExtensionFilters().addAll(
                        new FileChooser.ExtensionFilter("Transform files (ITK, elastix, 4x4 matrix)", "*.tfm",
                                "*.h5", "*.hdf5", "*.txt", "*.mat4"),
                        new FileChooser.ExtensionFilter("All files", "*"));
                File f = c.showOpenDialog(owner);
                return f == null ? null : f.toPath();
            }

            @Override
            public Path chooseExport(String name) {
                FileChooser c = new FileChooser();
                c.setTitle("Export transform (fixed -> moving, LPS mm)");
                FileChooser.ExtensionFilter itk = new FileChooser.ExtensionFilter("ITK transform (*.tfm)", "*.tfm");
                FileChooser.ExtensionFilter lps = new FileChooser.ExtensionFilter("4x4 matrix, LPS (*.mat4)", "*.mat4");
                FileChooser.ExtensionFilter ras = new FileChooser.ExtensionFilter("4x4 matrix, RAS (*-ras.mat4)",
                        "*-ras.mat4");
                FileChooser.ExtensionFilter elastix = new FileChooser.ExtensionFilter(
                        "elastix TransformParameters (TransformParameters.*.txt)", "TransformParameters*.txt");
                FileChooser.ExtensionFilter h5 = new FileChooser.ExtensionFilter("ITK HDF5 transform (*.h5)", "*.h5");
                c.getExtensionFilters().addAll(itk, h5, lps, ras, elastix);
                c.setInitialFileName(name.replaceAll("[^A-Za-z0-9._-]+", "_") + ".tfm");
                File f = c.showSaveDialog(owner);
                if (f == null) {
                    return null;
                }
                FileChooser.ExtensionFilter chosen = c.getSelectedExtensionFilter();
                TransformFormat format = chosen == lps ? TransformFormat.MATRIX_LPS : chosen == ras
                        ? TransformFormat.MATRIX_RAS : chosen == elastix ? TransformFormat.ELASTIX
                        : chosen == h5 ? TransformFormat.ITK_HDF5 : TransformFormat.ITK;
                return TransformExchange.fileFor(f.toPath(), format);
            }

            @Override
            public boolean confirm(String question) {
                Alert a = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.OK, ButtonType.CANCEL);
                a.initOwner(owner);
                a.setTitle("Coreg");
                a.setHeaderText(null);
                return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
            }
        };
    }
}
