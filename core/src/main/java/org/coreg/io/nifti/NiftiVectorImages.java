package org.coreg.io.nifti;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.coreg.image.ImageGeometry;
import org.coreg.image.VoxelData;
import org.coreg.image.VoxelType;
import org.coreg.io.AtomicOutput;
import org.coreg.io.ImageIOException;
import org.coreg.io.RawVoxels;
import org.coreg.io.VectorVolume;

/**
 * Reads and writes three-component vector images as single-file NIfTI ({@code .nii}, {@code .nii.gz}), the layout
 * ITK and ANTs use for displacement fields: {@code dim[0] = 5}, {@code dim[4] = 1}, {@code dim[5] = 3},
 * {@code intent_code} 1007 (NIFTI_INTENT_VECTOR; 1006, NIFTI_INTENT_DISPVECT, is read too), float32 or float64;
 * the components are stored as the fifth dimension (all x, then all y, then all z). The grid is placed exactly as
 * {@link NiftiReader} places a scalar image (RAS in the header, LPS in Coreg). The vector values are passed
 * through unchanged: ITK stores displacement vectors in its own LPS frame, not in RAS. The scalar
 * {@link NiftiReader} keeps refusing these files ({@code dim[5]} must be 1 there).
 */
public final class NiftiVectorImages {
    /** NIFTI_INTENT_VECTOR. */
    public static final int INTENT_VECTOR = 1007;
    /** NIFTI_INTENT_DISPVECT. */
    public static final int INTENT_DISPVECT = 1006;

    private NiftiVectorImages() {
    }

    /** True when {@code file} starts with a NIfTI header (gzip or not). */
    public static boolean isNifti(Path file) {
        try (InputStream in = NiftiFiles.open(file)) {
            return NiftiHeaderCodec.looksLikeNifti(in.readNBytes(NiftiVersion.NIFTI2.headerSize()));
        } catch (IOException e) {
            return false;
        }
    }

