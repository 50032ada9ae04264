package org.coreg.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.coreg.io.transform.TransformFiles;
import org.coreg.transform.SpatialTransform;
import org.coreg.transform.Transforms;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code coreg invert T --out T2}: the exact inverse of a linear transform (or chain), direction reversed. */
@Command(name = "invert", mixinStandardHelpOptions = true,
        description = "Write the inverse of a linear transform; the output says its reversed direction.")
final class InvertCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "T", description = "Transform file (ITK, elastix or 4x4 matrix).")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "T2", description = "Output transform file.")
    Path out;

    @Option(names = "--format", paramLabel = "FMT", description = "itk, elastix, matrix-lps or matrix-ras "
            + "(default from the output name: .tfm is ITK).")
    String format;

    @Option(names = "--reference", paramLabel = "F", description = "Fixed image grid, for elastix output.")
    Path reference;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SpatialTransform t = TransformFiles.read(in);
        if (!t.isLinear()) {
            throw new IllegalArgumentException(in + ": " + t.describe() + " has no exact inverse that ITK or elastix "
                    + "files can hold; map points with 'coreg points --direction' (numerical inverse) instead");
        }
        SpatialTransform inv = Transforms.inverse(Transforms.compose(t));
        TransformIo.write(inv, out, TransformIo.format(format, out), reference, in);
        spec.commandLine().getOut().println("wrote " + out + " (" + inv.describe() + ")");
        return 0;
    }
}
