package org.coreg.app.load;

import java.nio.file.Path;
import java.util.Objects;
import org.coreg.image.AffineMap;
import org.coreg.io.dicom.DicomReadOptions;

/**
 * Where a workstation volume came from, precisely enough to read it again: an image file, one series of a DICOM
 * folder with the options it was read with, or another source with a transform hardened into it. Session files store
 * this so that a saved session reopens whatever it held ({@link VolumeSources#load}).
 */
public sealed interface VolumeSource {
    /** A short name for messages: the file or folder name. */
    String displayName();

    /** An image file in any format Coreg reads. */
    record ImageFile(Path path) implements VolumeSource {
        public ImageFile {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String displayName() {
            return String.valueOf(path.getFileName());
        }
    }

    /**
     * One series of a DICOM folder (the folder is scanned with its sub-folders).
     *
     * @param folder      the folder that was scanned
     * @param seriesUid   Series Instance UID (0020,000E)
     * @param description the series description as listed (number and description), to tell the user what is missing
     * @param images      number of images of the series when it was read (a folder may split one UID by size or
     *                    orientation; the count picks the same part again)
     * @param options     resampling of uneven slices and tilt correction, as accepted when it was first read
     */
    record DicomSeriesSource(Path folder, String seriesUid, String description, int images, DicomReadOptions options)
            implements VolumeSource {
        public DicomSeriesSource {
            Objects.requireNonNull(folder, "folder");
            Objects.requireNonNull(seriesUid, "seriesUid");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(options, "options");
        }

        @Override
        public String displayName() {
            return folder.getFileName() + (description.isBlank() ? "" : " " + description);
        }
    }

    /**
     * {@code base} with a linear transform hardened into its geometry ({@code org.coreg.transform.Hardening}: the
     * voxels stay, the geometry moves), recomputed whenever it is read.
     *
     * @param base          the volume before hardening
     * @param name          the name of the hardened transform
     * @param fixedToMoving the hardened transform, fixed LPS mm to the base volume's LPS mm
     */
    record Hardened(VolumeSource base, String name, AffineMap fixedToMoving) implements VolumeSource {
        public Hardened {
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(fixedToMoving, "fixedToMoving");
        }

        @Override
        public String displayName() {
            return base.displayName() + " hardened by '" + name + "'";
        }
    }
}
