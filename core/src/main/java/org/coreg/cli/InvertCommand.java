package org.coreg.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.coreg.image.ImageGeometry;
import org.coreg.io.ImageFormats;
import org.coreg.io.transform.DisplacementFieldFiles;
import org.coreg.io.transform.TransformFiles;
import org.coreg.io.transform.TransformFormat;
import org.coreg.transform.DisplacementFieldTransform;
import org.coreg.transform.NonInvertibleTransformException;
import org.coreg.transform.NumericalInverse;
import org.coreg.transform.SpatialTransform;
import org.coreg.transform.Transforms;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code coreg invert T --out T2}: the exact inverse of a linear transform (or chain), direction reversed; a
 * nonlinear one (B-spline, field, mixed chain) is inverted numerically onto a displacement-field file.
 */
@Command(name = "invert", mixinStandardHelpOptions = true,
        description = {"Write the inverse of a linear transform; the output says its reversed direction.",
            "A nonlinear transform is inverted numerically onto a displacement field (OUT .nii.gz/.mha), on the "
                + "--reference grid (a field's own grid by default); the largest residual is reported."})
final class InvertCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "T", description = "Transform file (ITK, elastix or 4x4 matrix).")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "T2", description = "Output transform file.")
    Path out;

    @Option(names = "--format", paramLabel = "FMT", description = "itk, elastix, matrix-lps, matrix-ras, field "
            + "(default from the output name: .tfm is ITK).")
    String format;

    @Option(names = "--reference", paramLabel = "F", description = "Fixed image grid, for elastix output; for a "
            + "displacement-field inverse, the grid it is sampled on (the moving image).")
    Path reference;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        org.coreg.io.OutputCheck.writable(out); // before any work: the file and the reason, at once
        SpatialTransform t = TransformFiles.read(in);
        TransformFormat f = TransformIo.format(format, out);
        if (!t.isLinear() && f == TransformFormat.DISPLACEMENT_FIELD) {
            invertOntoField(t);
            return 0;
        }
        if (!t.isLinear()) {
            throw new IllegalArgumentException(in + ": " + t.describe() + " has no exact inverse that ITK or elastix "
                    + "files can hold; write it as a displacement field (--out INV.nii.gz, with --reference "
                    + "MOVING_IMAGE for the grid), or map points with 'coreg points --direction' instead");
        }
        SpatialTransform inv;
        try {
            inv = Transforms.inverse(Transforms.compose(t));
        } catch (org.coreg.transform.NonInvertibleTransformException e) {
            throw new IllegalArgumentException(in + ": " + e.getMessage(), e);
        }
        TransformIo.write(inv, out, f, reference, in);
        spec.commandLine().getOut().println("wrote " + out + " (" + inv.describe() + ")");
        return 0;
    }

    /**
     * The numerical inverse of a nonlinear map, sampled on a grid of its target space: the {@code --reference}
     * image's, else (for a field) the field's own grid.
     */
    private void invertOntoField(SpatialTransform t) throws java.io.IOException {
        ImageGeometry grid;
        if (reference != null) {
            grid = ImageFormats.standard().read(reference).geometry();
        } else if (t instanceof DisplacementFieldTransform d) {
            grid = d.grid();
        } else {
            throw new IllegalArgumentException(in + ": inverting " + t.describe() + " onto a displacement field needs "
                    + "the grid to sample it on: give --reference MOVING_IMAGE");
        }
        DisplacementFieldTransform.Inversion inv;
        try {
            inv = DisplacementFieldTransform.invertOnGrid(t, grid, NumericalInverse.Settings.DEFAULT);
        } catch (NonInvertibleTransformException e) {
            throw new IllegalArgumentException(in + ": " + e.getMessage(), e);
        }
        DisplacementFieldFiles.write(inv.field(), out);
        spec.commandLine().getOut().printf("wrote %s (%s, largest residual %.3g mm)%n", out, inv.field().describe(),
                inv.maxResidual());
    }
}
