package org.coreg.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.coreg.image.ImageGeometry;
import org.coreg.image.ImageMetadata;
import org.coreg.image.Volume;
import org.coreg.image.VoxelData;
import org.coreg.image.VoxelType;
import org.coreg.io.RawVoxels;

/**
 * Test-only MetaImage (.mha, data inline) for exchanging volumes with elastix and transformix until the real
 * MetaImage format is on main. Handles float32 and int16, uncompressed, little-endian. TransformMatrix is written
 * and read column by column (each index axis's LPS direction in turn), as ITK's MetaImageIO does.
 */
public final class MiniMetaImage {
    private MiniMetaImage() {
    }

    public static void write(Volume v, Path file) throws IOException {
        ImageGeometry g = v.geometry();
        double[] d = g.direction();
        String type = switch (v.type()) {
            case FLOAT32 -> "MET_FLOAT";
            case INT16 -> "MET_SHORT";
            default -> throw new IllegalArgumentException("MiniMetaImage writes float32 and int16 only");
        };
        String header = "ObjectType = Image\nNDims = 3\nBinaryData = True\nBinaryDataByteOrderMSB = False\n"
                + "CompressedData = False\nTransformMatrix = " + d[0] + " " + d[3] + " " + d[6] + " " + d[1] + " "
                + d[4] + " " + d[7] + " " + d[2] + " " + d[5] + " " + d[8] + "\nOffset = " + g.origin()[0] + " "
                + g.origin()[1] + " " + g.origin()[2] + "\nElementSpacing = " + g.spacing(0) + " " + g.spacing(1)
                + " " + g.spacing(2) + "\nDimSize = " + g.size(0) + " " + g.size(1) + " " + g.size(2)
                + "\nElementType = " + type + "\nElementDataFile = LOCAL\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(header.getBytes(StandardCharsets.US_ASCII));
        RawVoxels.write(bytes, v.voxels(), ByteOrder.LITTLE_ENDIAN);
        Files.write(file, bytes.toByteArray());
    }

    public static Volume read(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        Map<String, String> h = new HashMap<>();
        int pos = 0;
        while (pos < all.length) {
            int end = pos;
            while (all[end] != '\n') {
                end++;
            }
            String line = new String(all, pos, end - pos, StandardCharsets.US_ASCII).strip();
            pos = end + 1;
            int eq = line.indexOf('=');
            h.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            if (line.startsWith("ElementDataFile")) {
                break;
            }
        }
        double[] tm = nums(h.getOrDefault("TransformMatrix", "1 0 0 0 1 0 0 0 1"));
        double[] dims = nums(h.get("DimSize"));
        int[] size = {(int) dims[0], (int) dims[1], (int) dims[2]};
        double[] origin = nums(h.getOrDefault("Offset", h.getOrDefault("Origin", "0 0 0")));
        double[] spacing = nums(h.get("ElementSpacing"));
        double[] dir = {tm[0], tm[3], tm[6], tm[1], tm[4], tm[7], tm[2], tm[5], tm[8]};
        ImageGeometry g = ImageGeometry.of(size, spacing, origin, dir);
        VoxelType type = switch (h.get("ElementType")) {
            case "MET_FLOAT" -> VoxelType.FLOAT32;
            case "MET_SHORT" -> VoxelType.INT16;
            default -> throw new IOException(file + ": MiniMetaImage reads MET_FLOAT and MET_SHORT only");
        };
        VoxelData data = VoxelData.allocate(type, g.voxelCount());
        RawVoxels.read(new java.io.ByteArrayInputStream(all, pos, all.length - pos), data,
                "True".equalsIgnoreCase(h.get("BinaryDataByteOrderMSB")) ? ByteOrder.BIG_ENDIAN
                        : ByteOrder.LITTLE_ENDIAN, file);
        return new Volume(data, g, ImageMetadata.named(file.getFileName().toString()));
    }

    private static double[] nums(String s) {
        String[] p = s.trim().split("\\s+");
        double[] v = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            v[i] = Double.parseDouble(p[i]);
        }
        return v;
    }
}
