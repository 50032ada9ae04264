package org.coreg.io.dicom;

import java.util.function.Function;
import org.coreg.io.ImageIOException;

/**
 * Reads the entropy-coded bits of a JPEG-LS scan (T.87 A.1 and A.5.3): most significant bit first, a 0 bit stuffed
 * after every FF byte skipped, a marker (FF followed by a byte of 80 or more) read as the end of the data, after
 * which zero bits are fed (a scan ends padded to a byte), up to a bound that calls the data truncated.
 */
final class JpegLsBitReader {
    /** Zero bits fed past the end of the data before the stream is called truncated. */
    private static final int MAX_PADDING_BITS = 1 << 16;

    private final byte[] d;
    private final int end;
    private final Function<String, ImageIOException> corrupt;
    private int p;
    private long acc;
    private int nbits;
    private boolean afterFf;
    private boolean atMarker;
    private int padding;

    /** Bits of {@code d[from..end)}; {@code corrupt} makes the error for damaged data. */
    JpegLsBitReader(byte[] d, int from, int end, Function<String, ImageIOException> corrupt) {
        this.d = d;
        this.p = from;
        this.end = end;
        this.corrupt = corrupt;
    }

    /** The next {@code n} bits (1..31) as an unsigned number. */
    int readBits(int n) throws ImageIOException {
        fill();
        nbits -= n;
        return (int) (acc >>> nbits) & ((1 << n) - 1);
    }

    /**
     * A limited-length Golomb code word (A.5.3): the unary high part and {@code k} low bits, or, after
     * {@code limit - qbpp - 1} zeros, an escaped value of {@code qbpp} bits plus one.
     */
    int golomb(int k, int limit, int qbpp) throws ImageIOException {
        int zeros = 0;
        while (true) {
            fill();
            long top = acc << (64 - nbits);
            int lead = top == 0 ? nbits : Long.numberOfLeadingZeros(top);
            if (lead < nbits) {
                zeros += lead;
                nbits -= lead + 1;
                break;
            }
            zeros += nbits;
            nbits = 0;
            if (zeros > limit) {
                break;
            }
        }
        int escape = limit - qbpp - 1;
        if (zeros > escape) {
            throw corrupt.apply("Golomb code word longer than LIMIT " + limit);
        }
        if (zeros == escape) {
            return readBits(qbpp) + 1;
        }
        return k == 0 ? zeros : (zeros << k) | readBits(k);
    }

    private void fill() throws ImageIOException {
        while (nbits <= 56) {
            if (p >= end || atMarker) {
                acc <<= 8;
                nbits += 8;
                padding += 8;
                if (padding > MAX_PADDING_BITS) {
                    throw corrupt.apply("data ends before the image is complete");
                }
                continue;
            }
            int b = d[p] & 0xFF;
            if (afterFf) {
                if (b >= 0x80) {
                    atMarker = true;
                    continue;
                }
                acc = (acc << 7) | b;
                nbits += 7;
                afterFf = false;
            } else {
                acc = (acc << 8) | b;
                nbits += 8;
                afterFf = b == 0xFF;
            }
            p++;
        }
    }
}
