package org.coreg.io.dicom;

import java.util.Map;

/**
 * How a DICOM data set after the file meta information is encoded: VR explicit or implicit, byte order, deflate,
 * and for encapsulated pixel data the codec.
 *
 * @param uid        Transfer Syntax UID (0002,0010)
 * @param name       short human name for messages
 * @param explicitVr true when every element carries its VR
 * @param bigEndian  true for the retired Explicit VR Big Endian
 * @param deflated   true when everything after the file meta is raw-deflated
 * @param codec      how pixel data is stored
 */
public record TransferSyntax(String uid, String name, boolean explicitVr, boolean bigEndian, boolean deflated,
                             Codec codec) {
    /** The pixel data encodings this reader knows about (not all of them decodable). */
    public enum Codec {
        NATIVE, RLE, JPEG_LOSSLESS, JPEG_BASELINE, JPEG_EXTENDED, JPEG_LS, JPEG_2000, OTHER_ENCAPSULATED
    }

    public static final TransferSyntax IMPLICIT_LE =
            new TransferSyntax("1.2.840.10008.1.2", "Implicit VR Little Endian", false, false, false, Codec.NATIVE);
    public static final TransferSyntax EXPLICIT_LE =
            new TransferSyntax("1.2.840.10008.1.2.1", "Explicit VR Little Endian", true, false, false, Codec.NATIVE);

    private static final Map<String, TransferSyntax> KNOWN = Map.ofEntries(
            entry(IMPLICIT_LE), entry(EXPLICIT_LE),
            entry(new TransferSyntax("1.2.840.10008.1.2.2", "Explicit VR Big Endian", true, true, false, Codec.NATIVE)),
            entry(new TransferSyntax("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian", true, false, true,
                    Codec.NATIVE)),
            entry(encapsulated("1.2.840.10008.1.2.5", "RLE Lossless", Codec.RLE)),
            entry(encapsulated("1.2.840.10008.1.2.4.57", "JPEG Lossless (Process 14)", Codec.JPEG_LOSSLESS)),
            entry(encapsulated("1.2.840.10008.1.2.4.70", "JPEG Lossless SV1 (Process 14, first-order prediction)",
                    Codec.JPEG_LOSSLESS)),
            entry(encapsulated("1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)", Codec.JPEG_BASELINE)),
            entry(encapsulated("1.2.840.10008.1.2.4.51", "JPEG Extended (Process 2 & 4)", Codec.JPEG_EXTENDED)),
            entry(encapsulated("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless", Codec.JPEG_LS)),
            entry(encapsulated("1.2.840.10008.1.2.4.81", "JPEG-LS Near-Lossless", Codec.JPEG_LS)),
            entry(encapsulated("1.2.840.10008.1.2.4.90", "JPEG 2000 Lossless", Codec.JPEG_2000)),
            entry(encapsulated("1.2.840.10008.1.2.4.91", "JPEG 2000", Codec.JPEG_2000)));

    private static TransferSyntax encapsulated(String uid, String name, Codec codec) {
        return new TransferSyntax(uid, name, true, false, false, codec);
    }

    private static Map.Entry<String, TransferSyntax> entry(TransferSyntax ts) {
        return Map.entry(ts.uid, ts);
    }

    /**
     * The syntax for a UID. Unknown UIDs are assumed to be explicit VR little endian with encapsulated pixel data
     * (as the standard requires of every compressed syntax), so the header still parses and only the pixels are
     * refused.
     */
    public static TransferSyntax forUid(String uid) {
        TransferSyntax ts = KNOWN.get(uid);
        return ts != null ? ts : new TransferSyntax(uid, "unknown transfer syntax", true, false, false,
                Codec.OTHER_ENCAPSULATED);
    }

    /** True when pixel data is a sequence of fragments rather than raw samples. */
    public boolean encapsulated() {
        return codec != Codec.NATIVE;
    }

    @Override
    public String toString() {
        return uid + " (" + name + ")";
    }
}
