package org.coreg.io.nifti;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.coreg.image.ImageGeometry;
import org.coreg.testing.ExternalTool;

/**
 * What ITK 5.2 (through plastimatch) makes of an image file: plastimatch converts it to an uncompressed MetaImage,
 * whose text header states the geometry ITK read (origin, spacing, direction in LPS, full precision) and whose
 * data are the voxels ITK read.
 */
final class PlastimatchOracle {
    private PlastimatchOracle() {
    }

    /** ITK's geometry and voxel bytes of a converted file. */
    record Seen(ImageGeometry geometry, String elementType, byte[] data, ByteOrder order) {
        short[] shorts() {
            short[] s = new short[data.length / 2];
            ByteBuffer.wrap(data).order(order).asShortBuffer().get(s);
            return s;
        }
    }

    /** Runs {@code plastimatch convert --input in --output-img out.mha} (skips the test if plastimatch is absent). */
    static Seen convert(Path in, Path work, String... extra) throws IOException, InterruptedException {
        ExternalTool.require("plastimatch");
        Path out = work.resolve(in.getFileName() + ".itk.mha");
        String[] cmd = new String[5 + extra.length];
        cmd[0] = "plastimatch";
        cmd[1] = "convert";
        cmd[2] = "--input";
        cmd[3] = in.toAbsolutePath().toString();
        cmd[4] = "--output-img";
        String[] full = Arrays.copyOf(cmd, cmd.length + 1);
        full[5] = out.toAbsolutePath().toString();
        System.arraycopy(extra, 0, full, 6, extra.length);
        ExternalTool.runOk(work, 120, full);
        return parse(out);
    }

    /** Writes {@code in} with plastimatch to {@code out} (any format plastimatch writes, e.g. .nii). */
    static void convertTo(Path in, Path out, Path work) throws IOException, InterruptedException {
        ExternalTool.require("plastimatch");
        ExternalTool.runOk(work, 120, "plastimatch", "convert", "--input", in.toAbsolutePath().toString(),
                "--output-img", out.toAbsolutePath().toString());
    }

    static Seen parse(Path mha) throws IOException {
        byte[] all = Files.readAllBytes(mha);
        String text = new String(all, 0, Math.min(all.length, 8192), StandardCharsets.ISO_8859_1);
        int end = text.indexOf("ElementDataFile = LOCAL");
        if (end < 0) {
            throw new IOException(mha + ": expected an .mha with ElementDataFile = LOCAL");
        }
        int dataStart = text.indexOf('\n', end) + 1;
        Map<String, String> f = new HashMap<>();
        for (String line : text.substring(0, dataStart).split("\n")) {
            int eq = line.indexOf(" = ");
            if (eq > 0) {
                f.put(line.substring(0, eq).trim(), line.substring(eq + 3).trim());
            }
        }
        double[] tm = numbers(f.get("TransformMatrix"));
        double[] d = new double[9];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                d[3 * r + c] = tm[3 * c + r]; // MetaImage lists the direction column by column
            }
        }
        double[] size = numbers(f.get("DimSize"));
        ImageGeometry g = ImageGeometry.of(new int[] {(int) size[0], (int) size[1], (int) size[2]},
                numbers(f.get("ElementSpacing")), numbers(f.get("Offset")), d);
        ByteOrder order = "True".equalsIgnoreCase(f.get("BinaryDataByteOrderMSB")) ? ByteOrder.BIG_ENDIAN
                : ByteOrder.LITTLE_ENDIAN;
        return new Seen(g, f.get("ElementType"), Arrays.copyOfRange(all, dataStart, all.length), order);
    }

    private static double[] numbers(String s) {
        return Arrays.stream(s.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    }
}
