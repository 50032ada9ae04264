package org.coreg.io.dicom;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.coreg.io.ImageIOException;

/**
 * The elements of one DICOM data set (or sequence item) by tag, with typed accessors that name the file and tag
 * when a value is missing or malformed.
 */
public final class DicomDataset {
    private final Path file;
    private final Map<Integer, DicomElement> elements = new HashMap<>();

    DicomDataset(Path file) {
        this.file = file;
    }

    void put(DicomElement e) {
        elements.put(e.tag(), e);
    }

    /** The file this data set came from (named in errors). */
    public Path file() {
        return file;
    }

    public boolean contains(int tag) {
        return elements.containsKey(tag);
    }

    public DicomElement element(int tag) {
        return elements.get(tag);
    }

    /** The text value with trailing spaces and NULs removed, or {@code null} when absent. */
    public String string(int tag) {
        DicomElement e = elements.get(tag);
        if (e == null || e.isEncapsulated() || e.isSequence()) {
            return null;
        }
        int end = e.offset() + e.length();
        int start = e.offset();
        while (end > start && (e.buffer()[end - 1] == ' ' || e.buffer()[end - 1] == 0)) {
            end--;
        }
        while (start < end && e.buffer()[start] == ' ') {
            start++;
        }
        return new String(e.buffer(), start, end - start, StandardCharsets.ISO_8859_1);
    }

    /** The text value, or {@code fallback} when absent or empty. */
    public String string(int tag, String fallback) {
        String s = string(tag);
        return s == null || s.isEmpty() ? fallback : s;
    }

    /** The text value, or a BAD_FIELD error naming the file and tag when absent or empty. */
    public String requireString(int tag) throws ImageIOException {
        String s = string(tag);
        if (s == null || s.isEmpty()) {
            throw missing(tag, "a value");
        }
        return s;
    }

    /**
     * The decimal values of a DS/IS/FD/FL element (backslash-separated text, or binary floats).
     *
     * @param count expected number of values
     * @throws ImageIOException BAD_FIELD naming the file and tag when absent, short or not numbers
     */
    public double[] requireDoubles(int tag, int count) throws ImageIOException {
        double[] v = doubles(tag);
        if (v == null) {
            throw missing(tag, count + " number(s)");
        }
        if (v.length < count) {
            throw ImageIOException.badField(file, DicomTags.describe(tag), count + " number(s)", string(tag));
        }
        for (double x : v) {
            if (!Double.isFinite(x)) {
                throw ImageIOException.badField(file, DicomTags.describe(tag), "finite numbers", string(tag));
            }
        }
        return v;
    }

    /** Decimal values, or {@code null} when absent; throws when present but not numbers. */
    public double[] doubles(int tag) throws ImageIOException {
        DicomElement e = elements.get(tag);
        if (e == null || e.length() <= 0 || e.isSequence()) {
            return null;
        }
        if ("FD".equals(e.vr()) || "FL".equals(e.vr())) {
            int size = "FD".equals(e.vr()) ? 8 : 4;
            double[] v = new double[e.length() / size];
            for (int i = 0; i < v.length; i++) {
                long bits = ByteOrderUtil.read(e.buffer(), e.offset() + i * size, size, e.bigEndian());
                v[i] = size == 8 ? Double.longBitsToDouble(bits) : Float.intBitsToFloat((int) bits);
            }
            return v;
        }
        String s = string(tag);
        if (s == null || s.isEmpty()) {
            return null;
        }
        String[] parts = s.split("\\\\");
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException ex) {
                throw ImageIOException.badField(file, DicomTags.describe(tag), "decimal numbers", "'" + s + "'");
            }
        }
        return v;
    }

    /** A single number (DS/IS text or binary), or {@code fallback} when absent. */
    public double decimal(int tag, double fallback) throws ImageIOException {
        double[] v = doubles(tag);
        return v == null || v.length == 0 ? fallback : v[0];
    }

    /**
     * An unsigned 16-bit (US) value; also accepts IS text and UN-typed 2-byte values (implicit VR).
     *
     * @throws ImageIOException BAD_FIELD naming file and tag when absent
     */
    public int requireUnsignedShort(int tag) throws ImageIOException {
        int v = unsignedShort(tag, -1);
        if (v < 0) {
            throw missing(tag, "an unsigned 16-bit value");
        }
        return v;
    }

    /** An unsigned 16-bit value, or {@code fallback} when absent. */
    public int unsignedShort(int tag, int fallback) throws ImageIOException {
        DicomElement e = elements.get(tag);
        if (e == null || e.length() <= 0 || e.isSequence()) {
            return fallback;
        }
        if ("IS".equals(e.vr()) || "DS".equals(e.vr())) {
            double d = decimal(tag, fallback);
            return (int) d;
        }
        if (e.length() < 2) {
            throw ImageIOException.badField(file, DicomTags.describe(tag), "2 bytes", e.length() + " byte(s)");
        }
        return (int) ByteOrderUtil.read(e.buffer(), e.offset(), 2, e.bigEndian());
    }

    /** Items of a sequence, empty when absent. */
    public List<DicomDataset> items(int tag) {
        DicomElement e = elements.get(tag);
        return e == null ? List.of() : e.items();
    }

    /** The first item of a sequence, or {@code null}. */
    public DicomDataset firstItem(int tag) {
        List<DicomDataset> items = items(tag);
        return items.isEmpty() ? null : items.getFirst();
    }

    private ImageIOException missing(int tag, String expected) {
        return ImageIOException.badField(file, DicomTags.describe(tag), expected, "no such element (missing tag)");
    }
}
