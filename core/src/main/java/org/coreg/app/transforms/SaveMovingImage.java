package org.coreg.app.transforms;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import org.coreg.app.render.SampledVolume;
import org.coreg.app.session.Session;
import org.coreg.app.task.TaskCallbacks;
import org.coreg.app.task.TaskHandle;
import org.coreg.app.task.TaskRunner;
import org.coreg.image.AffineMap;
import org.coreg.image.Volume;
import org.coreg.io.ImageFormats;
import org.coreg.io.ImageIOException;
import org.coreg.io.transform.TransformFiles;
import org.coreg.transform.AffineTransform;
import org.coreg.transform.NonInvertibleTransformException;
import org.coreg.transform.Provenance;
import org.coreg.transform.RecordedTransform;
import org.coreg.transform.Resampler;
import org.coreg.transform.SpatialTransform;

/**
 * Saves the moving image from the workstation, never without its transform: either resampled onto the fixed grid
 * through the current fixed -> moving transform (what {@code coreg resample} writes; after a B-spline registration the
 * whole deformable map, whose {@code .tfm} is then a composite of the affine and the B-spline), or as it is (a hardened moving
 * volume, whose geometry already holds the transform). Beside the image, {@code NAME.tfm} (ITK text, fixed -> moving,
 * LPS mm, with provenance) holds the transform that made it; the same file name rule as the command line
 * ({@code out.nii.gz} gives {@code out.tfm}). The transform is written first and removed again if the image cannot be,
 * so neither exists without the other. Any image format Coreg writes, chosen by the file name.
 */
public final class SaveMovingImage {
    /** What was written: the image and the transform file beside it. */
    public record Written(Path image, Path transform) {
    }

    private final Session session;
    private final ImageFormats formats;

    public SaveMovingImage(Session session, ImageFormats formats) {
        this.session = Objects.requireNonNull(session);
        this.formats = Objects.requireNonNull(formats);
    }

    /**
     * Resamples the moving image onto the fixed grid through the current transform (trilinear, 0 outside) and
     * writes it with the transform, in the background; {@code done} and {@code failed} run on the callback thread.
     */
    public TaskHandle saveResampled(TaskRunner tasks, Path image, Consumer<Written> done, Consumer<Throwable> failed) {
        SampledVolume fixed = session.fixed().orElse(null);
        SampledVolume moving = session.moving().orElse(null);
        // after a B-spline registration the whole map (affine then B-spline), else the affine transform
        SpatialTransform t = session.deformation().map(d -> d.fixedToMoving())
                .orElse(AffineTransform.fixedToMoving(session.fixedToMoving()));
        String how = session.deformation().isPresent()
                ? "moving image resampled onto the fixed grid through the affine and B-spline registration result"
                : "moving image resampled onto the fixed grid";
        return tasks.submit("Saving " + image.getFileName(), (progress, cancel) -> {
            if (fixed == null || moving == null) {
                throw new TransformActionException("There is no fixed and moving image pair to resample.",
                        "Open a fixed and a moving image first.");
            }
            progress.progress(-1, "Resampling " + moving.source().metadata().name() + " onto the fixed grid");
            Volume resampled;
            try {
                resampled = Resampler.resample(moving.source(), t, fixed.geometry(), Resampler.Settings.LINEAR);
            } catch (NonInvertibleTransformException e) {
                throw new TransformActionException("The current transform cannot resample the moving image: "
                        + e.getMessage(), "Use another transform.", e);
            }
            cancel.check();
            progress.progress(0.8, "Writing " + image.getFileName());
            return write(resampled, image, t, how, fixed, moving);
        }, TaskCallbacks.of(done, failed));
    }

    /**
     * Writes the moving volume as it is (its voxels and geometry, e.g. after hardening) with {@code madeBy}, the
     * transform hardened into it (fixed -> the original moving image, LPS mm), beside it.
     */
    public TaskHandle saveAsIs(TaskRunner tasks, Path image, AffineMap madeBy, String how, Consumer<Written> done,
                               Consumer<Throwable> failed) {
        SampledVolume fixed = session.fixed().orElse(null);
        SampledVolume moving = session.moving().orElse(null);
        return tasks.submit("Saving " + image.getFileName(), (progress, cancel) -> {
            if (moving == null) {
                throw new TransformActionException("There is no moving image to save.", "Open a moving image first.");
            }
            progress.progress(-1, "Writing " + image.getFileName());
            return write(moving.source(), image, AffineTransform.fixedToMoving(madeBy), how, fixed, moving);
        }, TaskCallbacks.of(done, failed));
    }

    private Written write(Volume v, Path image, SpatialTransform t, String how, SampledVolume fixed, SampledVolume moving)
            throws TransformActionException {
        try {
            formats.forName(image); // refuse an unknown extension before writing anything
        } catch (ImageIOException e) {
            throw new TransformActionException("Could not save " + image.getFileName() + ": " + e.getMessage(),
                    "Name the file .nii.gz, .nii, .mha, .mhd, .nrrd or .nhdr.", e);
        }
        Path tfm = besideImage(image);
        List<String> inputs = new ArrayList<>();
        if (fixed != null) {
            inputs.add(fixed.source().metadata().name());
        }
        inputs.add(moving.source().metadata().name());
        try {
            TransformFiles.write(new RecordedTransform(t, Provenance.now("Coreg workstation", how, inputs)), tfm);
            try {
                formats.write(v, image);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(tfm); // no transform without its image either
                throw e;
            }
        } catch (IOException e) {
            throw new TransformActionException("Could not save " + image + ": " + e.getMessage(),
                    "Check that the folder exists and is writable.", e);
        }
        return new Written(image, tfm);
    }

    /** The transform file beside an image: {@code out.nii.gz} gives {@code out.tfm} (as {@code coreg resample}). */
    public static Path besideImage(Path image) {
        String n = image.getFileName().toString();
        String lower = n.toLowerCase(Locale.ROOT);
        for (String ext : new String[] {".nii.gz", ".nii", ".mha", ".mhd", ".nrrd", ".nhdr", ".hdr"}) {
            if (lower.endsWith(ext)) {
                n = n.substring(0, n.length() - ext.length());
                break;
            }
        }
        return image.resolveSibling(n + ".tfm");
    }
}
