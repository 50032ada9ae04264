package org.coreg.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.coreg.image.ImageGeometry;
import org.coreg.image.ImageMetadata;
import org.coreg.image.Volume;
import org.coreg.image.VoxelData;
import org.coreg.image.VoxelType;
import org.coreg.io.ImageFormats;

/**
 * Reads the shared test volumes: through {@link ImageFormats#standard()} when it knows the format, otherwise with a
 * minimal test-only reader of single-file NIfTI-1 (.nii, .nii.gz; sform or qform without rotation) and MetaImage
 * (.mha, identity-free TransformMatrix, zlib or raw). A stop-gap until the real readers land on main; not a
 * product reader (no validation beyond what the shared files need).
 */
public final class TestImageLoader {
    private TestImageLoader() {
    }

    public static Volume read(Path file) throws IOException {
        try {
            return ImageFormats.standard().read(file);
        } catch (org.coreg.io.ImageIOException e) {
            String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            if (n.endsWith(".mha")) {
                return readMha(file);
            }
            if (n.endsWith(".nii") || n.endsWith(".nii.gz")) {
                return readNifti(file);
            }
            throw e;
        }
    }

    private static Volume readNifti(Path file) throws IOException {
        byte[] all;
        try (InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(file))
                : Files.newInputStream(file)) {
            all = in.readAllBytes();
        }
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != 348) {
            b.order(ByteOrder.BIG_ENDIAN);
        }
        int[] size = {b.getShort(42), b.getShort(44), b.getShort(46)};
        int datatype = b.getShort(70);
        double[] pix = {b.getFloat(80), b.getFloat(84), b.getFloat(88)};
        int offset = (int) b.getFloat(108);
        double slope = b.getFloat(112);
        double inter = b.getFloat(116);
        if (slope == 0 || !Double.isFinite(slope)) {
            slope = 1;
            inter = 0;
        }
        double[] ras = new double[12];
        if (b.getShort(254) > 0) {
            for (int i = 0; i < 12; i++) {
                ras[i] = b.getFloat(280 + 4 * i);
            }
        } else {
            double qfac = b.getFloat(76) < 0 ? -1 : 1;
            ras = new double[] {pix[0], 0, 0, b.getFloat(268), 0, pix[1], 0, b.getFloat(272), 0, 0, qfac * pix[2],
                b.getFloat(276)};
        }
        double[] spacing = new double[3];
        double[] dir = new double[9];
        double[] origin = {-ras[3], -ras[7], ras[11]};
        for (int c = 0; c < 3; c++) {
            double[] col = {-ras[c], -ras[4 + c], ras[8 + c]};
            spacing[c] = Math.sqrt(col[0] * col[0] + col[1] * col[1] + col[2] * col[2]);
            for (int r = 0; r < 3; r++) {
                dir[3 * r + c] = col[r] / spacing[c];
            }
        }
        VoxelType type = switch (datatype) {
            case 2 -> VoxelType.UINT8;
            case 4 -> VoxelType.INT16;
            case 8 -> VoxelType.INT32;
            case 16 -> VoxelType.FLOAT32;
            case 64 -> VoxelType.FLOAT64;
            case 256 -> VoxelType.INT8;
            case 512 -> VoxelType.UINT16;
            default -> throw new IOException(file + ": NIfTI datatype " + datatype + " not handled by the test loader");
        };
        ImageGeometry g = ImageGeometry.of(size, spacing, origin, dir);
        VoxelData data = decode(b, offset, type, g.voxelCount());
        String name = file.getFileName().toString().replaceAll("\\.nii(\\.gz)?$", "");
        return new Volume(data, g, ImageMetadata.named(name).withRescale(slope, inter));
    }

    private static Volume readMha(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        Map<String, String> h = new HashMap<>();
        int pos = 0;
        while (true) {
            int end = pos;
            while (all[end] != '\n') {
                end++;
            }
            String line = new String(all, pos, end - pos, StandardCharsets.ISO_8859_1).trim();
            pos = end + 1;
            int eq = line.indexOf('=');
            String key = line.substring(0, eq).trim();
            h.put(key, line.substring(eq + 1).trim());
            if (key.equals("ElementDataFile")) {
                break;
            }
        }
        int[] size = ints(h.get("DimSize"));
        double[] spacing = doubles(h.getOrDefault("ElementSpacing", "1 1 1"));
        double[] origin = doubles(h.getOrDefault("Offset", h.getOrDefault("Origin", "0 0 0")));
        double[] tm = doubles(h.getOrDefault("TransformMatrix", "1 0 0 0 1 0 0 0 1"));
        double[] dir = new double[9];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                dir[3 * r + c] = tm[3 * c + r];
            }
        }
        VoxelType type = switch (h.get("ElementType")) {
            case "MET_UCHAR" -> VoxelType.UINT8;
            case "MET_CHAR" -> VoxelType.INT8;
            case "MET_SHORT" -> VoxelType.INT16;
            case "MET_USHORT" -> VoxelType.UINT16;
            case "MET_INT" -> VoxelType.INT32;
            case "MET_FLOAT" -> VoxelType.FLOAT32;
            case "MET_DOUBLE" -> VoxelType.FLOAT64;
            default -> throw new IOException(file + ": ElementType " + h.get("ElementType") + " not handled");
        };
        byte[] raw;
        if ("True".equalsIgnoreCase(h.getOrDefault("CompressedData", "False"))) {
            try (InputStream in = new InflaterInputStream(new java.io.ByteArrayInputStream(all, pos, all.length - pos))) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                in.transferTo(out);
                raw = out.toByteArray();
            }
        } else {
            raw = java.util.Arrays.copyOfRange(all, pos, all.length);
        }
        ByteBuffer b = ByteBuffer.wrap(raw).order("True".equalsIgnoreCase(h.getOrDefault("BinaryDataByteOrderMSB",
                "False")) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        ImageGeometry g = ImageGeometry.of(size, spacing, origin, dir);
        String name = file.getFileName().toString().replaceAll("\\.mha$", "");
        return new Volume(decode(b, 0, type, g.voxelCount()), g, ImageMetadata.named(name));
    }

    private static VoxelData decode(ByteBuffer b, int offset, VoxelType type, long count) {
        VoxelData d = VoxelData.allocate(type, count);
        int n = (int) count;
        for (int i = 0; i < n; i++) {
            double v = switch (type) {
                case UINT8 -> b.get(offset + i) & 0xff;
                case INT8 -> b.get(offset + i);
                case INT16 -> b.getShort(offset + 2 * i);
                case UINT16 -> b.getShort(offset + 2 * i) & 0xffff;
                case INT32 -> b.getInt(offset + 4 * i);
                case UINT32 -> b.getInt(offset + 4 * i) & 0xffffffffL;
                case FLOAT32 -> b.getFloat(offset + 4 * i);
                case FLOAT64 -> b.getDouble(offset + 8 * i);
            };
            d.set(i, v);
        }
        return d;
    }

    private static int[] ints(String s) {
        String[] p = s.trim().split("\\s+");
        return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2])};
    }

    private static double[] doubles(String s) {
        String[] p = s.trim().split("\\s+");
        double[] d = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            d[i] = Double.parseDouble(p[i]);
        }
        return d;
    }
}
