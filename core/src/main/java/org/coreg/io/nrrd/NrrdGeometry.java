package org.coreg.io.nrrd;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.coreg.image.ImageGeometry;
import org.coreg.image.InvalidGeometryException;
import org.coreg.io.ImageIOException;

/**
 * Turns the orientation fields of a NRRD header into an {@link ImageGeometry} in LPS millimetres.
 *
 * <p>With a world space ({@code space} or {@code space dimension}), the axes that have a {@code space directions}
 * vector are the image axes: the vector's length is the spacing, its direction a column of the direction matrix,
 * and {@code space origin} is the centre of the first voxel. Without one, {@code spacings} (default 1) and
 * {@code axis mins} (with the axis {@code centers}, cell by default) place an axis-aligned grid, as ITK does. All
 * other axes must have size 1 (Coreg holds scalar volumes). Images with fewer than three axes get unit-spaced
 * axes of size 1 that complete a right-handed frame.
 */
final class NrrdGeometry {
    private static final Set<String> KINDS = Set.of("domain", "space", "time", "list", "point", "vector",
            "covariant-vector", "normal", "stub", "scalar", "complex", "2-vector", "3-color", "rgb-color",
            "hsv-color", "xyz-color", "4-color", "rgba-color", "3-vector", "3-gradient", "3-normal", "4-vector",
            "quaternion", "2d-symmetric-matrix", "2d-masked-symmetric-matrix", "2d-matrix", "2d-masked-matrix",
            "3d-symmetric-matrix", "3d-masked-symmetric-matrix", "3d-matrix", "3d-masked-matrix", "???", "none");
    /** Kinds that mark an axis as a sampled domain (as opposed to the components of a value). */
    private static final Set<String> DOMAIN_KINDS = Set.of("domain", "space", "time", "???", "none");

    private NrrdGeometry() {
    }

    /** One image axis: which NRRD axis it is, its LPS step vector (spacing times direction) and its size. */
    private record Axis(int nrrdAxis, double[] step, long size) {
    }

    /**
     * The geometry of the image axes.
     *
     * @param sizes the checked {@code sizes}, one per NRRD axis (each at least 1, product within array limits)
     */
    static ImageGeometry of(Path file, NrrdHeaderText h, long[] sizes) throws ImageIOException {
        int dim = sizes.length;
        String[] kinds = h.field("kinds") == null ? null : NrrdValues.perAxis(file, "kinds", h.field("kinds"), dim);
        if (kinds != null) {
            for (String k : kinds) {
                if (!KINDS.contains(k.toLowerCase(Locale.ROOT))) {
                    throw ImageIOException.badField(file, "kinds", "NRRD axis kinds (domain, space, list, ...)",
                            "'" + NrrdHeaderText.clip(k) + "'");
                }
            }
        }
        String spaceText = h.field("space");
        String spaceDimText = h.field("space dimension");
        if (spaceText != null && spaceDimText != null) {
            throw ImageIOException.badField(file, "space dimension", "either space or space dimension", "both");
        }
        List<Axis> axes;
        double[] origin;
        boolean spaced = spaceText != null || spaceDimText != null;
        if (spaced) {
            NrrdSpace space = spaceText == null ? null : NrrdSpace.parse(file, spaceText);
            int sdim = space != null ? 3
                    : (int) NrrdValues.integer(file, "space dimension", spaceDimText, 1, 16);
            if (sdim < 2 || sdim > 3) {
                throw ImageIOException.unsupported(file, "space dimension", "2 or 3", sdim);
            }
            checkUnits(file, h, sdim);
            axes = spaceAxes(file, h, sizes, space, sdim);
            origin = h.field("space origin") == null ? new double[3]
                    : toLps(space, pad(NrrdValues.vector(file, "space origin", h.field("space origin"), sdim)));
            for (double o : origin) {
                if (!Double.isFinite(o)) {
                    throw ImageIOException.badField(file, "space origin", "finite numbers",
                            "'" + h.field("space origin") + "'");
                }
            }
        } else {
            axes = new ArrayList<>();
            origin = new double[3];
            plainAxes(file, h, sizes, kinds, axes, origin);
        }
        for (int a = 0; a < dim; a++) {
            final int axis = a;
            boolean image = axes.stream().anyMatch(x -> x.nrrdAxis == axis);
            if (!image && sizes[a] != 1) {
                String kind = kinds == null ? "" : " of kind " + kinds[a];
                throw ImageIOException.unsupported(file, spaced ? "space directions" : "kinds",
                        "a scalar volume (axes without a space direction have size 1)",
                        "axis " + a + kind + " of size " + sizes[a]);
            }
        }
        return build(file, axes, origin, spaced);
    }

