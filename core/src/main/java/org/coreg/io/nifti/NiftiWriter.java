package org.coreg.io.nifti;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.coreg.image.ImageGeometry;
import org.coreg.image.ImageMetadata;
import org.coreg.image.Volume;
import org.coreg.io.AtomicOutput;
import org.coreg.io.ImageIOException;
import org.coreg.io.OutputFailure;
import org.coreg.io.ImageWriter;
import org.coreg.io.RawVoxels;

/**
 * Writes a {@link Volume} as NIfTI: {@code .nii}, {@code .nii.gz}, or a {@code .hdr}/{@code .img} pair (named by
 * either half; {@code .img.gz} compresses the data half). The header sets both the qform and the sform (codes 1,
 * scanner) to the volume's geometry, converted LPS to RAS, and pixdim to its spacing in mm; scl_slope/scl_inter
 * carry the metadata's rescale. Atomic: a failure leaves no file behind.
 */
public final class NiftiWriter implements ImageWriter {
    /** Deflate level for .gz output: 1-3 use zlib's fast strategy, several times quicker than gzip's 6. */
    static final int GZIP_LEVEL = 3;
    private static final int XFORM_SCANNER = 1;
    private static final int UNITS_MM = 2;

    private final NiftiVersion version;
    private final ByteOrder order;

    /** NIfTI-1, little-endian: what every NIfTI reader accepts. */
    public NiftiWriter() {
        this(NiftiVersion.NIFTI1, ByteOrder.LITTLE_ENDIAN);
    }

    /** A chosen header version (NIfTI-2 keeps geometry in double precision) and byte order. */
    public NiftiWriter(NiftiVersion version, ByteOrder order) {
        this.version = version;
        this.order = order;
    }

    @Override
    public void write(Volume volume, Path file) throws ImageIOException {
        boolean pair = NiftiFiles.isPairName(file);
        NiftiHeader header = header(volume, pair);
        if (version == NiftiVersion.NIFTI1) {
            checkFitsNifti1(volume.geometry(), file);
        }
        try (AtomicOutput out = new AtomicOutput()) {
            byte[] headerBytes = NiftiHeaderCodec.encode(header);
            if (pair) {
                String stem = NiftiFiles.stem(file);
                boolean gzData = NiftiFiles.lower(file).endsWith(".img.gz");
                Path img = NiftiFiles.sibling(file, stem + (gzData ? ".img.gz" : ".img"));
                try (OutputStream data = maybeGzip(out.open(img), gzData)) {
                    RawVoxels.write(data, volume.voxels(), order);
                }
                try (OutputStream hdr = out.open(NiftiFiles.sibling(file, stem + ".hdr"))) {
                    hdr.write(headerBytes);
                }
            } else {
                try (OutputStream s = maybeGzip(out.open(file), NiftiFiles.isGzipName(file))) {
                    s.write(headerBytes);
                    s.write(new byte[4]); // extension flags: none
                    RawVoxels.write(s, volume.voxels(), order);
                }
            }
            out.commit();
        } catch (ImageIOException e) {
            throw e;
        } catch (IOException e) {
            throw new ImageIOException(file, ImageIOException.Problem.IO_FAILURE,
                    "could not write (" + OutputFailure.reasonOf(e) + ")", e);
        }
    }

    private NiftiHeader header(Volume v, boolean pair) {
        ImageGeometry g = v.geometry();
        NiftiGeometry.Fields f = NiftiGeometry.encode(g);
        long[] dim = {3, g.size(0), g.size(1), g.size(2), 1, 1, 1, 1};
        double[] pixdim = {f.qfac(), f.spacing()[0], f.spacing()[1], f.spacing()[2], 0, 0, 0, 0};
        NiftiDataType type = NiftiDataType.of(v.type());
        ImageMetadata m = v.metadata();
        return new NiftiHeader(version, order, !pair, dim, type.code(), type.bitsPerVoxel(), pixdim,
                pair ? 0 : version.singleFileVoxelOffset(), m.rescaleSlope(), m.rescaleIntercept(), UNITS_MM,
                XFORM_SCANNER, XFORM_SCANNER, f.quatern(), f.qoffset(), f.srow(), ascii(m.name()));
    }

    private static void checkFitsNifti1(ImageGeometry g, Path file) throws ImageIOException {
        for (int d = 0; d < 3; d++) {
            if (g.size(d) > Short.MAX_VALUE) {
                throw ImageIOException.unsupported(file, "dim[" + (d + 1) + "]",
                        "at most 32767 voxels in NIfTI-1 (write NIfTI-2)", g.size(d));
            }
        }
    }

    private static String ascii(String s) {
        return s.replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static OutputStream maybeGzip(OutputStream raw, boolean gzip) throws IOException {
        return gzip ? new FastGzipOutputStream(raw) : raw;
    }

    /** gzip with {@link #GZIP_LEVEL} and a 1 MiB deflate buffer. */
    private static final class FastGzipOutputStream extends GZIPOutputStream {
        FastGzipOutputStream(OutputStream out) throws IOException {
            super(out, 1 << 20);
            def.setLevel(GZIP_LEVEL);
        }
    }
}
