package org.coreg.io.nrrd;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;
import org.coreg.io.AtomicOutput;
import org.coreg.io.ImageIOException;
import org.coreg.io.OutputFailure;
import org.coreg.io.ImageWriter;
import org.coreg.io.RawVoxels;

/**
 * Writes NRRD as 3D Slicer does: {@code space: left-posterior-superior}, {@code space directions} (spacing times
 * direction cosines, LPS mm), {@code space origin}, {@code kinds: domain domain domain}. A {@code .nrrd} file holds
 * its data (gzip unless configured otherwise); a {@code .nhdr} header names a raw data file {@code NAME.raw}
 * beside it. The data file is written first, then the header; both appear only if both were written.
 *
 * <p>NRRD has no rescale field: a volume whose stored values are rescaled is written as its real values (see
 * {@link RealValues}).
 */
public final class NrrdWriter implements ImageWriter {
    private final NrrdEncoding attachedEncoding;
    private final ByteOrder order;

    /** gzip for {@code .nrrd}, little-endian. */
    public NrrdWriter() {
        this(NrrdEncoding.GZIP, ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * @param attachedEncoding encoding of {@code .nrrd} files ({@code .nhdr} data are always raw)
     * @param order            byte order of multi-byte elements
     */
    public NrrdWriter(NrrdEncoding attachedEncoding, ByteOrder order) {
        this.attachedEncoding = Objects.requireNonNull(attachedEncoding);
        this.order = Objects.requireNonNull(order);
    }

    @Override
    public void write(Volume volume, Path file) throws ImageIOException {
        Volume v = RealValues.of(volume);
        boolean detached = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".nhdr");
        Path dataFile = detached ? file.resolveSibling(NrrdReader.baseName(file) + ".raw") : null;
        if (detached && dataFile.toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize())) {
            throw ImageIOException.badField(file, "data file", "a name other than the header's", dataFile);
        }
        NrrdEncoding encoding = detached ? NrrdEncoding.RAW : attachedEncoding;
        byte[] header = header(v, encoding, dataFile).getBytes(StandardCharsets.UTF_8);
        boolean dataExisted = detached && Files.exists(dataFile);
        try (AtomicOutput out = new AtomicOutput()) {
            if (detached) {
                try (OutputStream d = out.open(dataFile)) {
                    RawVoxels.write(d, v.voxels(), order);
                }
                try (OutputStream h = out.open(file)) {
                    h.write(header);
                }
            } else {
                try (OutputStream o = out.open(file)) {
                    o.write(header);
                    if (encoding == NrrdEncoding.GZIP) {
                        GZIPOutputStream gz = new GZIPOutputStream(o, 1 << 16);
                        RawVoxels.write(gz, v.voxels(), order);
                        gz.finish();
                    } else {
                        RawVoxels.write(o, v.voxels(), order);
                    }
                }
            }
            commit(out, dataFile, dataExisted);
        } catch (IOException e) {
            if (e instanceof ImageIOException ie) {
                throw ie;
            }
            throw new ImageIOException(file, ImageIOException.Problem.IO_FAILURE,
                    "cannot write (" + OutputFailure.reasonOf(e) + ")", e);
        }
    }

    /** Moves data then header into place; if the header cannot follow, a data file new to the folder goes too. */
    private static void commit(AtomicOutput out, Path dataFile, boolean dataExisted) throws IOException {
        try {
            out.commit();
        } catch (IOException e) {
            if (dataFile != null && !dataExisted) {
                Files.deleteIfExists(dataFile);
            }
            throw e;
        }
    }

    /** The header text, ending with the blank line that precedes attached data. */
    String header(Volume v, NrrdEncoding encoding, Path dataFile) {
        ImageGeometry g = v.geometry();
        double[] d = g.direction();
        StringBuilder b = new StringBuilder();
        b.append("NRRD0004\n");
        b.append("# Complete NRRD file format specification at:\n");
        b.append("# http://teem.sourceforge.net/nrrd/format.html\n");
        b.append("type: ").append(NrrdType.spelling(v.type())).append('\n');
        b.append("dimension: 3\n");
        b.append("space: left-posterior-superior\n");
        b.append("sizes: ").append(g.size(0)).append(' ').append(g.size(1)).append(' ').append(g.size(2)).append('\n');
        b.append("space directions:");
        for (int c = 0; c < 3; c++) {
            double s = g.spacing(c);
            b.append(' ').append(vector(d[c] * s, d[3 + c] * s, d[6 + c] * s));
        }
        b.append('\n');
        b.append("kinds: domain domain domain\n");
        b.append("endian: ").append(order == ByteOrder.BIG_ENDIAN ? "big" : "little").append('\n');
        b.append("encoding: ").append(encoding.spelling()).append('\n');
        double[] o = g.origin();
        b.append("space origin: ").append(vector(o[0], o[1], o[2])).append('\n');
        if (dataFile != null) {
            b.append("data file: ").append(dataFile.getFileName()).append('\n');
        } else {
            b.append('\n');
        }
        return b.toString();
    }

    private static String vector(double x, double y, double z) {
        return "(" + number(x) + "," + number(y) + "," + number(z) + ")";
    }

    /**
     * The shortest decimal that reads back as exactly {@code v} (so geometry round-trips bit for bit), without an
     * exponent where the value is of an everyday size.
     */
    static String number(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e-6 && a < 1e15) {
            String s = BigDecimal.valueOf(v).toPlainString();
            return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        }
        return Double.toString(v);
    }
}