    private static List<Axis> spaceAxes(Path file, NrrdHeaderText h, long[] sizes, NrrdSpace space, int sdim)
            throws ImageIOException {
        String text = h.field("space directions");
        if (text == null) {
            throw ImageIOException.badField(file, "space directions",
                    "one vector or 'none' per axis (the header names a space)", "no such field");
        }
        List<double[]> v = NrrdValues.vectors(file, "space directions", text, sdim);
        if (v.size() != sizes.length) {
            throw ImageIOException.badField(file, "space directions",
                    sizes.length + " entries (one per axis, as dimension says)", v.size());
        }
        List<Axis> axes = new ArrayList<>();
        for (int a = 0; a < v.size(); a++) {
            double[] d = v.get(a);
            if (d == null) {
                continue;
            }
            double norm = Math.sqrt(d[0] * d[0] + d[1] * d[1] + (sdim > 2 ? d[2] * d[2] : 0));
            if (!Double.isFinite(norm) || norm == 0) {
                throw ImageIOException.badField(file, "space directions",
                        "a finite non-zero vector (its length is the spacing) for axis " + a, NrrdValues.show(d));
            }
            axes.add(new Axis(a, toLps(space, pad(d)), sizes[a]));
        }
        if (axes.isEmpty()) {
            throw ImageIOException.badField(file, "space directions", "a vector for at least one axis",
                    "'" + NrrdHeaderText.clip(text) + "'");
        }
        if (axes.size() > 3) {
            throw ImageIOException.unsupported(file, "space directions", "at most 3 axes with a direction",
                    axes.size());
        }
        return axes;
    }

    /** Axes of a header without a world space: spacings and axis mins along the LPS axes, as ITK reads them. */
    private static void plainAxes(Path file, NrrdHeaderText h, long[] sizes, String[] kinds, List<Axis> axes,
                                  double[] origin) throws ImageIOException {
        int dim = sizes.length;
        String[] spacings = h.field("spacings") == null ? null
                : NrrdValues.perAxis(file, "spacings", h.field("spacings"), dim);
        String[] mins = h.field("axis mins") == null ? null
                : NrrdValues.perAxis(file, "axis mins", h.field("axis mins"), dim);
        String[] centers = h.field("centers") == null ? null
                : NrrdValues.perAxis(file, "centers", h.field("centers"), dim);
        List<Integer> image = new ArrayList<>();
        for (int a = 0; a < dim; a++) {
            if (kinds == null || DOMAIN_KINDS.contains(kinds[a].toLowerCase(Locale.ROOT))) {
                image.add(a);
            }
        }
        // Trailing axes of size 1 beyond the third carry nothing (e.g. a 3-D volume saved as 4-D).
        for (int i = image.size() - 1; i >= 0 && image.size() > 3; i--) {
            if (sizes[image.get(i)] == 1) {
                image.remove(i);
            }
        }
        if (image.size() > 3) {
            throw ImageIOException.unsupported(file, "dimension", "at most 3 image axes", image.size());
        }
        for (int i = 0; i < image.size(); i++) {
            int a = image.get(i);
            double s = spacings == null ? 1 : NrrdValues.number(file, "spacings", spacings[a]);
            if (!Double.isFinite(s) || s == 0) {
                throw ImageIOException.badField(file, "spacings", "a finite non-zero spacing for axis " + a, s);
            }
            double[] step = new double[3];
            step[i] = s;
            axes.add(new Axis(a, step, sizes[a]));
            if (mins != null) {
                double min = NrrdValues.number(file, "axis mins", mins[a]);
                if (Double.isFinite(min)) {
                    boolean node = centers != null && centers[a].equalsIgnoreCase("node");
                    origin[i] = node ? min : min + s / 2;
                }
            }
        }
        if (axes.isEmpty()) {
            throw ImageIOException.unsupported(file, "kinds", "at least one domain axis", "'" + h.field("kinds") + "'");
        }
    }

