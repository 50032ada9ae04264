package org.coreg.io.dicom;

import com.github.jaiimageio.jpeg2000.impl.J2KImageReaderSpi;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.coreg.io.ImageIOException;
import org.coreg.io.ImageIOException.Problem;

/**
 * Decodes one grey-scale frame of JPEG 2000 (ISO/IEC 15444-1; DICOM transfer syntaxes 1.2.840.10008.1.2.4.90
 * lossless and .91 lossy), a raw codestream or a JP2 file, through jai-imageio's pure-Java JJ2000 reader. The reader
 * is created from its provider class directly, not looked up in the javax.imageio registry, so that it is found
 * in a shaded jar and never loses to another JPEG 2000 plug-in on the class path.
 */
final class Jpeg2000Decoder {
    private static final J2KImageReaderSpi PROVIDER = new J2KImageReaderSpi();

    private Jpeg2000Decoder() {
    }

    /**
     * Decodes a frame into {@code out} (sample values row by row, as the codestream holds them; signed codestreams
     * come back sign-extended, {@link PixelFormat#normalize} then applies Bits Stored and Pixel Representation).
     *
     * @throws ImageIOException UNSUPPORTED for colour, CORRUPT_COMPRESSION for data JJ2000 cannot decode, BAD_FIELD
     *                          when the frame size disagrees with Rows/Columns
     */
    static void decode(Path file, TransferSyntax ts, byte[] data, PixelFormat pf, int[] out) throws ImageIOException {
        checkImageSize(file, data, pf);
        checkComplete(file, data);
        Raster r = decodeWithin(file, ts, data, budgetMillis(pf));
        if (r.getNumBands() != 1) {
            throw new ImageIOException(file, Problem.UNSUPPORTED, "field (7FE0,0010) PixelData: expected one JPEG"
                    + " 2000 component (grey-scale), found " + r.getNumBands() + " (not supported)");
        }
        if (r.getWidth() != pf.columns() || r.getHeight() != pf.rows()) {
            throw ImageIOException.badField(file, "(7FE0,0010) PixelData JPEG 2000 frame size",
                    pf.columns() + " x " + pf.rows() + " (Columns x Rows)", r.getWidth() + " x " + r.getHeight());
        }
        r.getSamples(r.getMinX(), r.getMinY(), pf.columns(), pf.rows(), 0, out);
    }

    /**
     * The time one frame may take: JJ2000 can loop for minutes on some damaged packet headers, so a frame that has not
     * finished in 5 s plus 0.2 microseconds a pixel (a 512 x 512 frame decodes in about 40 ms) is reported as damaged.
     */
    private static long budgetMillis(PixelFormat pf) {
        return 5_000 + (long) pf.rows() * pf.columns() / 5_000;
    }

    private static Raster decodeWithin(Path file, TransferSyntax ts, byte[] data, long millis)
            throws ImageIOException {
        try {
            return DecodeDeadline.run(file, ts.name() + " (" + ts.uid() + ") frame", millis, () -> read(file, ts, data));
        } catch (ImageIOException | VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            throw corrupt(file, ts, e);
        }
    }

    private static Raster read(Path file, TransferSyntax ts, byte[] data) throws ImageIOException {
        ImageReader reader = null;
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            reader = PROVIDER.createReaderInstance(null);
            reader.setInput(in, true, true);
            return reader.readRaster(0, null);
        } catch (IOException | RuntimeException e) {
            // JJ2000 reports damaged codestreams with unchecked exceptions of its own as well as IOExceptions.
            throw corrupt(file, ts, e);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Error e) {
            // JJ2000's JJ2KExceptionHandler ends a truncated code block with ThreadDeath (after printing the cause to
            // standard error, which it offers no way to silence); it is a damaged codestream, not a dying thread.
            throw corrupt(file, ts, e);
        } finally {
            if (reader != null) {
                reader.dispose();
            }
        }
    }

    /**
     * Checks a raw codestream's image and tile size (SIZ marker segment, ISO/IEC 15444-1 A.5.1) against Rows and
     * Columns before JJ2000 sees it: a damaged size would have it decode a huge image or millions of tiles.
     */
    private static void checkImageSize(Path file, byte[] d, PixelFormat pf) throws ImageIOException {
        if (d.length < 4 || (d[0] & 0xFF) != 0xFF || (d[1] & 0xFF) != 0x4F) {
            return;   // a JP2 file (not what DICOM asks for, but read): JJ2000 checks its boxes itself
        }
        if (d.length < 42 || (d[2] & 0xFF) != 0xFF || (d[3] & 0xFF) != 0x51) {
            throw new ImageIOException(file, Problem.CORRUPT_COMPRESSION, "field (7FE0,0010) PixelData: JPEG 2000"
                    + " codestream without its SIZ marker segment after the start of codestream");
        }
        long width = u32(d, 8) - u32(d, 16);
        long height = u32(d, 12) - u32(d, 20);
        long tileWidth = u32(d, 24);
        long tileHeight = u32(d, 28);
        int components = ((d[40] & 0xFF) << 8) | (d[41] & 0xFF);
        if (width != pf.columns() || height != pf.rows()) {
            throw ImageIOException.badField(file, "(7FE0,0010) PixelData JPEG 2000 frame size",
                    pf.columns() + " x " + pf.rows() + " (Columns x Rows)", width + " x " + height);
        }
        if (components != 1) {
            throw new ImageIOException(file, Problem.UNSUPPORTED, "field (7FE0,0010) PixelData: expected one JPEG"
                    + " 2000 component (grey-scale), found " + components + " (not supported)");
        }
        if (tileWidth < 1 || tileHeight < 1
                || ((width + tileWidth - 1) / tileWidth) * ((height + tileHeight - 1) / tileHeight) > 65_535) {
            throw new ImageIOException(file, Problem.CORRUPT_COMPRESSION, "field (7FE0,0010) PixelData: JPEG 2000"
                    + " tiles of " + tileWidth + " x " + tileHeight + " for a " + width + " x " + height + " image");
        }
    }

    /**
     * Refuses a raw codestream that does not end in the end-of-codestream marker FFD9 (after at most one padding
     * byte): a truncated frame, on which JJ2000 can loop for minutes instead of failing.
     */
    private static void checkComplete(Path file, byte[] d) throws ImageIOException {
        if (d.length < 2 || (d[0] & 0xFF) != 0xFF || (d[1] & 0xFF) != 0x4F) {
            return;
        }
        int last = d.length - 1;
        if (d[last] == 0) {
            last--;
        }
        if (last < 1 || (d[last - 1] & 0xFF) != 0xFF || (d[last] & 0xFF) != 0xD9) {
            throw new ImageIOException(file, Problem.TRUNCATED, "field (7FE0,0010) PixelData: JPEG 2000 codestream of "
                    + d.length + " bytes ends without its end-of-codestream marker FFD9 (truncated)");
        }
    }

    private static long u32(byte[] d, int at) {
        return ((long) (d[at] & 0xFF) << 24) | ((d[at + 1] & 0xFF) << 16) | ((d[at + 2] & 0xFF) << 8)
                | (d[at + 3] & 0xFF);
    }

    private static ImageIOException corrupt(Path file, TransferSyntax ts, Throwable e) {
        return new ImageIOException(file, Problem.CORRUPT_COMPRESSION, "field (7FE0,0010) PixelData: " + ts.name()
                + " (" + ts.uid() + ") frame cannot be decoded (" + e.getClass().getSimpleName()
                + (e.getMessage() != null ? ": " + e.getMessage() : "") + ")", e);
    }
}
