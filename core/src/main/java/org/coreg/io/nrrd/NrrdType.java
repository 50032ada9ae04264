package org.coreg.io.nrrd;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.coreg.image.VoxelType;
import org.coreg.io.ImageIOException;

/**
 * The NRRD {@code type:} field: every spelling the format defines for the eight element types Coreg holds, and the
 * spelling teem (and so ITK and 3D Slicer) writes.
 */
final class NrrdType {
    private static final Map<String, VoxelType> SPELLINGS = Map.ofEntries(
            Map.entry("signed char", VoxelType.INT8), Map.entry("int8", VoxelType.INT8),
            Map.entry("int8_t", VoxelType.INT8),
            Map.entry("uchar", VoxelType.UINT8), Map.entry("unsigned char", VoxelType.UINT8),
            Map.entry("uint8", VoxelType.UINT8), Map.entry("uint8_t", VoxelType.UINT8),
            Map.entry("short", VoxelType.INT16), Map.entry("short int", VoxelType.INT16),
            Map.entry("signed short", VoxelType.INT16), Map.entry("signed short int", VoxelType.INT16),
            Map.entry("int16", VoxelType.INT16), Map.entry("int16_t", VoxelType.INT16),
            Map.entry("ushort", VoxelType.UINT16), Map.entry("unsigned short", VoxelType.UINT16),
            Map.entry("unsigned short int", VoxelType.UINT16), Map.entry("uint16", VoxelType.UINT16),
            Map.entry("uint16_t", VoxelType.UINT16),
            Map.entry("int", VoxelType.INT32), Map.entry("signed int", VoxelType.INT32),
            Map.entry("int32", VoxelType.INT32), Map.entry("int32_t", VoxelType.INT32),
            Map.entry("uint", VoxelType.UINT32), Map.entry("unsigned int", VoxelType.UINT32),
            Map.entry("uint32", VoxelType.UINT32), Map.entry("uint32_t", VoxelType.UINT32),
            Map.entry("float", VoxelType.FLOAT32), Map.entry("double", VoxelType.FLOAT64));

    /** Valid NRRD types that Coreg does not hold (64-bit integers, opaque blocks). */
    private static final Set<String> UNSUPPORTED = Set.of("longlong", "long long", "long long int",
            "signed long long", "signed long long int", "int64", "int64_t", "ulonglong", "unsigned long long",
            "unsigned long long int", "uint64", "uint64_t", "block");

    static final String EXPECTED = "one of int8, uint8, int16, uint16, int32, uint32, float, double (or another "
            + "NRRD spelling of them)";

    private NrrdType() {
    }

    /**
     * The element type a {@code type:} value names (case and repeated blanks ignored).
     *
     * @throws ImageIOException UNSUPPORTED for 64-bit integers and blocks, BAD_FIELD for anything else unknown
     */
    static VoxelType parse(Path file, String value) throws ImageIOException {
        String v = value.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        VoxelType t = SPELLINGS.get(v);
        if (t != null) {
            return t;
        }
        if (UNSUPPORTED.contains(v)) {
            throw ImageIOException.unsupported(file, "type", EXPECTED, "'" + value.trim() + "'");
        }
        throw ImageIOException.badField(file, "type", EXPECTED, "'" + value.trim() + "'");
    }

    /** The spelling teem writes ({@code short}, {@code unsigned char}, ...), as Slicer and ITK files carry. */
    static String spelling(VoxelType type) {
        return switch (type) {
            case INT8 -> "signed char";
            case UINT8 -> "unsigned char";
            case INT16 -> "short";
            case UINT16 -> "unsigned short";
            case INT32 -> "int";
            case UINT32 -> "unsigned int";
            case FLOAT32 -> "float";
            case FLOAT64 -> "double";
        };
    }
}
