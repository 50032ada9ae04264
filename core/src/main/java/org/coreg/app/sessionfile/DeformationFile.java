package org.coreg.app.sessionfile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.coreg.app.session.Deformation;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.io.transform.TransformFileException;
import org.coreg.io.transform.TransformFiles;
import org.coreg.registration.Workers;
import org.coreg.registration.deformable.BSplineDeformation;
import org.coreg.registration.deformable.FoldingCheck;
import org.coreg.transform.AffineTransform;
import org.coreg.transform.BSplineTransform;
import org.coreg.transform.CompositeTransform;
import org.coreg.transform.Direction;
import org.coreg.transform.Provenance;
import org.coreg.transform.RecordedTransform;
import org.coreg.transform.SpatialTransform;
import org.coreg.transform.Transforms;

/**
 * A session's B-spline result as a file beside the session file: the whole map, fixed LPS mm to moving LPS mm (the
 * affine part, then the B-spline), written atomically as an ITK text CompositeTransform that ITK, 3D Slicer and
 * {@code coreg} read, and named after the session ({@code case.coreg.json} -> {@code case.deformation.tfm}). Reading
 * it back checks that its affine part is the session's transform and recomputes the folding check on the fixed grid
 * ({@link FoldingCheck}), which the file does not hold.
 */
public final class DeformationFile {
    static final String SUFFIX = ".deformation.tfm";
    /** How far the file's affine part may be from the session's transform (matrix entries, relative). */
    private static final double AFFINE_TOLERANCE = 1e-9;

    private DeformationFile() {
    }

    /** The deformation file of {@code sessionFile}: its name without {@code .coreg.json} or {@code .json}, then ours. */
    public static Path besideSession(Path sessionFile) {
        String name = sessionFile.getFileName().toString();
        for (String end : List.of(".coreg.json", ".json")) {
            if (name.length() > end.length() && name.toLowerCase(java.util.Locale.ROOT).endsWith(end)) {
                name = name.substring(0, name.length() - end.length());
                break;
            }
        }
        return sessionFile.resolveSibling(name + SUFFIX);
    }

    /**
     * The file of the {@code n}-th kept transform that is a B-spline result ({@code case.coreg.json} ->
     * {@code case.kept-2.tfm}).
     */
    public static Path keptBesideSession(Path sessionFile, int n) {
        String name = besideSession(sessionFile).getFileName().toString();
        return sessionFile.resolveSibling(name.substring(0, name.length() - SUFFIX.length()) + ".kept-" + n + ".tfm");
    }

    /** Writes the whole map of the kept B-spline result {@code name} (fixed -> moving) to {@code file}, atomically. */
    public static void writeKept(SpatialTransform whole, String name, Path file) throws IOException {
        TransformFiles.write(new RecordedTransform(whole, Provenance.now("Coreg workstation", "kept transform '"
                + name + "': a B-spline result (affine part, then B-spline; fixed -> moving, LPS mm)", List.of())),
                file);
    }

    /**
     * Reads a kept B-spline result's whole map.
     *
     * @throws TransformFileException if the file is missing, unreadable or not a fixed -> moving deformable map
     */
    public static SpatialTransform readKept(Path file) throws TransformFileException {
        SpatialTransform t = TransformFiles.read(file);
        if (t.direction() != Direction.FIXED_TO_MOVING || t.isLinear()) {
            throw notOurs(file, "a fixed -> moving deformable map, found " + t.describe());
        }
        return t;
    }

    /** Writes {@code d}'s whole map beside {@code sessionFile} (atomically) and returns the link the session keeps. */
    public static SessionDeformation write(Deformation d, Path sessionFile) throws IOException {
        Path file = besideSession(sessionFile);
        TransformFiles.write(new RecordedTransform(d.fixedToMoving(), Provenance.now("Coreg workstation",
                "B-spline registration result of session " + sessionFile.getFileName()
                        + " (affine part, then B-spline; fixed -> moving, LPS mm)", List.of())), file);
        return new SessionDeformation(file, d.jacobian() != null);
    }

    /**
     * Reads the B-spline result {@code link} names and rebuilds it on top of {@code affine}, the session's transform
     * (fixed LPS mm -> moving LPS mm), with its folding check on {@code fixedGrid}.
     *
     * @throws TransformFileException if the file is missing, unreadable, not an affine then a B-spline fixed to
     *                                moving, or its affine part is not the session's transform
     */
    public static Deformation read(SessionDeformation link, AffineMap affine, ImageGeometry fixedGrid)
            throws TransformFileException {
        Path file = link.file();
        SpatialTransform t = TransformFiles.read(file);
        List<SpatialTransform> steps = t instanceof CompositeTransform c ? c.steps() : List.of(t);
        if (t.direction() != Direction.FIXED_TO_MOVING || !(steps.getLast() instanceof BSplineTransform bspline)) {
            throw notOurs(file, "a fixed -> moving chain ending in a B-spline, found " + t.describe());
        }
        AffineMap linear = AffineMap.identity();
        for (SpatialTransform s : steps.subList(0, steps.size() - 1)) {
            if (!(s instanceof AffineTransform a)) {
                throw notOurs(file, "affine steps before the B-spline, found " + s.describe());
            }
            linear = a.map().after(linear);
        }
        if (!close(linear, affine)) {
            throw notOurs(file, "its affine part to be the session's transform (the session was changed after "
                    + "the file was written)");
        }
        FoldingCheck.Report folding;
        try (Workers workers = new Workers(Runtime.getRuntime().availableProcessors())) {
            folding = FoldingCheck.check(fixedGrid, affine, new BSplineDeformation(bspline.grid(),
                    bspline.coefficients()), link.jacobianMap(), workers);
        }
        return Deformation.of(affine, Transforms.compose(AffineTransform.fixedToMoving(affine), bspline), folding);
    }

    private static boolean close(AffineMap a, AffineMap b) {
        double[] x = a.rowMajor3x4();
        double[] y = b.rowMajor3x4();
        for (int i = 0; i < x.length; i++) {
            if (Math.abs(x[i] - y[i]) > AFFINE_TOLERANCE * (1 + Math.abs(y[i]))) {
                return false;
            }
        }
        return true;
    }

    private static TransformFileException notOurs(Path file, String expected) {
        return new TransformFileException(file, 0, TransformFileException.Problem.UNSUPPORTED,
                "expected the session's B-spline result: " + expected);
    }
}
