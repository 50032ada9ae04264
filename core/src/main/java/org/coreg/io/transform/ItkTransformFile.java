package org.coreg.io.transform;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.coreg.io.AtomicOutput;
import org.coreg.io.ImageIOException.Problem;
import org.coreg.transform.AffineTransform;
import org.coreg.transform.BSplineTransform;
import org.coreg.transform.BulkBSplineTransform;
import org.coreg.transform.CompositeTransform;
import org.coreg.transform.Direction;
import org.coreg.transform.LinearKind;
import org.coreg.transform.Provenance;
import org.coreg.transform.RecordedTransform;
import org.coreg.transform.SpatialTransform;

/**
 * ITK's Insight Transform File, text flavour ({@code .tfm}, {@code .txt}), as ITK, SimpleITK, ANTs and 3D Slicer
 * read it. Points are LPS mm. ITK files do not say their direction; by ITK convention they map fixed to moving (the
 * resampling direction, which is also what 3D Slicer stores: its "transform from parent"). Coreg writes a comment
 * {@code #Coreg direction: fixed->moving} that it reads back; other readers ignore comments.
 *
 * <p>A CompositeTransform lists its members in ITK's queue order: the first listed is applied last.
 */
public final class ItkTransformFile {
    /** The first line of every ITK text transform file. */
    public static final String MAGIC = "#Insight Transform File";
    static final String DIRECTION_COMMENT = "#Coreg direction:";

    private ItkTransformFile() {
    }

    /** True when {@code firstLine} starts an ITK text transform file. */
    public static boolean matches(String firstLine) {
        return firstLine.strip().startsWith(MAGIC);
    }

    /** Reads the transform, or the chain of transforms, the file holds. */
    public static SpatialTransform read(Path file) throws TransformFileException {
        return parse(TextLines.read(file), file);
    }

