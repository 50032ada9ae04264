package org.coreg.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.coreg.io.transform.TransformFiles;
import org.coreg.transform.SpatialTransform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code coreg convert-transform IN OUT}: rewrite a transform in another format; the map and direction are kept. */
@Command(name = "convert-transform", mixinStandardHelpOptions = true,
        description = "Convert a transform between ITK (.tfm), elastix and 4x4 matrix (LPS or RAS) files.")
final class ConvertTransformCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN", description = "Transform file (format detected from content).")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "Output transform file.")
    Path out;

    @Option(names = "--format", paramLabel = "FMT", description = "itk, elastix, matrix-lps or matrix-ras "
            + "(default from the output name: .tfm is ITK, TransformParameters*.txt elastix, *matrix* a matrix).")
    String format;

    @Option(names = "--reference", paramLabel = "F", description = "Fixed image grid, for elastix output from a "
            + "non-elastix input.")
    Path reference;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SpatialTransform t = TransformFiles.read(in);
        TransformIo.write(t, out, TransformIo.format(format, out), reference, in);
        spec.commandLine().getOut().println("wrote " + out + " (" + t.describe() + ")");
        return 0;
    }
}
