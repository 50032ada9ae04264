package org.coreg.io.transform;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.coreg.image.AffineMap;
import org.coreg.io.ImageIOException.Problem;
import org.coreg.transform.AffineTransform;
import org.coreg.transform.DisplacementFieldTransform;
import org.coreg.transform.Provenance;
import org.coreg.transform.RecordedTransform;
import org.coreg.transform.SpatialTransform;

/**
 * Reads and writes transform files of every supported format. Reading detects the format from the content (ITK text
 * or HDF5, elastix, 4x4 matrix, displacement-field NIfTI, MetaImage or NRRD); writing picks it from the file name
 * and refuses a name of another format ({@link TransformFormat#forName}, {@link TransformFormat#allowsName}).
 * Every file Coreg writes says its direction.
 *
 * <pre>{@code
 * TransformFiles.write(AffineTransform.fixedToMoving(result), Path.of("ct-to-mr.tfm"));
 * SpatialTransform t = TransformFiles.read(Path.of("ct-to-mr.tfm"));   // t.direction() == FIXED_TO_MOVING
 * }</pre>
 */
public final class TransformFiles {
    private TransformFiles() {
    }

    /** Reads any supported transform file, detected from its content. */
    public static SpatialTransform read(Path file) throws TransformFileException {
        if (ItkHdf5TransformFile.isHdf5(file)) {
            return ItkHdf5TransformFile.read(file);
        }
        if (DisplacementFieldFiles.looksLikeField(file)) {
            return DisplacementFieldFiles.read(file);
        }
        List<String> lines = TextLines.read(file);
        return switch (detect(lines, file)) {
            case ITK -> ItkTransformFile.parse(lines, file);
            case ELASTIX -> ElastixTransformFile.read(file);
            case MATRIX_LPS, MATRIX_RAS -> MatrixTransformFile.parse(lines, file);
            case DISPLACEMENT_FIELD -> DisplacementFieldFiles.read(file);
            case ITK_HDF5 -> ItkHdf5TransformFile.read(file);
        };
    }

    /** Reads a transform and the provenance Coreg wrote with it (null provenance if the file has none). */
    public static RecordedTransform readRecord(Path file) throws TransformFileException {
        if (ItkHdf5TransformFile.isHdf5(file) || DisplacementFieldFiles.looksLikeField(file)) {
            return new RecordedTransform(read(file), null);
        }
        List<String> lines = TextLines.read(file);
        TransformFormat f = detect(lines, file);
        Provenance p = f == TransformFormat.ELASTIX ? ProvenanceComments.parse(lines, "// ")
                : ProvenanceComments.parse(lines, f == TransformFormat.ITK ? "#" : "# ");
        return new RecordedTransform(read(file), p);
    }

    /** Writes a transform with its provenance, in the format the file name asks for (not elastix: no grid). */
    public static void write(RecordedTransform r, Path file) throws IOException {
        switch (TransformFormat.forName(file)) {
            case ITK -> ItkTransformFile.write(r, file);
            case MATRIX_LPS -> MatrixTransformFile.write(r, file, false);
            case MATRIX_RAS -> MatrixTransformFile.write(r, file, true);
            case ELASTIX -> throw new TransformFileException(file, 0, Problem.UNSUPPORTED, "an elastix file needs "
                    + "the fixed image grid; write it with ElastixTransformFile.write(record, fixedGrid, file, options)");
            case DISPLACEMENT_FIELD -> writeField(r.transform(), file);
            case ITK_HDF5 -> ItkHdf5TransformFile.write(r.transform(), file);
        }
    }

    /** The format of a file's content. */
    public static TransformFormat detect(Path file) throws TransformFileException {
        if (ItkHdf5TransformFile.isHdf5(file)) {
            return TransformFormat.ITK_HDF5;
        }
        if (DisplacementFieldFiles.looksLikeField(file)) {
            return TransformFormat.DISPLACEMENT_FIELD;
        }
        return detect(TextLines.read(file), file);
    }

    static TransformFormat detect(List<String> lines, Path file) throws TransformFileException {
        String first = TextLines.firstContentLine(lines);
        if (ItkTransformFile.matches(first)) {
            return TransformFormat.ITK;
        }
        if (MatrixTransformFile.matches(first)) {
            return MatrixTransformFile.isRas(first) ? TransformFormat.MATRIX_RAS : TransformFormat.MATRIX_LPS;
        }
        if (lines.stream().anyMatch(l -> l.strip().startsWith("(Transform "))) {
            return TransformFormat.ELASTIX;
        }
        throw new TransformFileException(file, 1, Problem.WRONG_FORMAT, "expected an ITK transform file ('"
                + ItkTransformFile.MAGIC + "'), an elastix TransformParameters file ('(Transform ...)') or a Coreg "
                + "4x4 matrix ('" + MatrixTransformFile.MAGIC + "'), found '" + TextLines.clip(first) + "'");
    }

    /** Writes {@code t} in the format the file name asks for ({@link TransformFormat#forName}). */
    public static void write(SpatialTransform t, Path file) throws IOException {
        write(t, file, TransformFormat.forName(file));
    }

    /** Writes a registration result, an affine map from fixed to moving LPS mm, as the file name asks. */
    public static void writeFixedToMoving(AffineMap fixedToMoving, Path file) throws IOException {
        write(AffineTransform.fixedToMoving(fixedToMoving), file);
    }

    /**
     * Writes {@code t} in {@code format}. elastix files need the fixed image grid; use
     * {@link ElastixTransformFile#write} for those.
     */
    public static void write(SpatialTransform t, Path file, TransformFormat format) throws IOException {
        requireName(file, format);
        switch (format) {
            case ITK -> ItkTransformFile.write(t, file);
            case MATRIX_LPS -> MatrixTransformFile.write(t, file, false);
            case MATRIX_RAS -> MatrixTransformFile.write(t, file, true);
            case ELASTIX -> throw new TransformFileException(file, 0, Problem.UNSUPPORTED, "an elastix file needs "
                    + "the fixed image grid; write it with ElastixTransformFile.write(transform, fixedGrid, file)");
            case DISPLACEMENT_FIELD -> writeField(t, file);
            case ITK_HDF5 -> ItkHdf5TransformFile.write(t, file);
        }
    }

    /**
     * Refuses to write {@code format} under a name that asks for another format (a file's extension decides its
     * format).
     */
    public static void requireName(Path file, TransformFormat format) throws TransformFileException {
        if (!format.allowsName(file)) {
            throw new TransformFileException(file, 0, Problem.BAD_FIELD, "file name: a "
                    + format.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " transform cannot be "
                    + "written under the name '" + file.getFileName() + "' (names: " + TransformFormat.NAMES + ")");
        }
    }

    /** A displacement field is written as itself; any other transform must first be sampled on a grid. */
    private static void writeField(SpatialTransform t, Path file) throws TransformFileException {
        if (!(t instanceof DisplacementFieldTransform d)) {
            throw new TransformFileException(file, 0, Problem.UNSUPPORTED, "a displacement field file needs a grid "
                    + "to sample " + t.describe() + " on; sample it with DisplacementFieldTransform.sample(t, grid) "
                    + "(on the command line: --reference F)");
        }
        DisplacementFieldFiles.write(d, file);
    }
}
