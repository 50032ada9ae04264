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
        org.coreg.io.OutputCheck.writable(out, TransformIo.besideImage(out, t));
        Volume m = formats.read(moving);
        ImageGeometry grid = reference == null ? m.geometry() : formats.read(reference).geometry();
        MemoryBudget.resample(m, grid, ResampleCommand.kind(interp) == org.coreg.image.interpolation.InterpolationKind.BSPLINE)
                .check("harden", m);
        Hardening.Result r;
        try {
            r = Hardening.harden(m, t, grid, new Resampler.Settings(ResampleCommand.kind(interp), 0));
        } catch (org.coreg.transform.NonInvertibleTransformException | IllegalStateException e) {
            throw new IllegalArgumentException(transform + ": " + e.getMessage(), e);
        }
        Path tfm = TransformIo.besideImage(out, t);
        // The image first, its transform (as read, provenance included) last: see ResultWrites.
        Volume result = r.volume();
        ResultWrites.imageThenTransforms(out, () -> formats.write(result, out),
                () -> TransformIo.writeBesideImage(record, tfm, grid));
        spec.commandLine().getOut().println("wrote " + out + " (" + r.historyEntry() + ") and " + tfm);
        return 0;
    }
}