    /** True when {@code file} is a NIfTI file whose header says three components (dim[0] = 5, dim[5] = 3). */
    public static boolean isVectorImage(Path file) {
        try (InputStream in = NiftiFiles.open(file)) {
            byte[] bytes = NiftiReader.readHeaderBytes(in, file);
            long[] dim = NiftiHeaderCodec.decode(bytes, NiftiHeaderCodec.detect(bytes), file).dim();
            return dim[0] == 5 && dim[5] == 3;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Reads a vector image.
     *
     * @throws ImageIOException naming the file and the field (intent_code, dim[0], dim[5], datatype, ...) when it is
     *                          not a single-file, three-component float vector image
     */
    public static VectorVolume read(Path file) throws ImageIOException {
        if (NiftiFiles.isPairName(file)) {
            throw ImageIOException.unsupported(file, "(file name)", "a single .nii or .nii.gz file for a vector "
                    + "image", file.getFileName());
        }
        try (InputStream in = NiftiReader.openOrFail(file)) {
            byte[] bytes = NiftiReader.readHeaderBytes(in, file);
            NiftiHeaderCodec.Layout layout = NiftiHeaderCodec.detect(bytes);
            NiftiHeader h = NiftiHeaderCodec.decode(bytes, layout, file);
            int intent = NiftiHeaderCodec.intentCode(bytes, layout);
            long[] dim = h.dim();
            if (dim[0] != 5 || dim[5] != 3) {
                throw ImageIOException.badField(file, "dim[0]/dim[5]", "a vector image (dim[0] = 5, dim[5] = 3 "
                        + "components)", "dim[0] = " + dim[0] + (dim[0] >= 5 ? ", dim[5] = " + dim[5] : ""));
            }
            if (intent != INTENT_VECTOR && intent != INTENT_DISPVECT) {
                throw ImageIOException.badField(file, "intent_code", INTENT_VECTOR + " (NIFTI_INTENT_VECTOR) or "
                        + INTENT_DISPVECT + " (NIFTI_INTENT_DISPVECT)", intent);
            }
            if (dim[4] != 1) {
                throw ImageIOException.unsupported(file, "dim[4]", "1 (one time point)", dim[4]);
            }
            // The spatial part is an ordinary 3-D header: check and place it with the scalar reader's code.
            long[] spatial = {3, dim[1], dim[2], dim[3], 1, 1, 1, 1};
            NiftiHeader h3 = new NiftiHeader(h.version(), h.order(), h.singleFile(), spatial, h.datatype(),
                    h.bitpix(), h.pixdim(), h.voxOffset(), h.sclSlope(), h.sclInter(), h.xyztUnits(), h.qformCode(),
                    h.sformCode(), h.quatern(), h.qoffset(), h.srow(), h.descrip());
            NiftiHeaderCheck.Grid grid = NiftiHeaderCheck.check(h3, file);
            VoxelType type = grid.type().voxelType();
            if (type != VoxelType.FLOAT32 && type != VoxelType.FLOAT64) {
                throw ImageIOException.unsupported(file, "datatype", "16 (float32) or 64 (float64) for vectors",
                        h.datatype());
            }
            ImageGeometry g = NiftiGeometry.resolve(h3, grid, file).geometry();
            long count = 3 * grid.voxelCount();
            NiftiHeaderCheck.Grid all = new NiftiHeaderCheck.Grid(grid.size(), grid.type(), grid.spacing(), count);
            NiftiReader.checkPlainLength(file, h, all);
            VoxelData v = RawVoxels.allocate(file, type, count, NiftiHeaderCheck.dimText(dim));
            NiftiReader.skip(in, h.voxOffset() - h.version().headerSize(), file, h);
            RawVoxels.read(in, v, h.order(), file);
            NiftiReader.finishGzip(in, file);
            double[] c = new double[(int) count];
            for (int i = 0; i < c.length; i++) {
                c[i] = v.get(i);
            }
            return new VectorVolume(g, type, c, h.descrip());
        } catch (IOException e) {
            throw NiftiReader.asImageIo(e, file);
        }
    }

    /**
     * Writes a vector image as NIfTI-2 (ITK 5 reads it), little-endian, qform and sform (scanner) from its grid;
     * atomic.
     */
    public static void write(VectorVolume image, Path file) throws ImageIOException {
        if (NiftiFiles.isPairName(file)) {
            throw ImageIOException.unsupported(file, "(file name)", "a .nii or .nii.gz name for a vector image",
                    file.getFileName());
        }
        ImageGeometry g = image.grid();
        NiftiGeometry.Fields f = NiftiGeometry.encode(g);
        NiftiDataType type = NiftiDataType.of(image.storedType());
        // NIfTI-2 keeps the geometry in double precision, so a field's grid round-trips exactly.
        NiftiVersion v = NiftiVersion.NIFTI2;
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        NiftiHeader h = new NiftiHeader(v, order, true, new long[] {5, g.size(0), g.size(1), g.size(2), 1, 3, 1, 1},
                type.code(), type.bitsPerVoxel(), new double[] {f.qfac(), f.spacing()[0], f.spacing()[1],
                    f.spacing()[2], 0, 0, 0, 0}, v.singleFileVoxelOffset(), 0, 0, 2, 1, 1, f.quatern(), f.qoffset(),
                f.srow(), image.description());
        byte[] bytes = NiftiHeaderCodec.encode(h);
        NiftiHeaderCodec.putIntent(bytes, v, order, INTENT_VECTOR, "");
        double[] c = image.components();
        VoxelData data = VoxelData.allocate(image.storedType(), c.length);
        for (int i = 0; i < c.length; i++) {
            data.set(i, c[i]);
        }
        try (AtomicOutput out = new AtomicOutput()) {
            try (OutputStream s = gzipIf(out.open(file), NiftiFiles.isGzipName(file))) {
                s.write(bytes);
                s.write(new byte[4]); // extension flags: none
                RawVoxels.write(s, data, order);
            }
            out.commit();
        } catch (ImageIOException e) {
            throw e;
        } catch (IOException e) {
            throw new ImageIOException(file, ImageIOException.Problem.IO_FAILURE,
                    "could not write (" + e.getMessage() + ")", e);
        }
    }

    private static OutputStream gzipIf(OutputStream raw, boolean gzip) throws IOException {
        return gzip ? new GZIPOutputStream(raw, 1 << 16) : raw;
    }
}
