package org.coreg.io.transform;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.image.InvalidGeometryException;
import org.coreg.io.AtomicOutput;
import org.coreg.io.DataFiles;
import org.coreg.io.ImageIOException.Problem;
import org.coreg.transform.AffineTransform;
import org.coreg.transform.CompositeTransform;
import org.coreg.transform.Direction;
import org.coreg.transform.RecordedTransform;
import org.coreg.transform.SpatialTransform;
import org.coreg.transform.Transforms;

/**
 * elastix {@code TransformParameters.N.txt} files, as elastix writes them and transformix reads them: Euler,
 * Similarity, Affine, Translation and BSpline transforms in LPS mm mapping fixed to moving, with chains through
 * {@code InitialTransformParametersFileName} combined by {@code HowToCombineTransforms} ("Compose": the initial
 * transform is applied first; "Add": displacements add, linear chains only). The file also holds the fixed image
 * grid (Size, Spacing, Origin, Direction), which transformix uses as its output grid. elastix stores Direction and
 * GridDirection column by column; affine matrices row by row.
 */
public final class ElastixTransformFile {
    /** What a TransformParameters file holds: the whole chain, and the fixed grid of the last file. */
    public record Contents(SpatialTransform transform, ImageGeometry fixedGrid) {
    }

    /** Resampling settings transformix reads from the file (Coreg ignores them when it applies the transform). */
    public record WriteOptions(int interpolationOrder, double defaultPixelValue, String resultPixelType) {
        /** Cubic B-spline interpolation, background 0, float output. */
        public static final WriteOptions DEFAULT = new WriteOptions(3, 0, "float");

        /**
         * The options under which transformix resamples as Coreg's linear resampling does when it fills the
         * outside of the moving image with {@code fill} ({@code Resampler.Settings(LINEAR, fill)}): first-order
         * B-spline (linear) interpolation and {@code DefaultPixelValue fill}, so the outside of a CT stays air, not
         * water. Float output (Coreg rounds integer output to the nearest value; transformix's casts differ).
         */
        public static WriteOptions linear(double fill) {
            return new WriteOptions(1, fill, "float");
        }
    }

    private static final int MAX_CHAIN = 32;
    private static final String DIRECTION_MARK = "Coreg direction:";

    private ElastixTransformFile() {
    }

    /** Reads the transform chain the file starts (its initial transforms are read too). */
    public static SpatialTransform read(Path file) throws TransformFileException {
        return readContents(file).transform();
    }

    /** Reads the transform chain and the fixed grid. */
    public static Contents readContents(Path file) throws TransformFileException {
        return readContents(file, 0);
    }

    private static Contents readContents(Path file, int depth) throws TransformFileException {
        if (depth > MAX_CHAIN) {
            throw new TransformFileException(file, 0, Problem.BAD_FIELD, "field InitialTransformParametersFileName: "
                    + "expected a chain of at most " + MAX_CHAIN + " files, found a longer one (a loop?)");
        }
        List<String> lines = TextLines.read(file);
        ElastixParameters p = ElastixParameters.parse(lines, file);
        SpatialTransform current = ElastixTransformCodec.decode(p, file);
        Direction direction = coregDirection(lines);
        ImageGeometry grid = ElastixTransformCodec.fixedGrid(p, file);
        String initial = p.string("InitialTransformParametersFileName", "NoInitialTransform");
        if (initial.equals("NoInitialTransform")) {
            return new Contents(current.withDirection(direction), grid);
        }
        Path initialFile = resolve(file, initial, p.line("InitialTransformParametersFileName"));
        SpatialTransform first = readContents(initialFile, depth + 1).transform();
        String how = p.string("HowToCombineTransforms", "Compose");
        SpatialTransform cur = current.withDirection(first.direction());
        return switch (how) {
            case "Compose" -> new Contents(Transforms.compose(first, cur), grid);
            case "Add" -> new Contents(add(first, cur, file, p.line("HowToCombineTransforms")), grid);
            default -> throw TransformFileException.badField(file, p.line("HowToCombineTransforms"),
                    "HowToCombineTransforms", "\"Compose\" or \"Add\"", "\"" + how + "\"");
        };
    }

