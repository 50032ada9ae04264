package org.coreg.io.dicom;

import java.util.List;

/**
 * One parsed data element. The value stays in the parser's buffer ({@code buffer[offset, offset + length)}); a
 * sequence carries its items, encapsulated pixel data its fragments.
 *
 * @param tag       {@code (group << 16) | element}
 * @param vr        value representation (two letters; {@code "UN"} where an implicit-VR file leaves it unknown)
 * @param buffer    the bytes the value lies in
 * @param offset    start of the value in {@code buffer}
 * @param length    value length in bytes ({@code -1} for encapsulated pixel data)
 * @param bigEndian byte order of binary values
 * @param items     items of a sequence, else empty
 * @param fragments fragments of encapsulated pixel data (after the basic offset table), else empty
 * @param offsetTable basic offset table of encapsulated pixel data (may be null when empty)
 */
public record DicomElement(int tag, String vr, byte[] buffer, int offset, int length, boolean bigEndian,
                           List<DicomDataset> items, List<Fragment> fragments, Fragment offsetTable) {
    /** One item of encapsulated pixel data: {@code buffer[offset, offset + length)}. */
    public record Fragment(byte[] buffer, int offset, int length) {
    }

    public boolean isSequence() {
        return "SQ".equals(vr);
    }

    public boolean isEncapsulated() {
        return length < 0;
    }
}
