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
        Raster r;
        ImageReader reader = null;
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            reader = PROVIDER.createReaderInstance(null);
            reader.setInput(in, true, true);
            r = reader.readRaster(0, null);
        } catch (IOException | RuntimeException e) {
            // JJ2000 reports damaged codestreams with unchecked exceptions of its own as well as IOExceptions.
            throw new ImageIOException(file, Problem.CORRUPT_COMPRESSION, "field (7FE0,0010) PixelData: "
                    + ts.name() + " (" + ts.uid() + ") frame cannot be decoded (" + e + ")", e);
        } finally {
            if (reader != null) {
                reader.dispose();
            }
        }
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
}
