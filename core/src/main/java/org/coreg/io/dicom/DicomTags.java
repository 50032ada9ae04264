package org.coreg.io.dicom;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The tags Coreg reads, as {@code (group << 16) | element}, with their names for messages. */
public final class DicomTags {
    private DicomTags() {
    }

    public static final int TRANSFER_SYNTAX_UID = 0x00020010;
    public static final int SOP_CLASS_UID = 0x00080016;
    public static final int STUDY_DATE = 0x00080020;
    public static final int MODALITY = 0x00080060;
    public static final int SERIES_DESCRIPTION = 0x0008103E;
    public static final int PATIENT_NAME = 0x00100010;
    public static final int PATIENT_ID = 0x00100020;
    public static final int SLICE_THICKNESS = 0x00180050;
    public static final int STUDY_INSTANCE_UID = 0x0020000D;
    public static final int SERIES_INSTANCE_UID = 0x0020000E;
    public static final int SERIES_NUMBER = 0x00200011;
    public static final int INSTANCE_NUMBER = 0x00200013;
    public static final int IMAGE_POSITION_PATIENT = 0x00200032;
    public static final int IMAGE_ORIENTATION_PATIENT = 0x00200037;
    public static final int SAMPLES_PER_PIXEL = 0x00280002;
    public static final int PHOTOMETRIC_INTERPRETATION = 0x00280004;
    public static final int NUMBER_OF_FRAMES = 0x00280008;
    public static final int ROWS = 0x00280010;
    public static final int COLUMNS = 0x00280011;
    public static final int PIXEL_SPACING = 0x00280030;
    public static final int BITS_ALLOCATED = 0x00280100;
    public static final int BITS_STORED = 0x00280101;
    public static final int HIGH_BIT = 0x00280102;
    public static final int PIXEL_REPRESENTATION = 0x00280103;
    public static final int RESCALE_INTERCEPT = 0x00281052;
    public static final int RESCALE_SLOPE = 0x00281053;
    public static final int PIXEL_DATA = 0x7FE00010;
    public static final int FLOAT_PIXEL_DATA = 0x7FE00008;
    public static final int DOUBLE_PIXEL_DATA = 0x7FE00009;

    // Enhanced multi-frame functional groups.
    public static final int SHARED_FUNCTIONAL_GROUPS = 0x52009229;
    public static final int PER_FRAME_FUNCTIONAL_GROUPS = 0x52009230;
    public static final int PLANE_POSITION_SEQUENCE = 0x00209113;
    public static final int PLANE_ORIENTATION_SEQUENCE = 0x00209116;
    public static final int PIXEL_MEASURES_SEQUENCE = 0x00289110;
    public static final int PIXEL_VALUE_TRANSFORMATION_SEQUENCE = 0x00289145;
    public static final int FRAME_CONTENT_SEQUENCE = 0x00209111;

    // Delimiters (always implicit-VR style: tag + 4-byte length).
    public static final int ITEM = 0xFFFEE000;
    public static final int ITEM_DELIMITATION = 0xFFFEE00D;
    public static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(TRANSFER_SYNTAX_UID, "TransferSyntaxUID"), Map.entry(SOP_CLASS_UID, "SOPClassUID"),
            Map.entry(MODALITY, "Modality"), Map.entry(SERIES_INSTANCE_UID, "SeriesInstanceUID"),
            Map.entry(IMAGE_POSITION_PATIENT, "ImagePositionPatient"),
            Map.entry(IMAGE_ORIENTATION_PATIENT, "ImageOrientationPatient"),
            Map.entry(SAMPLES_PER_PIXEL, "SamplesPerPixel"),
            Map.entry(PHOTOMETRIC_INTERPRETATION, "PhotometricInterpretation"),
            Map.entry(NUMBER_OF_FRAMES, "NumberOfFrames"), Map.entry(ROWS, "Rows"), Map.entry(COLUMNS, "Columns"),
            Map.entry(PIXEL_SPACING, "PixelSpacing"), Map.entry(BITS_ALLOCATED, "BitsAllocated"),
            Map.entry(BITS_STORED, "BitsStored"), Map.entry(PIXEL_REPRESENTATION, "PixelRepresentation"),
            Map.entry(RESCALE_INTERCEPT, "RescaleIntercept"), Map.entry(RESCALE_SLOPE, "RescaleSlope"),
            Map.entry(PIXEL_DATA, "PixelData"), Map.entry(SLICE_THICKNESS, "SliceThickness"),
            Map.entry(INSTANCE_NUMBER, "InstanceNumber"));

    /**
     * Sequences Coreg descends into whose VR an implicit-VR file does not state. An implicit-VR element of
     * undefined length is always parsed as a sequence.
     */
    static final Set<Integer> KNOWN_SEQUENCES = Set.of(SHARED_FUNCTIONAL_GROUPS, PER_FRAME_FUNCTIONAL_GROUPS,
            PLANE_POSITION_SEQUENCE, PLANE_ORIENTATION_SEQUENCE, PIXEL_MEASURES_SEQUENCE,
            PIXEL_VALUE_TRANSFORMATION_SEQUENCE, FRAME_CONTENT_SEQUENCE);

    /** {@code (gggg,eeee) Name}, e.g. {@code (0020,0032) ImagePositionPatient}. */
    public static String describe(int tag) {
        String hex = String.format(Locale.ROOT, "(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
        String name = NAMES.get(tag);
        return name == null ? hex : hex + " " + name;
    }
}
