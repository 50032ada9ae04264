package org.coreg.io.dicom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.coreg.io.ImageIOException;
import org.coreg.io.RawVoxels;

/**
 * One 2-D image (a single-frame file, or one frame of a multi-frame file) with what is needed to place it in a
 * volume. Positions are LPS millimetres as DICOM states them.
 *
 * @param file            the file it is in
 * @param frame           frame index within the file (0 for single-frame objects)
 * @param pixels          pixel layout of the file
 * @param syntax          transfer syntax of the file
 * @param seriesUid       Series Instance UID
 * @param position        Image Position (Patient): LPS mm of the centre of the first transmitted pixel
 * @param orientation     Image Orientation (Patient): row direction (3) then column direction (3), LPS
 * @param pixelSpacing    Pixel Spacing: {@code {between rows, between columns}} in mm (DICOM order)
 * @param sliceThickness  Slice Thickness in mm, or NaN
 * @param slope           Rescale Slope
 * @param intercept       Rescale Intercept
 * @param instanceNumber  Instance Number (or frame number), or 0
 * @param info            series-level descriptive fields
 */
public record DicomImage(Path file, int frame, PixelFormat pixels, TransferSyntax syntax, String seriesUid,
                         double[] position, double[] orientation, double[] pixelSpacing, double sliceThickness,
                         double slope, double intercept, int instanceNumber, SeriesInfo info) {

    /** Descriptive fields shown when the user picks a series. */
    public record SeriesInfo(String patientName, String patientId, String studyDate, String modality,
                             String description, String seriesNumber) {
    }

    /**
     * The images in a parsed file: one per frame, with per-frame geometry from the functional groups of enhanced
     * multi-frame objects.
     *
     * @throws ImageIOException UNSUPPORTED naming the file and transfer syntax UID when the pixels cannot be
     *                          decoded; BAD_FIELD naming the file and the missing or malformed tag
     */
    public static List<DicomImage> of(DicomFile f) throws ImageIOException {
        DicomDataset ds = f.dataset();
        if (!PixelDecoder.canDecode(f.syntax())) {
            throw PixelDecoder.unsupportedSyntax(f.file(), f.syntax());
        }
        PixelFormat pf = PixelFormat.of(ds);
        TransferSyntax.Codec codec = f.syntax().codec();
        if ((codec == TransferSyntax.Codec.JPEG_BASELINE || codec == TransferSyntax.Codec.JPEG_EXTENDED)
                && pf.bitsStored() > 8) {
            throw ImageIOException.unsupported(f.file(), DicomTags.describe(DicomTags.TRANSFER_SYNTAX_UID),
                    "8-bit samples for " + f.syntax().name() + " (decoded by javax.imageio)", f.syntax().uid()
                            + " with " + pf.bitsStored() + "-bit samples");
        }
        String uid = ds.requireString(DicomTags.SERIES_INSTANCE_UID);
        SeriesInfo info = new SeriesInfo(ds.string(DicomTags.PATIENT_NAME, ""), ds.string(DicomTags.PATIENT_ID, ""),
                ds.string(DicomTags.STUDY_DATE, ""), ds.string(DicomTags.MODALITY, ""),
                ds.string(DicomTags.SERIES_DESCRIPTION, ""), ds.string(DicomTags.SERIES_NUMBER, ""));
        int instance = (int) ds.decimal(DicomTags.INSTANCE_NUMBER, 0);
        DicomDataset shared = ds.firstItem(DicomTags.SHARED_FUNCTIONAL_GROUPS);
        List<DicomDataset> perFrame = ds.items(DicomTags.PER_FRAME_FUNCTIONAL_GROUPS);
        checkFramesFit(f, pf);
        List<DicomImage> out = new ArrayList<>();
        if (shared == null && perFrame.isEmpty()) {
            if (pf.frames() != 1) {
                throw ImageIOException.unsupported(f.file(), DicomTags.describe(DicomTags.NUMBER_OF_FRAMES),
                        "1, or per-frame functional groups (5200,9230) giving each frame's position", pf.frames());
            }
            out.add(new DicomImage(f.file(), 0, pf, f.syntax(), uid,
                    ds.requireDoubles(DicomTags.IMAGE_POSITION_PATIENT, 3),
                    ds.requireDoubles(DicomTags.IMAGE_ORIENTATION_PATIENT, 6),
                    ds.requireDoubles(DicomTags.PIXEL_SPACING, 2),
                    ds.decimal(DicomTags.SLICE_THICKNESS, Double.NaN),
                    ds.decimal(DicomTags.RESCALE_SLOPE, 1), ds.decimal(DicomTags.RESCALE_INTERCEPT, 0), instance,
                    info));
            return out;
        }
        if (perFrame.size() != pf.frames()) {
            throw ImageIOException.badField(f.file(), "(5200,9230) PerFrameFunctionalGroupsSequence",
                    pf.frames() + " items (Number of Frames)", perFrame.size() + " items");
        }
        for (int i = 0; i < pf.frames(); i++) {
            DicomDataset frame = perFrame.get(i);
            int tagPos = DicomTags.IMAGE_POSITION_PATIENT;
            double[] ipp = group(f, frame, shared, DicomTags.PLANE_POSITION_SEQUENCE, tagPos, 3, i);
            double[] iop = group(f, frame, shared, DicomTags.PLANE_ORIENTATION_SEQUENCE,
                    DicomTags.IMAGE_ORIENTATION_PATIENT, 6, i);
            double[] spacing = group(f, frame, shared, DicomTags.PIXEL_MEASURES_SEQUENCE, DicomTags.PIXEL_SPACING, 2,
                    i);
            double[] thickness = optionalGroup(frame, shared, DicomTags.PIXEL_MEASURES_SEQUENCE,
                    DicomTags.SLICE_THICKNESS);
            double[] slope = optionalGroup(frame, shared, DicomTags.PIXEL_VALUE_TRANSFORMATION_SEQUENCE,
                    DicomTags.RESCALE_SLOPE);
            double[] intercept = optionalGroup(frame, shared, DicomTags.PIXEL_VALUE_TRANSFORMATION_SEQUENCE,
                    DicomTags.RESCALE_INTERCEPT);
            out.add(new DicomImage(f.file(), i, pf, f.syntax(), uid, ipp, iop, spacing,
                    thickness != null ? thickness[0] : Double.NaN,
                    slope != null ? slope[0] : ds.decimal(DicomTags.RESCALE_SLOPE, 1),
                    intercept != null ? intercept[0] : ds.decimal(DicomTags.RESCALE_INTERCEPT, 0), i + 1, info));
        }
        return out;
    }

    /**
     * Number of Frames against the bytes present, before anything is sized by it: native frames need their
     * Rows x Columns x Bits Allocated each, encapsulated ones at least an 8-byte item each, and a deflated data set
     * holds at most {@link RawVoxels#MAX_DEFLATE_RATIO} times the file's length.
     */
    static void checkFramesFit(DicomFile f, PixelFormat pf) throws ImageIOException {
        if (pf.frames() == 1) {
            return;
        }
        long available;
        DicomElement px = f.dataset().element(DicomTags.PIXEL_DATA);
        if (px != null && !px.isEncapsulated()) {
            available = px.length();
        } else {
            try {
                available = Files.size(f.file());
            } catch (IOException e) {
                throw new ImageIOException(f.file(), ImageIOException.Problem.IO_FAILURE,
                        "cannot read (" + e.getMessage() + ")", e);
            }
            if (f.syntax().deflated()) {
                available = available > Long.MAX_VALUE / RawVoxels.MAX_DEFLATE_RATIO ? Long.MAX_VALUE
                        : available * RawVoxels.MAX_DEFLATE_RATIO;
            }
        }
        long perFrame = f.syntax().encapsulated() ? 8 : Math.max(1, pf.frameBytes());
        if (pf.frames() > available / perFrame) {
            throw ImageIOException.badField(f.file(), DicomTags.describe(DicomTags.NUMBER_OF_FRAMES),
                    "at most " + available / perFrame + " frames (" + available + " bytes of pixel data, at least "
                            + perFrame + " per frame)", pf.frames());
        }
    }

    /** A value from a functional group macro: the frame's own item first, then the shared one. */
    private static double[] group(DicomFile f, DicomDataset frame, DicomDataset shared, int seq, int tag, int count,
                                  int index) throws ImageIOException {
        for (DicomDataset g : new DicomDataset[] {frame, shared}) {
            DicomDataset item = g == null ? null : g.firstItem(seq);
            if (item != null && item.contains(tag)) {
                return item.requireDoubles(tag, count);
            }
        }
        throw ImageIOException.badField(f.file(), DicomTags.describe(tag) + " of frame " + (index + 1),
                "a value in " + DicomTags.describe(seq) + " (per-frame or shared functional groups)",
                "no such element (missing tag)");
    }

    private static double[] optionalGroup(DicomDataset frame, DicomDataset shared, int seq, int tag)
            throws ImageIOException {
        for (DicomDataset g : new DicomDataset[] {frame, shared}) {
            DicomDataset item = g == null ? null : g.firstItem(seq);
            if (item != null && item.contains(tag)) {
                double[] v = item.doubles(tag);
                if (v != null && v.length > 0) {
                    return v;
                }
            }
        }
        return null;
    }

    /** Unit normal of the image plane (row x column), LPS. */
    public double[] normal() {
        double[] o = orientation;
        return DicomGeometry.normalize(DicomGeometry.cross(new double[] {o[0], o[1], o[2]},
                new double[] {o[3], o[4], o[5]}));
    }

    /** A key that separates images that cannot share a volume: series, size, type, orientation. */
    String stackKey() {
        StringBuilder b = new StringBuilder(seriesUid).append('|').append(pixels.rows()).append('x')
                .append(pixels.columns()).append('|').append(pixels.voxelType());
        for (double v : orientation) {
            b.append('|').append(Math.round(v * 1e3));
        }
        return b.toString();
    }
}
