package org.coreg.app.transforms;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.coreg.app.session.Session;
import org.coreg.app.session.TransformLibrary.Entry;
import org.coreg.io.transform.ElastixTransformFile;
import org.coreg.io.transform.TransformFileException;
import org.coreg.io.transform.TransformFiles;
import org.coreg.io.transform.TransformFormat;
import org.coreg.transform.AffineTransform;
import org.coreg.transform.Direction;
import org.coreg.transform.NonInvertibleTransformException;
import org.coreg.transform.Provenance;
import org.coreg.transform.RecordedTransform;
import org.coreg.transform.SpatialTransform;
import org.coreg.transform.Transforms;

/**
 * Import and export of transform manager entries through {@link TransformFiles}: ITK {@code .tfm} and {@code .h5},
 * elastix
 * TransformParameters and Coreg 4x4 matrices (LPS or RAS). Files are LPS mm; a file that holds moving -> fixed is
 * inverted on import so every entry maps fixed -> moving. A failed import leaves the session unchanged; a failed
 * export leaves no file (the writers are atomic).
 */
public final class TransformExchange {
    /** Names the file choosers offer, with the extension each format is written under. */
    public static final String ADVICE_FORMATS = "Choose an ITK transform (.tfm) or ITK HDF5 file (.h5, as 3D Slicer "
            + "saves), an elastix TransformParameters file or a Coreg 4x4 matrix (.mat4).";

    private final Session session;

    public TransformExchange(Session session) {
        this.session = Objects.requireNonNull(session);
    }

    /**
     * Reads a linear transform file into a new entry named after the file.
     *
     * @throws TransformActionException if the file is unreadable, of another kind, corrupt, or not linear
     */
    public Entry importFile(Path file) throws TransformActionException {
        SpatialTransform t;
        TransformFormat format;
        try {
            format = TransformFiles.detect(file);
            t = TransformFiles.read(file);
        } catch (TransformFileException e) {
            throw new TransformActionException("Could not import the transform.\n\n" + e.getMessage(),
                    ADVICE_FORMATS, e);
        }
        SpatialTransform collapsed = Transforms.compose(t);
        if (!(collapsed instanceof AffineTransform a)) {
            throw new TransformActionException("Could not import " + file.getFileName() + ": it holds a "
                    + t.describe() + " transform, and the workstation keeps linear (rigid or affine) transforms only.",
                    "Apply a deformable transform with 'coreg resample' or 'coreg harden' on the command line.");
        }
        AffineTransform fixedToMoving;
        try {
            fixedToMoving = a.direction() == Direction.FIXED_TO_MOVING ? a : a.inverse();
        } catch (NonInvertibleTransformException e) {
            throw new TransformActionException("Could not import " + file.getFileName() + ": it maps moving to "
                    + "fixed and its matrix is singular, so it cannot be turned around.", ADVICE_FORMATS, e);
        }
        String name = file.getFileName().toString().replaceFirst("(?i)(\\.tfm|\\.txt|\\.mat4|\\.mat|\\.h5)$", "");
        return session.transforms().add(name, fixedToMoving.map(), "imported from " + file.getFileName() + " ("
                + format.name().toLowerCase(Locale.ROOT).replace('_', ' ') + (a.direction() == Direction.FIXED_TO_MOVING
                ? "" : ", inverted: the file maps moving to fixed") + ")", TransformManager.pairOf(session));
    }

    /**
     * {@code chosen} renamed, if needed, so that {@link TransformFormat#forName} reads it as {@code format}: {@code .tfm}
     * for ITK, {@code .mat4} (with {@code -ras} for RAS) for matrices, {@code TransformParameters.NAME.txt} for elastix.
     */
    public static Path fileFor(Path chosen, TransformFormat format) {
        if (TransformFormat.ofName(chosen).orElse(null) == format) {
            return chosen;
        }
        String n = chosen.getFileName().toString().replaceFirst("(?i)(\\.tfm|\\.txt|\\.mat4|\\.h5)$", "");
        String name = switch (format) {
            case ITK -> n + ".tfm";
            case MATRIX_LPS -> n.replaceAll("(?i)ras", "") + "-matrix.mat4";
            case MATRIX_RAS -> n + "-ras.mat4";
            case ELASTIX -> "TransformParameters." + n + ".txt";
            case DISPLACEMENT_FIELD -> n + ".nii.gz";
            case ITK_HDF5 -> n + ".h5";
        };
        return chosen.resolveSibling(name);
    }

    /**
     * Writes an entry as fixed -> moving in the format the file name asks for ({@link TransformFormat#forName}:
     * {@code .tfm} ITK, {@code TransformParameters*.txt} elastix, {@code *.mat4} LPS matrix, {@code *ras*.mat4} RAS
     * matrix), with its provenance. A B-spline result is written whole (affine part, then B-spline), which a 4x4
     * matrix cannot hold.
     *
     * @return the files written (elastix chains may write more than one)
     * @throws TransformActionException if writing failed or elastix is asked for without a fixed volume
     */
    public List<Path> export(Entry e, Path file) throws TransformActionException {
        List<String> inputs = new ArrayList<>();
        session.fixed().ifPresent(v -> inputs.add(v.source().metadata().name()));
        session.moving().ifPresent(v -> inputs.add(v.source().metadata().name()));
        if (e.isDeformable() && TransformFormat.ofName(file).filter(f -> f == TransformFormat.MATRIX_LPS
                || f == TransformFormat.MATRIX_RAS).isPresent()) {
            throw new TransformActionException("'" + e.name() + "' is a B-spline result, and a 4x4 matrix holds "
                    + "only linear transforms.", "Export it as an ITK transform (.tfm or .h5), an elastix "
                    + "TransformParameters file or a displacement field (.nii.gz).");
        }
        RecordedTransform r = new RecordedTransform(e.whole(),
                Provenance.now("Coreg workstation", (e.origin() + "; " + e.appliesTo()).replace('\n', ' '), inputs));
        try {
            if (TransformFormat.forName(file) == TransformFormat.ELASTIX) {
                var fixed = session.fixed().orElseThrow(() -> new TransformActionException("An elastix transform "
                        + "file records the fixed image grid, and no fixed volume is open.",
                        "Open the fixed volume first, or export as ITK (.tfm) or a 4x4 matrix (.mat4)."));
                return ElastixTransformFile.write(r, fixed.geometry(), file, ElastixTransformFile.WriteOptions.DEFAULT);
            }
            TransformFiles.write(r, file);
            return List.of(file);
        } catch (IOException | IllegalArgumentException io) {
            throw new TransformActionException("Could not export '" + e.name() + "' to " + file + ": "
                    + io.getMessage(), "Check that the folder exists and is writable, and that the name ends .tfm, "
                    + ".mat4 or is TransformParameters.NAME.txt.", io);
        }
    }
}
