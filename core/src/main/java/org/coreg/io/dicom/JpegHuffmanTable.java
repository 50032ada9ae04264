package org.coreg.io.dicom;

/** A canonical Huffman table with a 9-bit lookup for short codes (T.81 Annex C and F.2.2.3). */
final class JpegHuffmanTable {
    static final int LOOKUP_BITS = 9;
    static final int FAST_BITS = 12;

    final int[] lookup = new int[1 << LOOKUP_BITS];
    /** {@code (code length + extra bits) << 16 | difference & 0xFFFF}, or 0 when the prefix is too short. */
    final int[] fast = new int[1 << FAST_BITS];
    final int[] maxCode = new int[17];
    final int[] minCode = new int[17];
    final int[] valPtr = new int[17];
    final int[] symbols;

    JpegHuffmanTable(int[] counts, int[] symbols) {
        this.symbols = symbols;
        int code = 0;
        int k = 0;
        for (int len = 1; len <= 16; len++) {
            valPtr[len] = k;
            minCode[len] = code;
            maxCode[len] = counts[len] == 0 ? -1 : code + counts[len] - 1;
            for (int i = 0; i < counts[len]; i++) {
                if (len <= LOOKUP_BITS && code < (1 << len)) {
                    int shift = LOOKUP_BITS - len;
                    int from = code << shift;
                    for (int f = 0; f < (1 << shift); f++) {
                        lookup[from + f] = (len << 8) | symbols[k];
                    }
                }
                if (len <= FAST_BITS) {
                    fillFast(code, len, symbols[k]);
                }
                code++;
                k++;
            }
            code <<= 1;
        }
    }

    private void fillFast(int code, int len, int category) {
        int extra = category == 16 ? 0 : category;
        if (category > 16 || len + extra > FAST_BITS || code >= (1 << len)) {
            return;
        }
        int total = len + extra;
        for (int v = 0; v < (1 << extra); v++) {
            int diff = category == 0 ? 0 : category == 16 ? 32768
                    : v < (1 << (category - 1)) ? v - (1 << category) + 1 : v;
            int prefix = ((code << extra) | v) << (FAST_BITS - total);
            int entry = (total << 16) | (diff & 0xFFFF);
            for (int f = 0; f < (1 << (FAST_BITS - total)); f++) {
                fast[prefix + f] = entry;
            }
        }
    }
}
