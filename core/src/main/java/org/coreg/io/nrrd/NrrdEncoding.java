package org.coreg.io.nrrd;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.coreg.io.ImageIOException;

/** The NRRD {@code encoding:} values Coreg reads and writes: the bytes as they are, or gzip-compressed. */
public enum NrrdEncoding {
    RAW("raw"),
    GZIP("gzip");

    /** Encodings the format defines that Coreg does not read. */
    private static final Set<String> OTHER_KNOWN = Set.of("txt", "text", "ascii", "hex", "bz2", "bzip2", "zrl",
            "zstd", "zst");

    private static final String EXPECTED = "raw, gzip or gz";

    private final String spelling;

    NrrdEncoding(String spelling) {
        this.spelling = spelling;
    }

    /** The value written in headers. */
    public String spelling() {
        return spelling;
    }

    /**
     * The encoding an {@code encoding:} value names.
     *
     * @throws ImageIOException UNSUPPORTED for ascii, hex, bzip2 and the like; BAD_FIELD for unknown values
     */
    static NrrdEncoding parse(Path file, String value) throws ImageIOException {
        String v = value.trim().toLowerCase(Locale.ROOT);
        switch (v) {
            case "raw":
                return RAW;
            case "gz", "gzip":
                return GZIP;
            default:
                if (OTHER_KNOWN.contains(v)) {
                    throw ImageIOException.unsupported(file, "encoding", EXPECTED, "'" + value.trim() + "'");
                }
                throw ImageIOException.badField(file, "encoding", EXPECTED, "'" + value.trim() + "'");
        }
    }
}
