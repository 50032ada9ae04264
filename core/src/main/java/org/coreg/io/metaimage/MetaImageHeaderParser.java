package org.coreg.io.metaimage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.coreg.image.Modality;
import org.coreg.io.ImageIOException;
import org.coreg.io.ImageIOException.Problem;

/**
 * Parses the text header of a MetaImage file ({@code Key = value} lines up to and including
 * {@code ElementDataFile}) into a validated {@link MetaImageHeader}. Unknown keys are ignored as MetaIO ignores
 * them; a repeated key keeps its last value.
 */
final class MetaImageHeaderParser {
    /** Keys MetaIO writes for images; the first line of a MetaImage header names one of them. */
    static final Set<String> KNOWN_KEYS = Set.of("comment", "objecttype", "objectsubtype", "transformtype", "ndims",
            "name", "id", "parentid", "compresseddata", "compresseddatasize", "binarydata",
            "binarydatabyteordermsb", "elementbyteordermsb", "color", "position", "offset", "origin", "orientation",
            "rotation", "transformmatrix", "centerofrotation", "anatomicalorientation", "distanceunits",
            "elementspacing", "dimsize", "headersize", "headersizeperslice", "modality", "sequenceid", "elementmin",
            "elementmax", "elementnumberofchannels", "elementsize", "elementtype", "elementdatafile",
            "acquisitiondate");

    private final Path file;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> spelled = new LinkedHashMap<>();

    private final int channels;

    private MetaImageHeaderParser(Path file, int channels) {
        this.file = file;
        this.channels = channels;
    }

    /** True when the text starts like a MetaImage header: a known key, then '='. */
    static boolean looksLikeHeader(byte[] head) {
        String text = new String(head, 0, Math.min(head.length, 256), StandardCharsets.ISO_8859_1);
        int eol = text.indexOf('\n');
        String first = (eol < 0 ? text : text.substring(0, eol)).strip();
        int eq = first.indexOf('=');
        return eq > 0 && KNOWN_KEYS.contains(first.substring(0, eq).strip().toLowerCase(Locale.ROOT));
    }

    /**
     * @param file  named in errors
     * @param bytes the start of the file, long enough to hold the whole header
     */
    static MetaImageHeader parse(Path file, byte[] bytes) throws ImageIOException {
        return new MetaImageHeaderParser(file, 1).run(bytes);
    }

    /** As {@link #parse}, for a vector image of exactly {@code channels} components per voxel. */
    static MetaImageHeader parse(Path file, byte[] bytes, int channels) throws ImageIOException {
        return new MetaImageHeaderParser(file, channels).run(bytes);
    }

