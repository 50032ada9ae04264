package org.coreg.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.coreg.image.Volume;
import org.coreg.image.interpolation.InterpolationKind;
import org.coreg.io.ImageFormats;
import org.coreg.io.transform.TransformFiles;
import org.coreg.transform.Resampler;
import org.coreg.transform.SpatialTransform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code coreg resample --fixed F --moving M --transform T --out R}: the moving image on the fixed grid. The
 * transform is written beside the result ({@code R.tfm}), so no resampled image exists without its transform.
 */
@Command(name = "resample", mixinStandardHelpOptions = true,
        description = "Resample the moving image onto the fixed image's grid through a fixed-to-moving transform; "
                + "writes the transform beside the output.")
final class ResampleCommand implements Callable<Integer> {
    @Option(names = {"--fixed", "--reference"}, required = true, paramLabel = "F", description = "Fixed image (grid).")
    Path fixed;

    @Option(names = "--moving", required = true, paramLabel = "M", description = "Moving image.")
    Path moving;

    @Option(names = "--transform", required = true, paramLabel = "T", description = "Transform file.")
    Path transform;

    @Option(names = "--out", required = true, paramLabel = "R", description = "Output image.")
    Path out;

    @Option(names = "--interp", defaultValue = "linear", paramLabel = "KIND",
            description = "nearest, linear or bspline (default: ${DEFAULT-VALUE}).")
    String interp;

    @Option(names = "--default", defaultValue = "0", paramLabel = "V",
            description = "Value outside the moving image (default: ${DEFAULT-VALUE}).")
    double defaultValue;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    static InterpolationKind kind(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "nearest" -> InterpolationKind.NEAREST;
            case "linear" -> InterpolationKind.LINEAR;
            case "bspline", "cubic" -> InterpolationKind.BSPLINE;
            default -> throw new IllegalArgumentException("--interp: expected nearest, linear or bspline, found '"
                    + s + "'");
        };
    }

    @Override
    public Integer call() throws Exception {
        InterpolationKind k = kind(interp);
        org.coreg.transform.RecordedTransform record = TransformFiles.readRecord(transform);
        SpatialTransform t = record.transform();
        ImageFormats formats = ImageFormats.standard();
        formats.forName(out);
        org.coreg.io.OutputCheck.writable(out, TransformIo.besideImage(out, t));
        Volume f = formats.read(fixed);
        Volume m = formats.read(moving);
        MemoryBudget.resample(m, f.geometry(), k == InterpolationKind.BSPLINE).check("resample", f, m);
        Volume r;
        try {
            r = Resampler.resample(m, t, f.geometry(), new Resampler.Settings(k, defaultValue));
        } catch (org.coreg.transform.NonInvertibleTransformException | IllegalStateException e) {
            throw new IllegalArgumentException(transform + ": " + e.getMessage(), e);
        }
        Path tfm = TransformIo.besideImage(out, t);
        // The image first, its transform (as read, provenance included) last: see ResultWrites.
        Volume result = r;
        ResultWrites.imageThenTransforms(out, () -> formats.write(result, out),
                () -> TransformIo.writeBesideImage(record, tfm, f.geometry()));
        spec.commandLine().getOut().println("wrote " + out + " and its transform " + tfm + " (" + t.describe() + ")");
        return 0;
    }
}
