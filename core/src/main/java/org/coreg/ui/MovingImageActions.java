package org.coreg.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.coreg.app.UserMessages;
import org.coreg.app.Workstation;
import org.coreg.app.load.VolumeSource;
import org.coreg.app.task.TaskHandle;
import org.coreg.app.transforms.SaveMovingImage;
import org.coreg.io.ImageFormats;

/**
 * File > Save resampled moving image... and Save hardened moving image...: the image in any format Coreg writes, with
 * the transform that made it beside it ({@link SaveMovingImage}), and a short confirmation naming both files.
 */
final class MovingImageActions {
    private final Window owner;
    private final Workstation workstation;
    private final SaveMovingImage saver;
    private final Consumer<String> errors;
    private final Consumer<String> confirmations;

    MovingImageActions(Window owner, Workstation workstation, ImageFormats formats, Consumer<String> errors,
                       Consumer<String> confirmations) {
        this.owner = owner;
        this.workstation = workstation;
        this.saver = new SaveMovingImage(workstation.session(), formats);
        this.errors = errors;
        this.confirmations = confirmations;
    }

    /** The File menu items; the hardened one is enabled only while the moving volume is a hardened one. */
    List<MenuItem> menuItems(Menu file) {
        MenuItem resampled = new MenuItem("Save resampled moving image...");
        resampled.setId("saveResampled");
        resampled.setOnAction(e -> choose("Save the moving image resampled onto the fixed grid", "resampled")
                .ifPresent(this::saveResampled));
        MenuItem hardened = new MenuItem("Save hardened moving image...");
        hardened.setId("saveHardened");
        hardened.setOnAction(e -> choose("Save the hardened moving image", "hardened").ifPresent(this::saveHardened));
        file.setOnShowing(e -> {
            boolean pair = workstation.session().fixed().isPresent() && workstation.session().moving().isPresent();
            resampled.setDisable(!pair);
            hardened.setDisable(hardenedSource().isEmpty());
        });
        return List.of(resampled, hardened);
    }

    private java.util.Optional<Path> choose(String title, String suffix) {
        FileChooser c = new FileChooser();
        c.setTitle(title + " (its transform is written beside it)");
        c.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("NIfTI (*.nii.gz, *.nii)", "*.nii.gz", "*.nii"),
                new FileChooser.ExtensionFilter("MetaImage (*.mha, *.mhd)", "*.mha", "*.mhd"),
                new FileChooser.ExtensionFilter("NRRD (*.nrrd, *.nhdr)", "*.nrrd", "*.nhdr"));
        String name = workstation.session().moving().map(v -> v.source().metadata().name()).orElse("moving");
        c.setInitialFileName(name.replaceAll("[^A-Za-z0-9._-]+", "_") + "-" + suffix + ".nii.gz");
        File f = c.showSaveDialog(owner);
        return java.util.Optional.ofNullable(f).map(File::toPath);
    }

    private java.util.Optional<VolumeSource.Hardened> hardenedSource() {
        return workstation.session().moving().flatMap(workstation::originOf)
                .filter(VolumeSource.Hardened.class::isInstance).map(VolumeSource.Hardened.class::cast);
    }

    /** Resamples the moving image onto the fixed grid through the current transform and saves it with the transform. */
    TaskHandle saveResampled(Path image) {
        return saver.saveResampled(workstation.tasks(), image, this::confirm,
                e -> errors.accept(UserMessages.describe(e)));
    }

    /** Saves the hardened moving volume as it is, with the transform hardened into it; null if it is not hardened. */
    TaskHandle saveHardened(Path image) {
        var h = hardenedSource();
        if (h.isEmpty()) {
            errors.accept("The moving image is not a hardened one.\n\nWhat to try: Harden a transform in the "
                    + "Transforms panel first, or save the resampled moving image.");
            return null;
        }
        return saver.saveAsIs(workstation.tasks(), image, h.get().fixedToMoving(), "moving image with '"
                + h.get().name() + "' hardened into its geometry", this::confirm,
                e -> errors.accept(UserMessages.describe(e)));
    }

    private void confirm(SaveMovingImage.Written w) {
        confirmations.accept("Saved " + w.image().getFileName() + " and its transform " + w.transform().getFileName()
                + " in " + w.image().toAbsolutePath().getParent());
    }
}