    private static ImageGeometry build(Path file, List<Axis> axes, double[] origin, boolean spaced)
            throws ImageIOException {
        int[] size = {1, 1, 1};
        double[] spacing = {1, 1, 1};
        double[][] col = new double[3][];
        for (int i = 0; i < axes.size(); i++) {
            double[] s = axes.get(i).step;
            double n = Math.sqrt(s[0] * s[0] + s[1] * s[1] + s[2] * s[2]);
            spacing[i] = n;
            col[i] = new double[] {s[0] / n, s[1] / n, s[2] / n};
            size[i] = (int) axes.get(i).size;
        }
        if (axes.size() == 1) {
            col[1] = perpendicular(col[0]);
        }
        if (axes.size() < 3) {
            col[2] = normalize(cross(col[0], col[1]));
        }
        double[] direction = new double[9];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                direction[3 * r + c] = col[c][r];
            }
        }
        try {
            return ImageGeometry.of(size, spacing, origin, direction);
        } catch (InvalidGeometryException e) {
            String field = switch (e.field()) {
                case "origin" -> spaced ? "space origin" : "axis mins";
                case "size" -> "sizes";
                default -> spaced ? "space directions" : "spacings";
            };
            throw ImageIOException.badField(file, field, "a valid voxel grid", e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            // e.g. spacings so unequal (1e-300 beside 1) that the index-to-world map cannot be inverted
            throw ImageIOException.badField(file, spaced ? "space directions" : "spacings",
                    "an invertible voxel grid", java.util.Arrays.toString(spacing) + " (" + e.getMessage() + ")");
        }
    }

    private static void checkUnits(Path file, NrrdHeaderText h, int sdim) throws ImageIOException {
        String text = h.field("space units");
        if (text == null) {
            return;
        }
        String[] u = text.trim().split("\\s+");
        if (u.length != sdim) {
            throw ImageIOException.badField(file, "space units", sdim + " quoted units", "'" + text + "'");
        }
        for (String unit : u) {
            String s = unit.replace("\"", "").trim().toLowerCase(Locale.ROOT);
            if (!s.isEmpty() && !s.equals("mm") && !s.equals("millimeter") && !s.equals("millimeters")) {
                throw ImageIOException.unsupported(file, "space units", "\"mm\"", unit);
            }
        }
    }

    private static double[] pad(double[] v) {
        return v.length == 3 ? v : new double[] {v[0], v.length > 1 ? v[1] : 0, 0};
    }

    private static double[] toLps(NrrdSpace space, double[] v) {
        return space == null ? v : space.toLps(v);
    }

    /** A unit vector perpendicular to {@code u}: the standard axis least aligned with it, made orthogonal. */
    private static double[] perpendicular(double[] u) {
        int best = 0;
        for (int k = 1; k < 3; k++) {
            if (Math.abs(u[k]) < Math.abs(u[best])) {
                best = k;
            }
        }
        double[] e = new double[3];
        e[best] = 1;
        double dot = u[best];
        return normalize(new double[] {e[0] - dot * u[0], e[1] - dot * u[1], e[2] - dot * u[2]});
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double[] normalize(double[] v) {
        double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return new double[] {v[0] / n, v[1] / n, v[2] / n};
    }
}
