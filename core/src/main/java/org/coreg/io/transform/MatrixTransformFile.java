package org.coreg.io.transform;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.coreg.image.AffineMap;
import org.coreg.image.RasLps;
import org.coreg.io.AtomicOutput;
import org.coreg.io.ImageIOException.Problem;
import org.coreg.transform.AffineTransform;
import org.coreg.transform.CompositeTransform;
import org.coreg.transform.Direction;
import org.coreg.transform.RecordedTransform;
import org.coreg.transform.SpatialTransform;
import org.coreg.transform.Transforms;

/**
 * A 4x4 homogeneous matrix as text, acting on column vectors {@code (x, y, z, 1)} in mm, with a header line that
 * names the coordinate system and the direction, e.g.
 *
 * <pre>
 * # Coreg 4x4 matrix: RAS mm, fixed->moving
 * 0.99 -0.01 0.02 1.5
 * ...
 * 0 0 0 1
 * </pre>
 *
 * RAS matrices are converted to and from Coreg's LPS only through {@link RasLps#flipBothSides}.
 */
public final class MatrixTransformFile {
    /** The start of the header line. */
    public static final String MAGIC = "# Coreg 4x4 matrix:";

    private MatrixTransformFile() {
    }

    static boolean matches(String firstLine) {
        return firstLine.strip().startsWith(MAGIC);
    }

    static boolean isRas(String firstLine) {
        return firstLine.toUpperCase(Locale.ROOT).contains("RAS");
    }

    /** Reads the matrix as an affine transform in LPS mm. */
    public static AffineTransform read(Path file) throws TransformFileException {
        return parse(TextLines.read(file), file);
    }

    static AffineTransform parse(List<String> lines, Path file) throws TransformFileException {
        int headerLine = 0;
        while (headerLine < lines.size() && lines.get(headerLine).isBlank()) {
            headerLine++;
        }
        String header = headerLine < lines.size() ? lines.get(headerLine).strip() : "";
        if (!matches(header)) {
            throw new TransformFileException(file, headerLine + 1, Problem.WRONG_FORMAT, "expected a header '"
                    + MAGIC + " LPS|RAS mm, fixed->moving|moving->fixed', found '" + TextLines.clip(header) + "'");
        }
        String rest = header.substring(MAGIC.length()).toUpperCase(Locale.ROOT);
        boolean ras = rest.contains("RAS");
        if (!ras && !rest.contains("LPS")) {
            throw TransformFileException.badField(file, headerLine + 1, "coordinate system", "LPS or RAS",
                    "'" + header.substring(MAGIC.length()).strip() + "'");
        }
        Direction direction = null;
        for (String part : header.substring(MAGIC.length()).split(",")) {
            Direction d = Direction.parse(part);
            if (d != null) {
                direction = d;
            }
        }
        if (direction == null) {
            throw TransformFileException.badField(file, headerLine + 1, "direction", "fixed->moving or moving->fixed "
                    + "after the coordinate system", "'" + header.substring(MAGIC.length()).strip() + "'");
        }
        List<double[]> rows = new ArrayList<>();
        List<Integer> rowLines = new ArrayList<>();
        for (int i = headerLine + 1; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            double[] row = Numbers.parse(l, file, i + 1, "matrix row " + (rows.size() + 1));
            if (row.length != 4) {
                throw TransformFileException.badField(file, i + 1, "matrix row " + (rows.size() + 1), "4 numbers",
                        row.length + " numbers");
            }
            rows.add(row);
            rowLines.add(i + 1);
        }
        if (rows.size() != 4) {
            throw TransformFileException.badField(file, lines.size(), "matrix", "4 rows of 4 numbers",
                    rows.size() + " rows");
        }
        double[] last = rows.get(3);
        if (Math.abs(last[0]) > 1e-12 || Math.abs(last[1]) > 1e-12 || Math.abs(last[2]) > 1e-12
                || Math.abs(last[3] - 1) > 1e-12) {
            throw TransformFileException.badField(file, rowLines.get(3), "matrix row 4", "0 0 0 1 (an affine map)",
                    Numbers.join(last));
        }
        double[] m = new double[12];
        for (int r = 0; r < 3; r++) {
            System.arraycopy(rows.get(r), 0, m, 4 * r, 4);
        }
        AffineMap map = AffineMap.ofRowMajor3x4(m);
        if (Math.abs(map.determinant()) < 1e-12) {
            throw TransformFileException.badField(file, rowLines.get(0), "matrix", "an invertible matrix",
                    "determinant " + map.determinant());
        }
        return AffineTransform.of(ras ? RasLps.flipBothSides(map) : map, direction);
    }

    /**
     * Writes a linear transform (or a chain of them, collapsed) as a 4x4 matrix in LPS or RAS mm.
     *
     * @throws TransformFileException UNSUPPORTED if {@code t} is not linear
     */
    public static void write(SpatialTransform t, Path file, boolean ras) throws IOException {
        write(new RecordedTransform(t, null), file, ras);
    }

    /** As {@link #write(SpatialTransform, Path, boolean)}, with provenance comments. */
    public static void write(RecordedTransform record, Path file, boolean ras) throws IOException {
        SpatialTransform t = record.transform();
        SpatialTransform c = t instanceof CompositeTransform ct ? Transforms.compose(ct.steps()) : t;
        if (!(c instanceof AffineTransform a)) {
            throw new TransformFileException(file, 0, Problem.UNSUPPORTED, "a 4x4 matrix cannot hold "
                    + t.describe() + "; expected a linear transform");
        }
        AffineMap m = ras ? RasLps.flipBothSides(a.map()) : a.map();
        StringBuilder sb = new StringBuilder(MAGIC).append(' ').append(ras ? "RAS" : "LPS").append(" mm, ")
                .append(a.direction().label()).append('\n');
        sb.append("# y = M x for column vectors x = (x, y, z, 1)\n");
        sb.append(ProvenanceComments.format(record.provenance(), "# "));
        double[] h = m.rowMajor4x4();
        for (int r = 0; r < 4; r++) {
            sb.append(Numbers.join(java.util.Arrays.copyOfRange(h, 4 * r, 4 * r + 4))).append('\n');
        }
        try (AtomicOutput out = new AtomicOutput()) {
            try (OutputStream os = out.open(file)) {
                os.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
            }
            out.commit();
        }
    }
}
