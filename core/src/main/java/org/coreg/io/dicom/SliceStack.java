package org.coreg.io.dicom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.coreg.io.ImageIOException;

/**
 * The images of a series sorted by position along the slice normal, with the checks a volume needs: one size,
 * orientation and pixel spacing; distinct positions; the spacing between neighbours; gantry tilt.
 *
 * <p>Positions along the normal are {@code z = ImagePositionPatient . normal} in mm, with {@code normal = row x
 * column} from Image Orientation (Patient), so slices run in the direction that makes the volume right-handed.
 */
public final class SliceStack {
    /** Two positions closer than this (mm) are duplicates. */
    static final double DUPLICATE_MM = 0.01;

    private final List<DicomImage> images;
    private final double[] z;
    private final double[] row;
    private final double[] col;
    private final double[] normal;

    private SliceStack(List<DicomImage> images, double[] z, double[] row, double[] col, double[] normal) {
        this.images = images;
        this.z = z;
        this.row = row;
        this.col = col;
        this.normal = normal;
    }

    /**
     * Sorts and checks a series.
     *
     * @throws ImageIOException BAD_FIELD naming the file and tag for mixed sizes, orientations or spacings,
     *                          non-orthonormal orientation or duplicate positions
     */
    public static SliceStack of(DicomSeries series) throws ImageIOException {
        DicomImage first = series.images().getFirst();
        double[] o = first.orientation();
        double[] r = DicomGeometry.normalize(new double[] {o[0], o[1], o[2]});
        double[] c0 = {o[3], o[4], o[5]};
        double rn = DicomGeometry.norm(new double[] {o[0], o[1], o[2]});
        double cn = DicomGeometry.norm(c0);
        double dotRc = DicomGeometry.dot(r, c0) / (cn == 0 ? 1 : cn);
        if (Math.abs(rn - 1) > 1e-3 || Math.abs(cn - 1) > 1e-3 || Math.abs(dotRc) > 1e-3) {
            throw ImageIOException.badField(first.file(), DicomTags.describe(DicomTags.IMAGE_ORIENTATION_PATIENT),
                    "two orthogonal unit vectors", Arrays.toString(o));
        }
        // Remove the tiny non-orthogonality of decimal-string cosines so the direction matrix is exact.
        double d = DicomGeometry.dot(r, c0);
        double[] c = DicomGeometry.normalize(new double[] {c0[0] - d * r[0], c0[1] - d * r[1], c0[2] - d * r[2]});
        double[] n = DicomGeometry.cross(r, c);
        for (DicomImage img : series.images()) {
            if (!img.pixels().sameLayout(first.pixels())) {
                throw ImageIOException.badField(img.file(), DicomTags.describe(DicomTags.ROWS) + "/Columns/Bits",
                        first.pixels().columns() + " x " + first.pixels().rows() + " " + first.pixels().voxelType()
                                + " as in " + first.file(), img.pixels().columns() + " x " + img.pixels().rows()
                                + " " + img.pixels().voxelType());
            }
            if (maxDiff(img.orientation(), o) > 1e-4) {
                throw ImageIOException.badField(img.file(), DicomTags.describe(DicomTags.IMAGE_ORIENTATION_PATIENT),
                        Arrays.toString(o) + " as in " + first.file(), Arrays.toString(img.orientation()));
            }
            if (maxDiff(img.pixelSpacing(), first.pixelSpacing()) > 1e-4) {
                throw ImageIOException.badField(img.file(), DicomTags.describe(DicomTags.PIXEL_SPACING),
                        Arrays.toString(first.pixelSpacing()) + " as in " + first.file(),
                        Arrays.toString(img.pixelSpacing()));
            }
            if (!(first.pixelSpacing()[0] > 0 && first.pixelSpacing()[1] > 0)) {
                throw ImageIOException.badField(img.file(), DicomTags.describe(DicomTags.PIXEL_SPACING),
                        "positive mm", Arrays.toString(img.pixelSpacing()));
            }
        }
        List<DicomImage> sorted = new ArrayList<>(series.images());
        sorted.sort(Comparator.comparingDouble((DicomImage i) -> DicomGeometry.dot(i.position(), n))
                .thenComparingInt(DicomImage::instanceNumber));
        double[] z = new double[sorted.size()];
        for (int k = 0; k < z.length; k++) {
            z[k] = DicomGeometry.dot(sorted.get(k).position(), n);
        }
        for (int k = 1; k < z.length; k++) {
            if (z[k] - z[k - 1] < DUPLICATE_MM) {
                throw ImageIOException.badField(sorted.get(k).file(),
                        DicomTags.describe(DicomTags.IMAGE_POSITION_PATIENT) + frameLabel(sorted.get(k)),
                        "one image per slice position", String.format(Locale.ROOT,
                                "the same position (%.4f mm along the normal) as %s%s", z[k],
                                sorted.get(k - 1).file(), frameLabel(sorted.get(k - 1))));
            }
        }
        return new SliceStack(List.copyOf(sorted), z, r, c, n);
    }

