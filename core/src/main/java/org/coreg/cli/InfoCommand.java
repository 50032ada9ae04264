package org.coreg.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.coreg.image.ImageGeometry;
import org.coreg.image.RasLps;
import org.coreg.image.Volume;
import org.coreg.image.VoxelCensus;
import org.coreg.io.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code coreg info FILE}: the geometry and intensities of an image, in LPS and RAS. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print size, spacing, origin and direction (LPS and RAS), data type, intensity range and format.")
final class InfoCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE",
            description = "Image file (.nii, .nii.gz, .hdr, .mha, .mhd, .nrrd, .nhdr, .dcm) or DICOM folder.")
    Path file;

    @Option(names = "--json", description = "Print one JSON object (geometry in LPS; direction row-major 3x3).")
    boolean json;

    @picocli.CommandLine.Mixin
    DicomOptions dicom = new DicomOptions();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Volume v = dicom.formats().read(file);
        spec.commandLine().getOut().print(json ? json(v) : text(v));
        spec.commandLine().getOut().flush();
        return 0;
    }

    static String json(Volume v) {
        ImageGeometry g = v.geometry();
        VoxelCensus c = VoxelCensus.of(v);
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("file", String.valueOf(v.metadata().source()));
        o.put("format", v.metadata().format());
        o.put("size", Arrays.stream(g.size()).boxed().toList());
        o.put("spacing", numbers(g.spacing()));
        o.put("origin", numbers(g.origin()));
        o.put("direction", numbers(g.direction()));
        o.put("coordinates", "LPS");
        o.put("type", v.type().label());
        o.put("rescaleSlope", number(v.metadata().rescaleSlope()));
        o.put("rescaleIntercept", number(v.metadata().rescaleIntercept()));
        o.put("min", number(c.min()));
        o.put("max", number(c.max()));
        o.put("nanVoxels", c.nan());
        o.put("infiniteVoxels", c.infinite());
        return Json.write(o);
    }

    /** A value for {@link Json#write}: JSON has no NaN or infinity, so those are null. */
    private static Double number(double d) {
        return Double.isFinite(d) ? d : null;
    }

    private static List<Double> numbers(double[] values) {
        return Arrays.stream(values).mapToObj(InfoCommand::number).toList();
    }

    static String text(Volume v) {
        ImageGeometry g = v.geometry();
        double[] d = g.direction();
        VoxelCensus census = VoxelCensus.of(v);
        StringBuilder b = new StringBuilder();
        b.append("file:        ").append(v.metadata().source()).append('\n');
        b.append("format:      ").append(v.metadata().format()).append('\n');
        b.append("size:        ").append(g.size(0)).append(" x ").append(g.size(1)).append(" x ").append(g.size(2))
                .append(" voxels\n");
        b.append("spacing:     ").append(vec(g.spacing())).append(" mm\n");
        b.append("origin LPS:  ").append(vec(g.origin())).append(" mm\n");
        b.append("origin RAS:  ").append(vec(RasLps.lpsToRas(g.origin()))).append(" mm\n");
        double[] ras = RasLps.flipRows(d);
        for (int c = 0; c < 3; c++) {
            b.append("axis ").append("ijk".charAt(c)).append(" LPS: ")
                    .append(vec(new double[] {d[c], d[3 + c], d[6 + c]}))
                    .append("   RAS: ").append(vec(new double[] {ras[c], ras[3 + c], ras[6 + c]})).append('\n');
        }
        b.append("type:        ").append(v.type().label());
        if (!v.metadata().hasIdentityRescale()) {
            b.append(String.format(Locale.ROOT, " (real = stored * %s + %s)",
                    JsonText.number(v.metadata().rescaleSlope()), JsonText.number(v.metadata().rescaleIntercept())));
        }
        b.append('\n');
        b.append("range:       ").append(census.finite() == 0 ? "none (no finite voxel)"
                : JsonText.number(census.min()) + " .. " + JsonText.number(census.max()));
        if (census.nan() + census.infinite() > 0) {
            b.append(" (finite voxels); ").append(census.nan()).append(" NaN and ").append(census.infinite())
                    .append(" infinite voxel(s)");
        }
        b.append('\n');
        return b.toString();
    }

    private static String vec(double[] v) {
        return String.format(Locale.ROOT, "(%.6g, %.6g, %.6g)", v[0] + 0.0, v[1] + 0.0, v[2] + 0.0);
    }
}
