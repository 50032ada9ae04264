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
        description = {"Convert a transform between ITK (.tfm, .h5), elastix, 4x4 matrix (LPS or RAS) and "
            + "displacement-field (.nii.gz, .mha; .nrrd read) files; 'coreg convert' does the same for a transform "
            + "file. The output name's extension decides the format.",
            "A field from a non-field transform is sampled on the --reference grid."})
final class ConvertTransformCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN", description = "Transform file (format detected from content).")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "Output transform file.")
    Path out;

    @Option(names = "--format", paramLabel = "FMT", description = "itk, h5, elastix, matrix-lps, matrix-ras or "
            + "field (default from the output name: .tfm is ITK, .h5 ITK HDF5, TransformParameters*.txt elastix, "
            + ".mat4 or *matrix*.txt a matrix, .nii(.gz)/.mha/.mhd a displacement field); refused when the name "
            + "asks for another format.")
    String format;

    @Option(names = "--reference", paramLabel = "F", description = "Fixed image grid, for elastix output from a "
            + "non-elastix input, or the grid a displacement field is sampled on.")
    Path reference;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        org.coreg.io.OutputCheck.writable(out); // before any work: the file and the reason, at once
        convert(in, out, format, reference, spec.commandLine().getOut());
        return 0;
    }

    /** Reads {@code in} (any transform file) and writes it to {@code out}; shared with {@code coreg convert}. */
    static void convert(Path in, Path out, String format, Path reference, java.io.PrintWriter report)
            throws java.io.IOException {
        SpatialTransform t = TransformFiles.read(in);
        TransformIo.write(t, out, TransformIo.format(format, out), reference, in);
        report.println("wrote " + out + " (" + t.describe() + ")");
    }
}