    static String frameLabel(DicomImage i) {
        return i.pixels().frames() > 1 ? " frame " + (i.frame() + 1) : "";
    }

    private static double maxDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    /** Images in slice order. */
    public List<DicomImage> images() {
        return images;
    }

    public int size() {
        return images.size();
    }

    /** Position of slice {@code k} along the normal (mm). */
    public double z(int k) {
        return z[k];
    }

    /** Unit row direction (LPS): the direction of increasing column index. */
    public double[] row() {
        return row.clone();
    }

    /** Unit column direction (LPS): the direction of increasing row index. */
    public double[] column() {
        return col.clone();
    }

    /** Unit slice normal (LPS), {@code row x column}. */
    public double[] normal() {
        return normal.clone();
    }

    /**
     * The usual distance between neighbouring slices (mm): the most common gap (to 0.01 mm; the smallest of equally
     * common ones), so a missing slice shows as one gap twice the usual; slice thickness (or 1) for one slice.
     */
    public double typicalSpacing() {
        if (z.length < 2) {
            double t = images.getFirst().sliceThickness();
            return Double.isFinite(t) && t > 0 ? t : 1;
        }
        double[] g = gaps();
        java.util.Map<Long, Integer> counts = new java.util.HashMap<>();
        for (double x : g) {
            counts.merge(Math.round(x * 100), 1, Integer::sum);
        }
        long best = counts.entrySet().stream()
                .max(Comparator.comparingInt((java.util.Map.Entry<Long, Integer> e) -> e.getValue())
                        .thenComparing(e -> -e.getKey()))
                .orElseThrow().getKey();
        // The mean of the gaps in the winning bin keeps full precision (e.g. 0.625 rather than 0.63).
        return Arrays.stream(g).filter(x -> Math.round(x * 100) == best).average().orElseThrow();
    }

    /** Smallest distance between neighbouring slices (mm). */
    public double minSpacing() {
        return z.length < 2 ? typicalSpacing() : Arrays.stream(gaps()).min().orElseThrow();
    }

    double[] gaps() {
        double[] g = new double[Math.max(0, z.length - 1)];
        for (int k = 0; k < g.length; k++) {
            g[k] = z[k + 1] - z[k];
        }
        return g;
    }

    /** Allowed deviation of a gap from the typical spacing (mm). */
    static double spacingTolerance(double spacing) {
        return Math.max(0.01, 1e-3 * spacing);
    }

    /** Index {@code k} of the most irregular gap (between slices k and k+1), or -1 when spacing is uniform. */
    public int worstGap() {
        double m = typicalSpacing();
        double[] g = gaps();
        int worst = -1;
        double worstDev = spacingTolerance(m);
        for (int k = 0; k < g.length; k++) {
            double dev = Math.abs(g[k] - m);
            if (dev > worstDev) {
                worst = k;
                worstDev = dev;
            }
        }
        return worst;
    }

    /** Number of gaps that deviate from the typical spacing. */
    public int irregularGapCount() {
        double m = typicalSpacing();
        return (int) Arrays.stream(gaps()).filter(g -> Math.abs(g - m) > spacingTolerance(m)).count();
    }

    /**
     * In-plane displacement of slice {@code k} relative to slice 0, in mm along row and column: zero for a
     * straight stack, growing with {@code z} for a tilted gantry.
     */
    public double[] inPlaneOffset(int k) {
        double[] dp = DicomGeometry.sub(images.get(k).position(), images.getFirst().position());
        return new double[] {DicomGeometry.dot(dp, row), DicomGeometry.dot(dp, col)};
    }

    /** Gantry tilt (degrees) implied by the drift of positions across the normal between first and last slice. */
    public double tiltDegrees() {
        if (z.length < 2) {
            return 0;
        }
        double[] off = inPlaneOffset(z.length - 1);
        double drift = Math.hypot(off[0], off[1]);
        return Math.toDegrees(Math.atan2(drift, z[z.length - 1] - z[0]));
    }

    /** True when the in-plane drift exceeds rounding (0.01 mm over the stack, or 0.001 of its length). */
    public boolean isTilted() {
        if (z.length < 2) {
            return false;
        }
        double[] off = inPlaneOffset(z.length - 1);
        return Math.hypot(off[0], off[1]) > Math.max(0.01, 1e-3 * (z[z.length - 1] - z[0]));
    }
}
