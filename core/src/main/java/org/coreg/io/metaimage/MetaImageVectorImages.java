package org.coreg.io.metaimage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Modality;
import org.coreg.image.VoxelData;
import org.coreg.image.VoxelType;
import org.coreg.io.AtomicOutput;
import org.coreg.io.ImageIOException;
import org.coreg.io.ImageIOException.Problem;
import org.coreg.io.RawVoxels;
import org.coreg.io.VectorVolume;

/**
 * Reads and writes three-component vector images as MetaImage ({@code .mha}, or {@code .mhd} with a {@code .raw}),
 * {@code ElementNumberOfChannels = 3}, MET_FLOAT or MET_DOUBLE, the components interleaved per voxel as MetaIO
 * stores channels. Header and data are parsed by the scalar reader's code; the scalar {@link MetaImageReader} keeps
 * refusing vector files. Writing is uncompressed and little-endian.
 */
public final class MetaImageVectorImages {
    private MetaImageVectorImages() {
    }

    /** True when {@code file} starts with a MetaImage header line. */
    public static boolean isMetaImage(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return MetaImageHeaderParser.looksLikeHeader(in.readNBytes(256));
        } catch (IOException e) {
            return false;
        }
    }

    /** True when {@code file} is a MetaImage whose header says {@code ElementNumberOfChannels = 3}. */
    public static boolean isVectorImage(Path file) {
        try {
            MetaImageHeaderParser.parse(file, MetaImageReader.head(file), 3);
            return true;
        } catch (ImageIOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Reads a vector image.
     *
     * @throws ImageIOException naming the file and field (ElementNumberOfChannels, ElementType, ...) when it is not
     *                          a three-component float image
     */
    public static VectorVolume read(Path file) throws ImageIOException {
        MetaImageHeader h = MetaImageHeaderParser.parse(file, MetaImageReader.head(file), 3);
        VoxelType type = h.elementType().voxelType();
        if (type != VoxelType.FLOAT32 && type != VoxelType.FLOAT64) {
            throw MetaImageException.of(file, Problem.UNSUPPORTED, "ElementType", "MET_FLOAT or MET_DOUBLE for "
                    + "vectors", h.elementType().name());
        }
        ImageGeometry g = MetaImageReader.geometry(file, h);
        VoxelData v = MetaImageReader.readValues(file, h, 3);
        int n = (int) g.voxelCount();
        double[] c = new double[3 * n];
        for (int i = 0; i < n; i++) {
            c[i] = v.get(3 * i);
            c[i + n] = v.get(3 * i + 1);
            c[i + 2 * n] = v.get(3 * i + 2);
        }
        return new VectorVolume(g, type, c, comment(file));
    }

    /** Writes a vector image, uncompressed; {@code .mhd} puts the data in a {@code .raw} beside it. Atomic. */
    public static void write(VectorVolume image, Path file) throws ImageIOException {
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean detached = lower.endsWith(".mhd");
        if (!detached && !lower.endsWith(".mha")) {
            throw MetaImageException.of(file, Problem.UNSUPPORTED, "(file name)", "a name ending .mha or .mhd",
                    "'" + file.getFileName() + "'");
        }
        int n = (int) image.grid().voxelCount();
        double[] c = image.components();
        VoxelData data = VoxelData.allocate(image.storedType(), 3L * n);
        for (int i = 0; i < n; i++) {
            data.set(3 * i, c[i]);
            data.set(3 * i + 1, c[i + n]);
            data.set(3 * i + 2, c[i + 2 * n]);
        }
        String name = file.getFileName().toString();
        String dataName = detached ? name.substring(0, name.length() - 4) + ".raw" : MetaImageHeader.LOCAL;
        byte[] header = headerText(image, dataName);
        try (AtomicOutput out = new AtomicOutput()) {
            if (detached) {
                try (OutputStream s = out.open(file.resolveSibling(dataName))) {
                    RawVoxels.write(s, data, ByteOrder.LITTLE_ENDIAN);
                }
            }
            try (OutputStream s = out.open(file)) {
                s.write(header);
                if (!detached) {
                    RawVoxels.write(s, data, ByteOrder.LITTLE_ENDIAN);
                }
            }
            out.commit();
        } catch (ImageIOException e) {
            throw e;
        } catch (IOException e) {
            throw new ImageIOException(file, Problem.IO_FAILURE, "cannot write (" + e + ")", e);
        }
    }

    /** The scalar header text with the channel count (before ElementType) and the description as Comment. */
    private static byte[] headerText(VectorVolume image, String dataName) {
        String text = MetaImageHeader.text(image.grid(), MetaElementType.of(image.storedType()), false, -1, dataName,
                Modality.UNKNOWN);
        text = text.replace("\nElementType = ", "\nElementNumberOfChannels = 3\nElementType = ");
        String d = image.description().replaceAll("[^\\x20-\\x7e]", "?");
        if (!d.isBlank()) {
            text = text.replaceFirst("\n", "\nComment = " + java.util.regex.Matcher.quoteReplacement(d) + "\n");
        }
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** The header's Comment value, or "". */
    private static String comment(Path file) throws ImageIOException {
        String text = new String(MetaImageReader.head(file), StandardCharsets.ISO_8859_1);
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                String key = line.substring(0, eq).strip();
                if (key.equalsIgnoreCase("Comment")) {
                    return line.substring(eq + 1).strip();
                }
                if (key.equalsIgnoreCase("ElementDataFile")) {
                    break;
                }
            }
        }
        return "";
    }
}
