package org.coreg.io.metaimage;

import java.nio.ByteOrder;
import java.util.Locale;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Modality;

/**
 * The fields of a MetaImage header that decide how voxels are stored and where they lie, as written in the file
 * (before any 2-D to 3-D embedding).
 *
 * @param nDims              number of dimensions (1 to 3)
 * @param dimSize            voxels along each axis ({@code DimSize})
 * @param spacing            mm between voxel centres ({@code ElementSpacing})
 * @param offset             LPS mm of the centre of the first voxel ({@code Offset}, {@code Position} or
 *                           {@code Origin})
 * @param transformMatrix    {@code TransformMatrix} ({@code Rotation}, {@code Orientation}) as stored: nDims rows of
 *                           nDims values, row {@code a} being the LPS unit vector of index axis {@code a} (ITK reads
 *                           it so: the file holds the direction matrix column by column)
 * @param elementType        the voxel type on disk
 * @param msb                true for big-endian data ({@code BinaryDataByteOrderMSB}/{@code ElementByteOrderMSB})
 * @param compressed         true when the data is one zlib stream ({@code CompressedData})
 * @param compressedDataSize bytes of the zlib stream, or -1 when the header does not say
 * @param elementDataFile    {@code LOCAL} or the name of the data file, relative to the header's folder
 * @param headerSize         bytes to skip at the start of the data, -1 for "the data ends the file", 0 if absent
 * @param dataStart          byte offset just after the {@code ElementDataFile} line in the header file
 * @param modality           from {@code Modality} (MET_MOD_CT, MET_MOD_MR, ...), else unknown
 */
record MetaImageHeader(int nDims, long[] dimSize, double[] spacing, double[] offset, double[] transformMatrix,
                       MetaElementType elementType, boolean msb, boolean compressed, long compressedDataSize,
                       String elementDataFile, long headerSize, long dataStart, Modality modality) {
    static final String LOCAL = "LOCAL";

    boolean isLocal() {
        return LOCAL.equalsIgnoreCase(elementDataFile);
    }

    ByteOrder byteOrder() {
        return msb ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }

    /** Number of voxels, or -1 if the product overflows a long. */
    long voxelCount() {
        long n = 1;
        for (long d : dimSize) {
            try {
                n = Math.multiplyExact(n, d);
            } catch (ArithmeticException e) {
                return -1;
            }
        }
        return n;
    }

    /**
     * The grid as a 3-D geometry in LPS mm, as ITK 5.2 reads it: a 2-D (1-D) image becomes a volume of depth 1 with
     * spacing 1 and origin 0 along the missing axes, and direction cosines embedded in the identity.
     *
     * @throws org.coreg.image.InvalidGeometryException if spacing or direction cannot describe a grid
     */
    ImageGeometry geometry() {
        int[] size = {1, 1, 1};
        double[] sp = {1, 1, 1};
        double[] org = {0, 0, 0};
        double[] dir = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        for (int a = 0; a < nDims; a++) {
            size[a] = (int) dimSize[a];
            sp[a] = spacing[a];
            org[a] = offset[a];
            for (int w = 0; w < nDims; w++) {
                // Row a of the stored matrix is the world vector of index axis a: column a of the direction.
                dir[3 * w + a] = transformMatrix[nDims * a + w];
            }
        }
        return ImageGeometry.of(size, sp, org, dir);
    }

    /** The header text Coreg writes for a 3-D grid, ending with the {@code ElementDataFile} line. */
    static String text(ImageGeometry g, MetaElementType type, boolean msb, long compressedSize, String dataFile,
                       Modality modality) {
        StringBuilder b = new StringBuilder(512);
        line(b, "ObjectType", "Image");
        line(b, "NDims", "3");
        line(b, "BinaryData", "True");
        line(b, "BinaryDataByteOrderMSB", msb ? "True" : "False");
        line(b, "CompressedData", compressedSize >= 0 ? "True" : "False");
        if (compressedSize >= 0) {
            line(b, "CompressedDataSize", Long.toString(compressedSize));
        }
        double[] d = g.direction();
        double[] tm = new double[9];
        for (int a = 0; a < 3; a++) {
            for (int w = 0; w < 3; w++) {
                tm[3 * a + w] = d[3 * w + a];
            }
        }
        line(b, "TransformMatrix", numbers(tm));
        line(b, "Offset", numbers(g.origin()));
        line(b, "CenterOfRotation", "0 0 0");
        line(b, "AnatomicalOrientation", orientation(d));
        line(b, "ElementSpacing", numbers(g.spacing()));
        line(b, "DimSize", g.size(0) + " " + g.size(1) + " " + g.size(2));
        if (modality == Modality.CT || modality == Modality.MR || modality == Modality.US) {
            line(b, "Modality", "MET_MOD_" + modality.name());
        }
        line(b, "ElementType", type.name());
        line(b, "ElementDataFile", dataFile);
        return b.toString();
    }

    private static void line(StringBuilder b, String key, String value) {
        b.append(key).append(" = ").append(value).append('\n');
    }

    /** Shortest decimal text that parses back to the same double (what strtod and Double.parseDouble read). */
    private static String numbers(double[] v) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                b.append(' ');
            }
            double x = v[i] == 0 ? 0 : v[i]; // no "-0.0"
            b.append(x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x));
        }
        return b.toString();
    }

    /**
     * ITK's three-letter code for the axis each index axis runs along, by its dominant LPS component: the letter
     * names where the axis comes from (R for +x, A for +y, I for +z), so an identity direction is "RAI".
     */
    static String orientation(double[] d) {
        StringBuilder s = new StringBuilder(3);
        for (int a = 0; a < 3; a++) {
            int best = 0;
            for (int w = 1; w < 3; w++) {
                if (Math.abs(d[3 * w + a]) > Math.abs(d[3 * best + a])) {
                    best = w;
                }
            }
            boolean positive = d[3 * best + a] >= 0;
            s.append(positive ? "RAI".charAt(best) : "LPS".charAt(best));
        }
        return s.toString();
    }

    static Modality modality(String metaModality) {
        return switch (metaModality.toUpperCase(Locale.ROOT)) {
            case "MET_MOD_CT" -> Modality.CT;
            case "MET_MOD_MR" -> Modality.MR;
            case "MET_MOD_US" -> Modality.US;
            default -> Modality.UNKNOWN;
        };
    }
}