    static SpatialTransform parse(List<String> lines, Path file) throws TransformFileException {
        if (lines.isEmpty() || !matches(lines.getFirst())) {
            throw new TransformFileException(file, 1, Problem.WRONG_FORMAT, "expected '" + MAGIC
                    + " V1.0' on the first line, found " + (lines.isEmpty() ? "an empty file" : "'"
                    + TextLines.clip(lines.getFirst()) + "'"));
        }
        Direction direction = Direction.FIXED_TO_MOVING;
        List<String> types = new ArrayList<>();
        List<Integer> typeLines = new ArrayList<>();
        List<double[]> params = new ArrayList<>();
        List<double[]> fixed = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            int n = i + 1;
            if (line.startsWith(DIRECTION_COMMENT)) {
                String label = line.substring(DIRECTION_COMMENT.length()).strip();
                direction = Direction.parse(label);
                if (direction == null) {
                    throw TransformFileException.badField(file, n, "#Coreg direction", "fixed->moving or "
                            + "moving->fixed", "'" + label + "'");
                }
                continue;
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw TransformFileException.badField(file, n, "line", "'Key: values'", "'" + TextLines.clip(line)
                        + "'");
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1);
            switch (key) {
                case "Transform" -> {
                    types.add(value.strip());
                    typeLines.add(n);
                    params.add(null);
                    fixed.add(null);
                }
                case "Parameters", "FixedParameters" -> {
                    if (types.isEmpty()) {
                        throw TransformFileException.badField(file, n, key, "a 'Transform:' line before it",
                                "none");
                    }
                    (key.equals("Parameters") ? params : fixed).set(types.size() - 1,
                            Numbers.parse(value, file, n, key));
                }
                default -> throw TransformFileException.badField(file, n, "key", "Transform, Parameters or "
                        + "FixedParameters", "'" + key + "'");
            }
        }
        List<ItkTransformCodec.Entry> entries = new ArrayList<>();
        for (int k = 0; k < types.size(); k++) {
            String base = ItkTransformCodec.baseName(types.get(k));
            if (base.equals("CompositeTransform")) {
                continue;
            }
            if (params.get(k) == null && !base.equals("IdentityTransform")) {
                throw TransformFileException.badField(file, typeLines.get(k), "Parameters",
                        "a Parameters line for " + types.get(k), "none");
            }
            if (fixed.get(k) == null && !base.equals("IdentityTransform") && !base.equals("TranslationTransform")) {
                throw TransformFileException.badField(file, typeLines.get(k), "FixedParameters",
                        "a FixedParameters line for " + types.get(k), "none");
            }
            entries.add(new ItkTransformCodec.Entry(types.get(k),
                    params.get(k) == null ? new double[0] : params.get(k),
                    fixed.get(k) == null ? new double[0] : fixed.get(k), typeLines.get(k)));
        }
        return assemble(entries, direction, file);
    }

    /**
     * The transform a file's entries (in file order, composite headers left out) make: one transform, a legacy
     * B-spline with its bulk transform (a BSplineDeformableTransform followed by one linear transform, which 3D
     * Slicer reads as {@code y = A(x) + D(x)}), or a chain in ITK's queue order (the first listed is applied last).
     */
    static SpatialTransform assemble(List<ItkTransformCodec.Entry> entries, Direction direction, Path file)
            throws TransformFileException {
        List<SpatialTransform> fileOrder = new ArrayList<>();
        for (ItkTransformCodec.Entry e : entries) {
            fileOrder.add(ItkTransformCodec.decode(e, direction, file));
        }
        if (fileOrder.isEmpty()) {
            throw new TransformFileException(file, 0, Problem.BAD_FIELD, "field Transform: expected at least one "
                    + "transform, found none");
        }
        if (fileOrder.size() == 1) {
            return fileOrder.getFirst();
        }
        if (fileOrder.size() == 2 && ItkTransformCodec.baseName(entries.getFirst().type())
                .equals("BSplineDeformableTransform") && fileOrder.getFirst() instanceof BSplineTransform b
                && fileOrder.get(1) instanceof AffineTransform bulk && bulk.direction() == b.direction()) {
            return new BulkBSplineTransform(bulk, b);
        }
        // ITK's queue: the first listed is applied last. Keep the members separate (no collapsing) so a round trip
        // reproduces the file.
        return new CompositeTransform(fileOrder.reversed());
    }

    /** Writes {@code t} atomically (a chain as a CompositeTransform). */
    public static void write(SpatialTransform t, Path file) throws IOException {
        write(new RecordedTransform(t, null), file);
    }

    /** Writes a transform and its provenance (as comments) atomically. */
    public static void write(RecordedTransform r, Path file) throws IOException {
        String text = format(r.transform(), r.provenance(), file);
        try (AtomicOutput out = new AtomicOutput()) {
            try (OutputStream os = out.open(file)) {
                os.write(text.getBytes(StandardCharsets.US_ASCII));
            }
            out.commit();
        }
    }

    static String format(SpatialTransform t, Provenance provenance, Path file) throws TransformFileException {
        StringBuilder sb = new StringBuilder(MAGIC).append(" V1.0\n");
        sb.append(DIRECTION_COMMENT).append(' ').append(t.direction().label()).append('\n');
        sb.append(ProvenanceComments.format(provenance, "#"));
        int index = 0;
        for (ItkTransformCodec.Entry e : entries(t, file)) {
            if (ItkTransformCodec.baseName(e.type()).equals("CompositeTransform")) {
                sb.append("#Transform ").append(index++).append("\nTransform: ").append(e.type()).append('\n');
            } else {
                appendEntry(sb, index++, e);
            }
        }
        return sb.toString();
    }

    /**
     * The entries an ITK file (text or HDF5) lists for {@code t}, in file order: one transform; the legacy pair for a
     * B-spline with bulk transform, as 3D Slicer writes it (the B-spline as ITK 3's class, then the bulk transform);
     * or a CompositeTransform header (no parameters) followed by the steps in ITK's queue order (last applied first).
     */
    static List<ItkTransformCodec.Entry> entries(SpatialTransform t, Path file) throws TransformFileException {
        List<ItkTransformCodec.Entry> out = new ArrayList<>();
        if (t instanceof BulkBSplineTransform bulk) {
            ItkTransformCodec.Entry b = ItkTransformCodec.encode(bulk.bspline(), file);
            out.add(new ItkTransformCodec.Entry("BSplineDeformableTransform_double_3_3", b.parameters(), b.fixed(),
                    0));
            out.add(ItkTransformCodec.encode(bulk.bulk().withKind(LinearKind.AFFINE), file));
            return out;
        }
        List<SpatialTransform> steps = t instanceof CompositeTransform c ? c.steps() : List.of(t);
        if (steps.size() > 1) {
            out.add(new ItkTransformCodec.Entry("CompositeTransform_double_3_3", new double[0], new double[0], 0));
        }
        for (SpatialTransform s : steps.reversed()) {
            out.add(ItkTransformCodec.encode(s, file));
        }
        return out;
    }

    private static void appendEntry(StringBuilder sb, int index, ItkTransformCodec.Entry e) {
        sb.append("#Transform ").append(index).append('\n');
        sb.append("Transform: ").append(e.type()).append('\n');
        sb.append("Parameters: ").append(Numbers.join(e.parameters())).append('\n');
        sb.append("FixedParameters: ").append(Numbers.join(e.fixed())).append('\n');
    }
}