    /**
     * The direction a Coreg-written file states in its first comment ("Coreg direction: moving->fixed"); elastix
     * itself always means fixed to moving, which is the default.
     */
    private static Direction coregDirection(List<String> lines) {
        for (String l : lines) {
            int at = l.indexOf(DIRECTION_MARK);
            if (l.strip().startsWith("//") && at >= 0) {
                Direction d = Direction.parse(l.substring(at + DIRECTION_MARK.length()).strip());
                if (d != null) {
                    return d;
                }
            }
        }
        return Direction.FIXED_TO_MOVING;
    }

    /**
     * elastix opens the name as given (relative to its working folder); Coreg also tries the file's folder. Like a
     * data file named by an image header, the initial transform is read only from this file's folder or below unless
     * the user allowed more ({@link DataFiles}).
     */
    private static Path resolve(Path file, String name, int line) throws TransformFileException {
        Path given;
        Path dir = file.toAbsolutePath().getParent();
        try {
            given = Path.of(name);
        } catch (java.nio.file.InvalidPathException e) {
            throw new TransformFileException(file, line, Problem.BAD_FIELD, "field InitialTransformParametersFileName:"
                    + " expected a file name, found \"" + name + "\"");
        }
        Path outside = null;
        Path[] candidates = given.getFileName() == null ? new Path[] {given}
                : new Path[] {given, dir.resolve(name), dir.resolve(given.getFileName())};
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                if (DataFiles.outsideAllowed() || DataFiles.inside(dir, candidate)) {
                    return candidate;
                }
                outside = candidate;
            }
        }
        if (outside != null) {
            throw new TransformFileException(file, line, Problem.BAD_FIELD, "field InitialTransformParametersFileName:"
                    + " expected a file in this file's folder " + dir + " or below (set " + DataFiles.ALLOW_ENV
                    + "=1 to allow others), found \"" + name + "\"");
        }
        throw new TransformFileException(file, line, Problem.MISSING_FILE, "field InitialTransformParametersFileName:"
                + " expected an existing file, found \"" + name + "\" (looked in the working folder and " + dir + ")");
    }

    private static SpatialTransform add(SpatialTransform a, SpatialTransform b, Path file, int line)
            throws TransformFileException {
        if (!(a instanceof AffineTransform x) || !(b instanceof AffineTransform y)) {
            throw new TransformFileException(file, line, Problem.UNSUPPORTED, "field HowToCombineTransforms: "
                    + "expected \"Compose\" for nonlinear chains, found \"Add\" (supported for linear transforms only)");
        }
        double[] m = x.map().rowMajor3x4();
        double[] n = y.map().rowMajor3x4();
        double[] s = new double[12];
        for (int i = 0; i < 12; i++) {
            boolean diagonal = i == 0 || i == 5 || i == 10;
            s[i] = m[i] + n[i] - (diagonal ? 1 : 0);
        }
        return AffineTransform.of(AffineMap.ofRowMajor3x4(s), x.direction());
    }

    /**
     * Writes {@code t} for transformix, with {@code fixedGrid} as its output grid. A chain is written as one file per
     * step: the last step to {@code file}, earlier ones beside it ({@code NAME.step0.txt}, ...), linked by
     * InitialTransformParametersFileName (absolute paths, as elastix resolves them from its working folder) and
     * combined by composition. Adjacent linear steps are collapsed first.
     *
     * @return the files written, first step first
     */
    public static List<Path> write(SpatialTransform t, ImageGeometry fixedGrid, Path file, WriteOptions options)
            throws IOException {
        return write(new RecordedTransform(t, null), fixedGrid, file, options);
    }

    /** As {@link #write(SpatialTransform, ImageGeometry, Path, WriteOptions)}, with provenance comments. */
    public static List<Path> write(RecordedTransform r, ImageGeometry fixedGrid, Path file, WriteOptions options)
            throws IOException {
        // The name decides the format: elastix files are .txt (TransformParameters.N.txt by elastix's habit).
        TransformFiles.requireName(file, TransformFormat.ELASTIX);
        SpatialTransform t = r.transform();
        SpatialTransform collapsed = Transforms.compose(t);
        List<SpatialTransform> steps = collapsed instanceof CompositeTransform c ? c.steps() : List.of(collapsed);
        List<Path> paths = new ArrayList<>();
        String base = file.getFileName().toString().replaceFirst("(?i)\\.txt$", "");
        for (int i = 0; i < steps.size() - 1; i++) {
            paths.add(file.toAbsolutePath().resolveSibling(base + ".step" + i + ".txt"));
        }
        paths.add(file);
        try (AtomicOutput out = new AtomicOutput()) {
            for (int i = 0; i < steps.size(); i++) {
                String initial = i == 0 ? "NoInitialTransform" : paths.get(i - 1).toAbsolutePath().toString();
                String text = format(steps.get(i), fixedGrid, initial, options, paths.get(i))
                        + ProvenanceComments.format(r.provenance(), "// ");
                try (OutputStream os = out.open(paths.get(i))) {
                    os.write(text.getBytes(StandardCharsets.US_ASCII));
                }
            }
            out.commit();
        }
        return paths;
    }

    /** {@link #write(SpatialTransform, ImageGeometry, Path, WriteOptions)} with default options. */
    public static List<Path> write(SpatialTransform t, ImageGeometry fixedGrid, Path file) throws IOException {
        return write(t, fixedGrid, file, WriteOptions.DEFAULT);
    }

    static String format(SpatialTransform t, ImageGeometry g, String initial, WriteOptions o, Path file)
            throws TransformFileException {
        StringBuilder sb = new StringBuilder();
        sb.append("// Written by Coreg. Points in LPS mm; ").append(DIRECTION_MARK).append(' ')
                .append(t.direction().label()).append('\n');
        sb.append(ElastixTransformCodec.encode(t, file));
        sb.append(ElastixParameters.line("InitialTransformParametersFileName", initial));
        sb.append(ElastixParameters.line("HowToCombineTransforms", "Compose"));
        sb.append("\n// Image specific\n");
        sb.append(ElastixParameters.line("FixedImageDimension", 3));
        sb.append(ElastixParameters.line("MovingImageDimension", 3));
        sb.append(ElastixParameters.line("FixedInternalImagePixelType", "float"));
        sb.append(ElastixParameters.line("MovingInternalImagePixelType", "float"));
        int[] size = g.size();
        sb.append(ElastixParameters.line("Size", size[0], size[1], size[2]));
        sb.append(ElastixParameters.line("Index", 0, 0, 0));
        sb.append(ElastixParameters.line("Spacing", g.spacing()));
        sb.append(ElastixParameters.line("Origin", g.origin()));
        sb.append(ElastixParameters.line("Direction", ElastixTransformCodec.columnMajor(g.direction())));
        sb.append(ElastixParameters.line("UseDirectionCosines", "true"));
        sb.append("\n// Resampling (transformix)\n");
        // B-spline of order 0, 1 or 3 is nearest, linear or cubic; Debian's elastix 5.0.1 lacks the other two.
        sb.append(ElastixParameters.line("ResampleInterpolator", "FinalBSplineInterpolator"));
        sb.append(ElastixParameters.line("FinalBSplineInterpolationOrder", o.interpolationOrder()));
        sb.append(ElastixParameters.line("Resampler", "DefaultResampler"));
        sb.append(ElastixParameters.line("DefaultPixelValue", o.defaultPixelValue()));
        sb.append(ElastixParameters.line("ResultImageFormat", "mha"));
        sb.append(ElastixParameters.line("ResultImagePixelType", o.resultPixelType().toLowerCase(Locale.ROOT)));
        sb.append(ElastixParameters.line("CompressResultImage", "false"));
        return sb.toString();
    }

    /** Kept for callers that only have a registration result: an affine fixed-to-moving map. */
    public static List<Path> writeFixedToMoving(AffineMap fixedToMoving, ImageGeometry fixedGrid, Path file)
            throws IOException {
        return write(AffineTransform.fixedToMoving(fixedToMoving), fixedGrid, file);
    }

    /** As {@link #writeFixedToMoving(AffineMap, ImageGeometry, Path)}, with resampling options for transformix. */
    public static List<Path> writeFixedToMoving(AffineMap fixedToMoving, ImageGeometry fixedGrid, Path file,
                                                WriteOptions options) throws IOException {
        return write(AffineTransform.fixedToMoving(fixedToMoving), fixedGrid, file, options);
    }

    static ImageGeometry checkedGrid(int[] size, double[] spacing, double[] origin, double[] direction, Path file,
                                     int line, String field) throws TransformFileException {
        try {
            return ImageGeometry.of(size, spacing, origin, direction);
        } catch (InvalidGeometryException e) {
            throw TransformFileException.badField(file, line, field, "a valid grid", e.getMessage());
        }
    }
}
