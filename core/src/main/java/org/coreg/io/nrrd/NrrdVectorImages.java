package org.coreg.io.nrrd;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coreg.image.VoxelData;
import org.coreg.image.VoxelType;
import org.coreg.io.ImageIOException;
import org.coreg.io.VectorVolume;

/**
 * Three-component vector images in NRRD ({@code .nrrd}, {@code .nhdr}), as 3D Slicer and ITK write displacement
 * fields: {@code dimension: 4}, one axis of size 3 with no space direction ({@code none}; kind {@code vector}), the
 * other three the grid. The vector axis may come first (components together, Slicer's and ITK's layout) or last.
 * float or double components. The grid is read as for scalar NRRD (to LPS); the vector components are kept as
 * stored, as ITK keeps them (ITK and Slicer store displacements in LPS).
 */
public final class NrrdVectorImages {
    /** Fields with one entry per axis: the vector axis's entry is dropped to read the grid as a scalar volume's. */
    private static final Set<String> PER_AXIS = Set.of("sizes", "kinds", "space directions", "spacings",
            "thicknesses", "centerings", "centers", "labels", "units", "axis mins", "axis maxs", "axismins",
            "axismaxs");
    private static final Set<String> VECTOR_KINDS = Set.of("vector", "covariant-vector", "normal", "3-vector",
            "3-color", "list", "point");
    private static final Pattern TOKEN = Pattern.compile("\\([^)]*\\)|\\S+");

    private NrrdVectorImages() {
    }

    /** True when the file starts with NRRD's magic. */
    public static boolean isNrrd(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return NrrdHeaderText.hasMagic(in.readNBytes(8));
        } catch (IOException e) {
            return false;
        }
    }

    /** True when the file is a NRRD file holding a three-component vector per voxel (by its header). */
    public static boolean isVectorImage(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return vectorAxis(NrrdHeaderText.read(in, file)) >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Reads a vector image.
     *
     * @throws ImageIOException naming the file and field when it is not a 4-D NRRD with a 3-component float axis
     */
    public static VectorVolume read(Path file) throws ImageIOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            NrrdHeaderText text = NrrdHeaderText.read(in, file);
            int va = vectorAxis(text);
            if (va < 0) {
                throw ImageIOException.badField(file, "dimension", "a 4-D vector image with one axis of 3 "
                        + "components (kind vector, space direction none)", "'" + text.field("dimension")
                        + "' dimensions, sizes '" + text.field("sizes") + "'");
            }
            NrrdHeader grid = NrrdHeader.of(withoutAxis(text, va), file);
            if (grid.type() != VoxelType.FLOAT32 && grid.type() != VoxelType.FLOAT64) {
                throw ImageIOException.unsupported(file, "type", "float or double vector components",
                        grid.type().name().toLowerCase(Locale.ROOT));
            }
            long[] sizes = tokens(text.field("sizes")).stream().mapToLong(Long::parseLong).toArray();
            NrrdHeader h = new NrrdHeader(grid.version(), grid.type(), grid.encoding(), grid.byteOrder(), sizes,
                    grid.geometry(), grid.dataFile(), grid.dataOffset(), grid.lineSkip(), grid.byteSkip(),
                    grid.keyValues());
            VoxelData data = h.dataFile() == null ? NrrdReader.readData(in, file, Files.size(file), h.dataOffset(),
                    h, file) : NrrdReader.readDetached(h, file);
            int n = (int) grid.geometry().voxelCount();
            double[] blocks = new double[3 * n];
            for (int v = 0; v < n; v++) {
                for (int c = 0; c < 3; c++) {
                    // Vector axis first: components of one voxel together; last: one block per component.
                    blocks[c * n + v] = data.get(va == 0 ? 3 * v + c : c * n + v);
                }
            }
            return new VectorVolume(grid.geometry(), grid.type(), blocks, "");
        } catch (ImageIOException e) {
            throw e;
        } catch (IOException e) {
            throw new ImageIOException(file, ImageIOException.Problem.IO_FAILURE, "cannot read (" + e.getMessage()
                    + ")", e);
        }
    }

    /** The axis of 3 components, first or last, or -1 when the header is not that of a vector image. */
    private static int vectorAxis(NrrdHeaderText h) {
        String dim = h.field("dimension");
        String sizes = h.field("sizes");
        if (dim == null || sizes == null || !dim.strip().equals("4")) {
            return -1;
        }
        List<String> s = tokens(sizes);
        List<String> kinds = h.field("kinds") == null ? null : tokens(h.field("kinds"));
        List<String> dirs = h.field("space directions") == null ? null : tokens(h.field("space directions"));
        for (int a : new int[] {0, 3}) {
            boolean three = s.size() == 4 && s.get(a).equals("3");
            boolean vectorKind = kinds != null && kinds.size() == 4
                    && VECTOR_KINDS.contains(kinds.get(a).toLowerCase(Locale.ROOT));
            boolean noDirection = dirs != null && dirs.size() == 4 && dirs.get(a).equalsIgnoreCase("none");
            if (three && (vectorKind || noDirection)) {
                return a;
            }
        }
        return -1;
    }

    private static NrrdHeaderText withoutAxis(NrrdHeaderText h, int axis) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : h.fields().entrySet()) {
            String value = e.getValue();
            if (e.getKey().equals("dimension")) {
                value = "3";
            } else if (PER_AXIS.contains(e.getKey())) {
                List<String> t = new ArrayList<>(tokens(value));
                if (t.size() == 4) {
                    t.remove(axis);
                }
                value = String.join(" ", t);
            }
            fields.put(e.getKey(), value);
        }
        return new NrrdHeaderText(h.version(), fields, h.keyValues(), h.dataOffset(), h.endsWithBlank());
    }

    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(s.strip());
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
