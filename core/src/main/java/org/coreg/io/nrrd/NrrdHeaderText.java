package org.coreg.io.nrrd;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.coreg.io.ImageIOException;

/**
 * A NRRD header as written, before interpretation: the format version from the magic line, the fields (under
 * their canonical names, in order) and the {@code key:=value} pairs. Comment lines are dropped.
 *
 * @param version       the digit of the magic {@code NRRD000X}, 1 to 5
 * @param fields        field name (canonical: {@code "data file"}, {@code "centers"}, ...) to its text, trimmed
 * @param keyValues     key/value pairs, in order
 * @param dataOffset    bytes from the start of the file to the first byte after the header
 * @param endsWithBlank whether the header ended with an empty line (required when data are attached)
 */
record NrrdHeaderText(int version, Map<String, String> fields, Map<String, String> keyValues, long dataOffset,
                      boolean endsWithBlank) {
    /** Newest format version Coreg reads. */
    static final int MAX_VERSION = 5;
    /** Upper bounds that keep a corrupt or hostile header from consuming memory. */
    private static final int MAX_LINE = 1 << 20;
    private static final long MAX_HEADER = 16L << 20;

    private static final Map<String, String> CANONICAL = canonicalNames();

    NrrdHeaderText {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        keyValues = Collections.unmodifiableMap(new LinkedHashMap<>(keyValues));
    }

    /** The text of a field, or null when absent. */
    String field(String name) {
        return fields.get(name);
    }

    /** True for the first bytes of a NRRD file: {@code NRRD000} and a version digit. */
    static boolean hasMagic(byte[] head) {
        if (head.length < 8) {
            return false;
        }
        String s = new String(head, 0, 8, StandardCharsets.ISO_8859_1);
        return s.startsWith("NRRD000") && Character.isDigit(s.charAt(7));
    }

    /**
     * Reads a header from the start of {@code in}, leaving the stream just after it (at the attached data).
     *
     * @param file named in errors
     * @throws ImageIOException WRONG_FORMAT for a missing magic, UNSUPPORTED for newer versions or multi-file
     *                          data, BAD_FIELD for malformed, unknown or repeated fields
     */
    static NrrdHeaderText read(InputStream in, Path file) throws ImageIOException {
        try {
            byte[] magic = in.readNBytes(8);
            if (!hasMagic(magic)) {
                throw new ImageIOException(file, ImageIOException.Problem.WRONG_FORMAT,
                        "field magic: expected NRRD0001 to NRRD000" + MAX_VERSION + " at the start of the file, found '"
                                + printable(magic) + "'");
            }
            int version = magic[7] - '0';
            if (version < 1 || version > MAX_VERSION) {
                throw ImageIOException.unsupported(file, "magic", "NRRD0001 to NRRD000" + MAX_VERSION,
                        "'" + printable(magic) + "'");
            }
            long offset = 8;
            Line rest = readLine(in, file);
            offset += rest.bytes;
            if (!rest.text.isBlank()) {
                throw new ImageIOException(file, ImageIOException.Problem.WRONG_FORMAT,
                        "field magic: expected the line NRRD000" + version + ", found '" + printable(magic)
                                + rest.text.substring(0, Math.min(20, rest.text.length())) + "'");
            }
            Map<String, String> fields = new LinkedHashMap<>();
            Map<String, String> keyValues = new LinkedHashMap<>();
            int lineNo = 1;
            while (true) {
                Line line = readLine(in, file);
                lineNo++;
                offset += line.bytes;
                if (offset > MAX_HEADER) {
                    throw ImageIOException.badField(file, "header", "at most " + MAX_HEADER + " bytes of header",
                            "more (no blank line ends it)");
                }
                if (line.bytes == 0) {
                    return new NrrdHeaderText(version, fields, keyValues, offset, false);
                }
                if (line.text.isEmpty()) {
                    return new NrrdHeaderText(version, fields, keyValues, offset, true);
                }
                if (line.text.startsWith("#")) {
                    continue;
                }
                parseLine(file, lineNo, line.text, fields, keyValues);
            }
        } catch (IOException e) {
            if (e instanceof ImageIOException ie) {
                throw ie;
            }
            throw new ImageIOException(file, ImageIOException.Problem.IO_FAILURE,
                    "cannot read the header (" + e.getMessage() + ")", e);
        }
    }

    private static void parseLine(Path file, int lineNo, String text, Map<String, String> fields,
                                  Map<String, String> keyValues) throws ImageIOException {
        int colon = text.indexOf(':');
        int kv = text.indexOf(":=");
        String name = colon < 0 ? null : CANONICAL.get(text.substring(0, colon).trim().toLowerCase(Locale.ROOT));
        if (kv >= 0 && (kv == colon || name == null)) {
            keyValues.put(text.substring(0, kv), text.substring(kv + 2));
            return;
        }
        if (colon < 0) {
            throw ImageIOException.badField(file, "header line " + lineNo,
                    "'field: value', 'key:=value' or '# comment'", "'" + clip(text) + "'");
        }
        if (name == null) {
            throw ImageIOException.badField(file, "header line " + lineNo, "a NRRD field name",
                    "'" + clip(text.substring(0, colon)) + "'");
        }
        String value = text.substring(colon + 1).trim();
        if (fields.containsKey(name)) {
            throw ImageIOException.badField(file, name, "the field once", "it twice");
        }
        if (name.equals("data file") && isMultiFile(value)) {
            throw ImageIOException.unsupported(file, "data file", "one data file name",
                    "'" + clip(value) + "' (data split over several files)");
        }
        fields.put(name, value);
    }

    /** The {@code LIST [subdim]} and {@code pattern min max step [subdim]} forms of {@code data file}. */
    private static boolean isMultiFile(String value) {
        String[] w = value.split("\\s+");
        return w[0].equals("LIST") && w.length <= 2 || w[0].contains("%") && (w.length == 4 || w.length == 5);
    }

    private record Line(String text, int bytes) {
    }

    /** One line without its terminator ({@code \n} or {@code \r\n}); {@code bytes} counts the terminator too. */
    private static Line readLine(InputStream in, Path file) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(80);
        int bytes = 0;
        int c;
        while ((c = in.read()) >= 0) {
            bytes++;
            if (c == '\n') {
                break;
            }
            if (bytes > MAX_LINE) {
                throw ImageIOException.badField(file, "header", "lines of at most " + MAX_LINE + " bytes",
                        "a longer line");
            }
            b.write(c);
        }
        byte[] a = b.toByteArray();
        int n = a.length > 0 && a[a.length - 1] == '\r' ? a.length - 1 : a.length;
        return new Line(new String(a, 0, n, StandardCharsets.UTF_8), bytes);
    }

    private static String printable(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(x >= 0x20 && x < 0x7f ? (char) x : '.');
        }
        return s.toString();
    }

    /** At most 60 characters of {@code s}, for messages. */
    static String clip(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    private static Map<String, String> canonicalNames() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String f : new String[] {"dimension", "type", "block size", "encoding", "endian", "content", "min",
            "max", "old min", "old max", "data file", "line skip", "byte skip", "number", "sample units", "sizes",
            "spacings", "thicknesses", "axis mins", "axis maxs", "centers", "labels", "units", "kinds", "space",
            "space dimension", "space units", "space origin", "space directions", "measurement frame"}) {
            m.put(f, f);
            m.put(f.replace(" ", ""), f);
        }
        m.put("centerings", "centers");
        return Map.copyOf(m);
    }
}
