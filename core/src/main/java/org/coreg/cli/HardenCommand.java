package org.coreg.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;
import org.coreg.io.ImageFormats;
import org.coreg.io.transform.TransformFiles;
import org.coreg.transform.Hardening;
import org.coreg.transform.Resampler;
import org.coreg.transform.SpatialTransform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code coreg harden --moving M --transform T --out R}: put the moving image in fixed space. A linear transform
 * changes only the geometry (lossless); a nonlinear one resamples onto {@code --reference} (default: the image's own
 * grid). The transform is written beside the result.
 */
@Command(name = "harden", mixinStandardHelpOptions = true,
        description = "Apply a fixed-to-moving transform to a moving image: new geometry if linear, else resampled.")
final class HardenCommand implements Callable<Integer> {
    @Option(names = "--moving", required = true, paramLabel = "M", description = "Moving image.")
    Path moving;

    @Option(names = "--transform", required = true, paramLabel = "T", description = "Transform file.")
    Path transform;

    @Option(names = "--out", required = true, paramLabel = "R", description = "Output image.")
    Path out;

    @Option(names = "--reference", paramLabel = "F", description = "Grid for nonlinear transforms.")
    Path reference;

    @Option(names = "--interp", defaultValue = "linear", paramLabel = "KIND",
            description = "nearest, linear or bspline, when resampling (default: ${DEFAULT-VALUE}).")
    String interp;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        org.coreg.transform.RecordedTransform record = TransformFiles.readRecord(transform);
        SpatialTransform t = record.transform();
        ImageFormats formats = ImageFormats.standard();
        formats.forName(out);
        Volume m = formats.read(moving);
        ImageGeometry grid = reference == null ? m.geometry() : formats.read(reference).geometry();
        Hardening.Result r;
        try {
            r = Hardening.harden(m, t, grid, new Resampler.Settings(ResampleCommand.kind(interp), 0));
        } catch (org.coreg.transform.NonInvertibleTransformException | IllegalStateException e) {
            throw new IllegalArgumentException(transform + ": " + e.getMessage(), e);
        }
        Path tfm = TransformIo.besideImage(out, t);
        // The transform as read, provenance included, so the result can be traced to its registration.
        TransformIo.writeBesideImage(record, tfm, grid);
        try {
            formats.write(r.volume(), out);
        } catch (java.io.IOException | RuntimeException e) {
            // No transform without its result either: the pair is written together or not at all.
            java.nio.file.Files.deleteIfExists(tfm);
            throw e;
        }
        spec.commandLine().getOut().println("wrote " + out + " (" + r.historyEntry() + ") and " + tfm);
        return 0;
    }
}
