package org.coreg.io.dicom;

import com.github.jaiimageio.jpeg2000.J2KImageWriteParam;
import com.github.jaiimageio.jpeg2000.impl.J2KImageWriterSpi;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * JPEG 2000 codestreams for tests and benchmarks, made with jai-imageio's JJ2000 encoder (the library the reader
 * uses, an independent implementation of the encoding side): grey-scale, up to 16-bit unsigned or signed samples.
 * Beware: JJ2000's encoder writes one wrong sample in a 20 x 24 test frame (OpenJPEG, through dcm2niix, decodes
 * the same value as the reader), so tests keep to the frame sizes they check.
 */
public final class Jpeg2000TestEncoder {
    private Jpeg2000TestEncoder() {
    }

    /**
     * A raw codestream (no JP2 boxes, as DICOM stores it) of {@code samples} (row by row).
     *
     * @param bits         significant bits of the samples (the codestream's bit depth)
     * @param bitsPerPixel target rate for lossy coding, or 0 for lossless (reversible 5/3 wavelet)
     */
    public static byte[] encode(int[] samples, int width, int height, int bits, boolean signed, double bitsPerPixel) {
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), new int[] {bits},
                false, false, Transparency.OPAQUE, signed ? DataBuffer.TYPE_SHORT : DataBuffer.TYPE_USHORT);
        WritableRaster r = cm.createCompatibleWritableRaster(width, height);
        r.setSamples(0, 0, width, height, 0, samples);
        BufferedImage img = new BufferedImage(cm, r, false, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream s = new MemoryCacheImageOutputStream(out)) {
            ImageWriter w = new J2KImageWriterSpi().createWriterInstance(null);
            J2KImageWriteParam p = (J2KImageWriteParam) w.getDefaultWriteParam();
            p.setWriteCodeStreamOnly(true);
            if (bitsPerPixel > 0) {
                p.setLossless(false);
                p.setFilter(J2KImageWriteParam.FILTER_97);
                p.setEncodingRate(bitsPerPixel);
            } else {
                p.setLossless(true);
                p.setFilter(J2KImageWriteParam.FILTER_53);
            }
            w.setOutput(s);
            w.write(null, new IIOImage(img, null, null), p);
            w.dispose();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
