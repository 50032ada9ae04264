package org.coreg.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.coreg.image.ImageGeometry;
import org.coreg.io.ImageFormats;
import org.coreg.io.json.Json;
import org.coreg.io.transform.TransformFiles;
import org.coreg.registration.landmarks.LandmarkErrors;
import org.coreg.registration.landmarks.LandmarkPair;
import org.coreg.transform.SpatialTransform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code coreg check --transform T --fixed-landmarks FL --moving-landmarks ML}: how far any transform (Coreg's,
 * elastix's, Slicer's) misses landmark pairs, fixed to moving: {@code |T(fixed) - moving|} per pair, mean, max, RMS.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Error of a transform at landmark pairs: maps each fixed landmark to moving space and measures "
                + "its distance (mm) from the moving landmark; per pair, mean, max and RMS.")
final class CheckCommand implements Callable<Integer> {
    @Option(names = "--transform", required = true, paramLabel = "T",
            description = "The transform (ITK .tfm/.h5 text, elastix TransformParameters, 4x4 matrix, displacement "
                    + "field); one stored moving->fixed is inverted.")
    Path transform;

    @Option(names = "--fixed-landmarks", required = true, paramLabel = "FL",
            description = "Landmarks on the fixed image (.mrk.json, .fcsv, .csv or elastix points).")
    Path fixedLandmarks;

    @Option(names = "--moving-landmarks", required = true, paramLabel = "ML",
            description = "The same landmarks on the moving image; paired by label, else by order.")
    Path movingLandmarks;

    @Option(names = "--reference", paramLabel = "F",
            description = "The fixed image, needed only for elastix point files in voxel indices.")
    Path reference;

    @Option(names = "--json", description = "Print one JSON object: mean_mm, max_mm, rms_mm, points (label, error_mm).")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ImageGeometry grid = reference == null ? null : ImageFormats.standard().read(reference).geometry();
        List<LandmarkPair> pairs = LandmarkInputs.read(fixedLandmarks, movingLandmarks, grid, null);
        SpatialTransform t = TransformFiles.read(transform);
        LandmarkErrors e = LandmarkErrors.of(t, pairs);
        var out = spec.commandLine().getOut();
        if (json) {
            out.print(Json.write(toJson(e)));
        } else {
            for (LandmarkErrors.PairError p : e.points()) {
                out.printf(Locale.ROOT, "%s: %.2f mm%n", p.label(), p.errorMm());
            }
            out.printf(Locale.ROOT, "%d pairs: mean %.2f mm, max %.2f mm, RMS %.2f mm (fixed->moving, %s)%n",
                    e.points().size(), e.meanMm(), e.maxMm(), e.rmsMm(), t.describe());
        }
        out.flush();
        return 0;
    }

    static Map<String, Object> toJson(LandmarkErrors e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean_mm", e.meanMm());
        m.put("max_mm", e.maxMm());
        m.put("rms_mm", e.rmsMm());
        List<Object> pts = new ArrayList<>();
        for (LandmarkErrors.PairError p : e.points()) {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("label", p.label());
            q.put("error_mm", p.errorMm());
            pts.add(q);
        }
        m.put("points", pts);
        return m;
    }
}