    private MetaImageHeader run(byte[] bytes) throws ImageIOException {
        if (!looksLikeHeader(bytes)) {
            throw MetaImageException.of(file, Problem.WRONG_FORMAT, "(first line)",
                    "a MetaImage header line such as 'ObjectType = Image' or 'NDims = 3'", quote(firstLine(bytes)));
        }
        long dataStart = -1;
        int pos = 0;
        int lineNo = 0;
        while (pos < bytes.length) {
            int end = pos;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            if (end == bytes.length) {
                break; // an unfinished last line: no ElementDataFile yet
            }
            lineNo++;
            String line = new String(bytes, pos, end - pos, StandardCharsets.ISO_8859_1).strip();
            pos = end + 1;
            if (line.isEmpty()) {
                continue;
            }
            checkText(line, lineNo);
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw MetaImageException.of(file, Problem.BAD_FIELD, "(header line " + lineNo + ")",
                        "'Key = value'", quote(line));
            }
            String key = line.substring(0, eq).strip();
            String lower = key.toLowerCase(Locale.ROOT);
            values.put(lower, line.substring(eq + 1).strip());
            spelled.put(lower, key);
            if (lower.equals("elementdatafile")) {
                dataStart = pos;
                break;
            }
        }
        if (dataStart < 0) {
            throw MetaImageException.of(file, Problem.BAD_FIELD, "ElementDataFile",
                    "a header ending with an 'ElementDataFile = ...' line", "none in the first " + bytes.length
                            + " bytes");
        }
        return build(dataStart);
    }

    private void checkText(String line, int lineNo) throws ImageIOException {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\r') {
                throw MetaImageException.of(file, Problem.WRONG_FORMAT, "(header line " + lineNo + ")",
                        "text", "a binary byte 0x" + Integer.toHexString(c));
            }
        }
    }

    private MetaImageHeader build(long dataStart) throws ImageIOException {
        String objectType = values.get("objecttype");
        if (objectType != null && !objectType.equalsIgnoreCase("Image")) {
            throw MetaImageException.of(file, Problem.UNSUPPORTED, "ObjectType", "Image", quote(objectType)
                    + " (not supported)");
        }
        int nDims = (int) integer("NDims", required("NDims"), 1, 1 << 16);
        if (nDims > 3) {
            throw MetaImageException.of(file, Problem.UNSUPPORTED, spelled.get("ndims"), "1, 2 or 3",
                    nDims + " (images of more than 3 dimensions are not supported)");
        }
        long[] dimSize = longs("DimSize", required("DimSize"), nDims);
        for (long d : dimSize) {
            if (d < 1 || d > Integer.MAX_VALUE) {
                throw bad("DimSize", nDims + " sizes between 1 and " + Integer.MAX_VALUE,
                        quote(values.get("dimsize")));
            }
        }
        String spacingKey = values.containsKey("elementspacing") ? "ElementSpacing" : "ElementSize";
        double[] spacing = doubles(spacingKey, values.get(spacingKey.toLowerCase(Locale.ROOT)), nDims, 1.0);
        for (double s : spacing) {
            if (!Double.isFinite(s) || s <= 0) {
                throw bad(spacingKey, nDims + " finite positive spacings (mm)", quote(values.get(spacingKey
                        .toLowerCase(Locale.ROOT))));
            }
        }
        String offsetKey = lastOf("Offset", "Position", "Origin");
        double[] offset = doubles(offsetKey, values.get(offsetKey.toLowerCase(Locale.ROOT)), nDims, 0.0);
        for (double o : offset) {
            if (!Double.isFinite(o)) {
                throw bad(offsetKey, nDims + " finite coordinates (mm)",
                        quote(values.get(offsetKey.toLowerCase(Locale.ROOT))));
            }
        }
        String matrixKey = lastOf("TransformMatrix", "Rotation", "Orientation");
        double[] matrix = values.containsKey(matrixKey.toLowerCase(Locale.ROOT))
                ? doubles(matrixKey, values.get(matrixKey.toLowerCase(Locale.ROOT)), nDims * nDims, 0.0)
                : identity(nDims);
        if (values.containsKey("centerofrotation")) {
            doubles("CenterOfRotation", values.get("centerofrotation"), nDims, 0.0); // validated, not geometry
        }
        String typeName = required("ElementType");
        MetaElementType type = MetaElementType.parse(typeName).orElseThrow(() -> MetaImageException.of(file,
                Problem.UNSUPPORTED, "ElementType", "one of " + MetaElementType.names(), quote(typeName)
                        + " (not supported)"));
        long foundChannels = values.containsKey("elementnumberofchannels")
                ? integer("ElementNumberOfChannels", values.get("elementnumberofchannels"), 1, 1 << 20) : 1;
        if (foundChannels != channels) {
            throw MetaImageException.of(file, Problem.UNSUPPORTED, "ElementNumberOfChannels",
                    Integer.toString(channels), foundChannels + (channels == 1 ? " (vector images are not supported)"
                            : ""));
        }
        if (values.containsKey("binarydata") && !bool("BinaryData", values.get("binarydata"))) {
            throw MetaImageException.of(file, Problem.UNSUPPORTED, "BinaryData", "True", "False (ASCII voxel data "
                    + "is not supported)");
        }
        boolean msb = values.containsKey("binarydatabyteordermsb")
                ? bool("BinaryDataByteOrderMSB", values.get("binarydatabyteordermsb"))
                : values.containsKey("elementbyteordermsb") && bool("ElementByteOrderMSB",
                values.get("elementbyteordermsb"));
        boolean compressed = values.containsKey("compresseddata") && bool("CompressedData",
                values.get("compresseddata"));
        long compressedSize = values.containsKey("compresseddatasize")
                ? integer("CompressedDataSize", values.get("compresseddatasize"), 1, Long.MAX_VALUE) : -1;
        long headerSize = values.containsKey("headersize")
                ? integer("HeaderSize", values.get("headersize"), -1, Long.MAX_VALUE) : 0;
        if (values.containsKey("headersizeperslice")
                && integer("HeaderSizePerSlice", values.get("headersizeperslice"), 0, Long.MAX_VALUE) != 0) {
            throw MetaImageException.of(file, Problem.UNSUPPORTED, "HeaderSizePerSlice", "0",
                    values.get("headersizeperslice") + " (not supported)");
        }
        String dataFile = values.get("elementdatafile");
        if (dataFile.isEmpty() || dataFile.equalsIgnoreCase("LIST") || dataFile.contains("%")) {
            throw MetaImageException.of(file, Problem.UNSUPPORTED, "ElementDataFile",
                    "LOCAL or the name of one data file", quote(dataFile) + " (file lists and patterns are not "
                            + "supported)");
        }
        Modality modality = values.containsKey("modality") ? MetaImageHeader.modality(values.get("modality"))
                : Modality.UNKNOWN;
        return new MetaImageHeader(nDims, dimSize, spacing, offset, matrix, type, msb, compressed, compressedSize,
                dataFile, headerSize, dataStart, modality);
    }

    private String required(String key) throws ImageIOException {
        String v = values.get(key.toLowerCase(Locale.ROOT));
        if (v == null) {
            throw bad(key, "a '" + key + " = ...' line before ElementDataFile", "none");
        }
        return v;
    }

    /** Of synonymous keys, the one that appears last in the header (the value MetaIO keeps), else the first. */
    private String lastOf(String... keys) {
        String best = keys[0];
        int bestAt = -1;
        int i = 0;
        for (String k : values.keySet()) {
            for (String candidate : keys) {
                if (k.equals(candidate.toLowerCase(Locale.ROOT)) && i > bestAt) {
                    best = candidate;
                    bestAt = i;
                }
            }
            i++;
        }
        return best;
    }

    private long integer(String key, String text, long min, long max) throws ImageIOException {
        try {
            long v = Long.parseLong(text.strip());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(key, "an integer from " + min + " to " + max, quote(text));
    }

    private long[] longs(String key, String text, int n) throws ImageIOException {
        String[] parts = split(text);
        if (parts.length != n) {
            throw bad(key, n + " integers (NDims = " + n + ")", quote(text));
        }
        long[] r = new long[n];
        for (int i = 0; i < n; i++) {
            try {
                r[i] = Long.parseLong(parts[i]);
            } catch (NumberFormatException e) {
                throw bad(key, n + " integers", quote(text));
            }
        }
        return r;
    }

    private double[] doubles(String key, String text, int n, double fill) throws ImageIOException {
        if (text == null) {
            double[] r = new double[n];
            Arrays.fill(r, fill);
            return r;
        }
        String[] parts = split(text);
        if (parts.length != n) {
            throw bad(key, n + " numbers", quote(text));
        }
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            try {
                if (!parts[i].matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?|(?i)[-+]?(nan|inf|infinity)")) {
                    throw new NumberFormatException(parts[i]);
                }
                String p = parts[i].toLowerCase(Locale.ROOT);
                r[i] = p.endsWith("nan") ? Double.NaN : p.endsWith("inf") || p.endsWith("infinity")
                        ? (p.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY)
                        : Double.parseDouble(parts[i]);
            } catch (NumberFormatException e) {
                throw bad(key, n + " decimal numbers", quote(text));
            }
        }
        return r;
    }

    private boolean bool(String key, String text) throws ImageIOException {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw bad(key, "True or False", quote(text));
        };
    }

    private ImageIOException bad(String key, String expected, String found) {
        String spelledKey = spelled.getOrDefault(key.toLowerCase(Locale.ROOT), key);
        return MetaImageException.of(file, Problem.BAD_FIELD, spelledKey, expected, found);
    }

    private static String[] split(String text) {
        String s = text.strip();
        return s.isEmpty() ? new String[0] : s.split("\\s+");
    }

    private static double[] identity(int n) {
        double[] m = new double[n * n];
        for (int i = 0; i < n; i++) {
            m[i * n + i] = 1;
        }
        return m;
    }

    private static String quote(String s) {
        String t = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        return "'" + t + "'";
    }

    private static String firstLine(byte[] bytes) {
        int n = 0;
        while (n < bytes.length && n < 80 && bytes[n] != '\n') {
            n++;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int c = bytes[i] & 0xff;
            b.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\x%02x", c));
        }
        return b.toString();
    }
}
