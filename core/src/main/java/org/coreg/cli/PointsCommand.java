package org.coreg.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.coreg.image.ImageGeometry;
import org.coreg.io.ImageFormats;
import org.coreg.io.points.PointFiles;
import org.coreg.io.transform.TransformFiles;
import org.coreg.points.PointList;
import org.coreg.points.PointMapper;
import org.coreg.transform.Direction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code coreg points --transform T --direction fixed-to-moving IN OUT}: map planning points between spaces. */
@Command(name = "points", mixinStandardHelpOptions = true,
        description = "Map planning points with a transform, in an explicit direction; formats by extension "
                + "(.mrk.json, .fcsv, .csv, .txt elastix points).")
final class PointsCommand implements Callable<Integer> {
    @Option(names = "--transform", required = true, paramLabel = "T", description = "Transform file.")
    Path transform;

    @Option(names = "--direction", required = true, paramLabel = "DIR",
            description = "fixed-to-moving (the transform itself) or moving-to-fixed (its inverse).")
    String direction;

    @Parameters(index = "0", arity = "0..1", paramLabel = "IN", description = "Input points.")
    Path inPositional;

    @Parameters(index = "1", arity = "0..1", paramLabel = "OUT", description = "Output points.")
    Path outPositional;

    @Option(names = "--in", paramLabel = "P", description = "Input points (instead of IN).")
    Path inOption;

    @Option(names = "--out", paramLabel = "Q", description = "Output points (instead of OUT).")
    Path outOption;

    @Option(names = "--reference", paramLabel = "F", description = "Fixed image, for elastix 'index' point files.")
    Path reference;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path in = inOption != null ? inOption : inPositional;
        Path out = outOption != null ? outOption : outPositional;
        if (in == null || out == null) {
            throw new IllegalArgumentException("points: give the input and output point files (IN OUT or --in/--out)");
        }
        org.coreg.io.OutputCheck.writable(out); // before any work: the file and the reason, at once

        Direction d = Direction.parse(direction);
        if (d == null) {
            throw new IllegalArgumentException("--direction: expected fixed-to-moving or moving-to-fixed, found '"
                    + direction + "'");
        }
        ImageGeometry grid = reference == null ? null : ImageFormats.standard().read(reference).geometry();
        PointList points = PointFiles.read(in, grid);
        PointMapper.Result r;
        try {
            r = new PointMapper(TransformFiles.read(transform)).map(points, d);
        } catch (org.coreg.transform.NonInvertibleTransformException e) {
            throw new IllegalArgumentException(transform + ": " + e.getMessage(), e);
        }
        PointFiles.write(r.points(), out);
        spec.commandLine().getOut().println("wrote " + out + " (" + r.points().size() + " points, "
                + r.points().history().getLast() + (r.maxResidual() > 0 ? ", largest inverse residual "
                + r.maxResidual() + " mm" : "") + ")");
        return 0;
    }
}
