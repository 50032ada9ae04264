package org.coreg.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.coreg.image.ImageGeometry;
import org.coreg.io.ImageFormats;
import org.coreg.io.transform.DisplacementFieldFiles;
import org.coreg.io.transform.ElastixTransformFile;
import org.coreg.io.transform.TransformFiles;
import org.coreg.io.transform.TransformFormat;
import org.coreg.transform.CompositeTransform;
import org.coreg.transform.DisplacementFieldTransform;
import org.coreg.transform.RecordedTransform;
import org.coreg.transform.SpatialTransform;

/** What the transform subcommands share: reading any transform file, and writing one in a chosen format. */
final class TransformIo {
    private TransformIo() {
    }

    /** The format named by {@code --format}, or the one the file name asks for. */
    static TransformFormat format(String name, Path out) {
        if (name == null) {
            return TransformFormat.forName(out);
        }
        TransformFormat f = TransformFormat.parse(name);
        if (f == null) {
            throw new IllegalArgumentException("--format: expected itk, elastix, matrix-lps, matrix-ras, field or h5, "
                    + "found '" + name + "'");
        }
        return f;
    }

    /**
     * The fixed image grid an elastix file needs: the {@code --reference} image's, else the one an elastix input
     * file holds, else an error saying what to give.
     */
    static ImageGeometry fixedGrid(Path reference, Path... transformInputs) throws IOException {
        if (reference != null) {
            return ImageFormats.standard().read(reference).geometry();
        }
        for (Path in : transformInputs) {
            if (TransformFiles.detect(in) == TransformFormat.ELASTIX) {
                return ElastixTransformFile.readContents(in).fixedGrid();
            }
        }
        throw new IllegalArgumentException("an elastix TransformParameters file needs the fixed image grid: give "
                + "--reference FIXED_IMAGE");
    }

    /** Writes {@code t} to {@code out} in {@code format}; elastix files get {@code grid}. */
    static void write(SpatialTransform t, Path out, TransformFormat format, Path reference, Path... inputs)
            throws IOException {
        TransformFiles.requireName(out, format);
        if (format == TransformFormat.ELASTIX) {
            ElastixTransformFile.write(t, fixedGrid(reference, inputs), out);
        } else if (format == TransformFormat.DISPLACEMENT_FIELD
                && (reference != null || !(t instanceof DisplacementFieldTransform))) {
            if (reference == null) {
                throw new IllegalArgumentException("a displacement field file needs the grid to sample "
                        + t.describe() + " on: give --reference FIXED_IMAGE");
            }
            ImageGeometry grid = ImageFormats.standard().read(reference).geometry();
            DisplacementFieldFiles.write(DisplacementFieldTransform.sample(t, grid), out);
        } else {
            TransformFiles.write(t, out, format);
        }
    }

    /**
     * The transform file written beside a resampled image: {@code out.nii.gz} gives {@code out.tfm}, or, for a
     * transform that holds a displacement field (which ITK text files cannot), {@code out_field.nii.gz}.
     */
    static Path besideImage(Path image, SpatialTransform t) {
        Path tfm = besideImage(image);
        if (!holdsField(t)) {
            return tfm;
        }
        String n = tfm.getFileName().toString();
        return tfm.resolveSibling(n.substring(0, n.length() - ".tfm".length()) + "_field.nii.gz");
    }

    /**
     * Writes the transform that made an image beside it ({@link #besideImage(Path, SpatialTransform)}): as read,
     * provenance included; one holding a displacement field is written as a field (a composite one sampled on
     * {@code grid}, the image's grid).
     */
    static void writeBesideImage(RecordedTransform r, Path file, ImageGeometry grid) throws IOException {
        SpatialTransform t = r.transform();
        if (!holdsField(t)) {
            TransformFiles.write(r, file);
        } else if (t instanceof DisplacementFieldTransform d) {
            DisplacementFieldFiles.write(d, file);
        } else {
            DisplacementFieldFiles.write(DisplacementFieldTransform.sample(t, grid), file);
        }
    }

    private static boolean holdsField(SpatialTransform t) {
        return t instanceof DisplacementFieldTransform
                || t instanceof CompositeTransform c && c.steps().stream().anyMatch(TransformIo::holdsField);
    }

    /** The transform file written beside a resampled image: {@code out.nii.gz} gives {@code out.tfm}. */
    static Path besideImage(Path image) {
        String n = image.getFileName().toString();
        String lower = n.toLowerCase(Locale.ROOT);
        for (String ext : new String[] {".nii.gz", ".nii", ".mha", ".mhd", ".nrrd", ".nhdr"}) {
            if (lower.endsWith(ext)) {
                n = n.substring(0, n.length() - ext.length());
                break;
            }
        }
        return image.resolveSibling(n + ".tfm");
    }
}
