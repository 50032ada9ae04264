package org.coreg.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.coreg.io.transform.TransformFiles;
import org.coreg.transform.SpatialTransform;
import org.coreg.transform.Transforms;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code coreg compose T1 T2 ... --out T}: one transform that applies T1 first, then T2, ... */
@Command(name = "compose", mixinStandardHelpOptions = true,
        description = "Chain transforms (T1 applied first); linear runs collapse to one matrix.")
final class ComposeCommand implements Callable<Integer> {
    @Parameters(arity = "2..*", paramLabel = "T", description = "Transform files in the order they apply.")
    List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "T", description = "Output transform file.")
    Path out;

    @Option(names = "--format", paramLabel = "FMT", description = "itk, elastix, matrix-lps, matrix-ras or field.")
    String format;

    @Option(names = "--reference", paramLabel = "F", description = "Fixed image grid, for elastix output.")
    Path reference;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        org.coreg.io.OutputCheck.writable(out); // before any work: the file and the reason, at once
        List<SpatialTransform> steps = new ArrayList<>();
        for (Path p : inputs) {
            steps.add(TransformFiles.read(p));
        }
        SpatialTransform t = Transforms.compose(steps);
        TransformIo.write(t, out, TransformIo.format(format, out), reference, inputs.toArray(Path[]::new));
        spec.commandLine().getOut().println("wrote " + out + " (" + t.describe() + ")");
        return 0;
    }
}
