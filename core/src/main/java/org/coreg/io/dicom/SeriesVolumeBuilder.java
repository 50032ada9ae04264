package org.coreg.io.dicom;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.coreg.image.ImageGeometry;
import org.coreg.image.ImageMetadata;
import org.coreg.image.Modality;
import org.coreg.image.Volume;
import org.coreg.image.VoxelData;
import org.coreg.image.VoxelType;
import org.coreg.io.ImageIOException;
import org.coreg.io.ImageIOException.Problem;

/**
 * Builds a {@link Volume} from a series: sorts the slices along the normal, checks spacing and tilt, decodes the
 * pixels and sets the geometry in LPS: index i runs along the row direction (columns of the image, spacing Pixel
 * Spacing[1]), j along the column direction (rows, Pixel Spacing[0]), k along {@code row x column}; the origin is
 * the Image Position (Patient) of the first slice.
 */
public final class SeriesVolumeBuilder {
    private SeriesVolumeBuilder() {
    }

    /**
     * @param name   volume name for the metadata
     * @param source file or folder named in the metadata
     * @throws ImageIOException naming the file and tag for inconsistent series, uneven spacing or tilt (unless the
     *                          options allow resampling), and for any file whose pixels cannot be decoded
     */
    public static Volume build(DicomSeries series, DicomReadOptions options, String name, Path source)
            throws ImageIOException {
        SliceStack stack = SliceStack.of(series);
        DicomImage first = stack.images().getFirst();
        boolean tilted = stack.isTilted();
        int worst = stack.worstGap();
        if (tilted && !options.correctTilt()) {
            throw ImageIOException.unsupported(stack.images().getLast().file(),
                    DicomTags.describe(DicomTags.IMAGE_POSITION_PATIENT), "slices stacked along the normal of "
                            + DicomTags.describe(DicomTags.IMAGE_ORIENTATION_PATIENT),
                    String.format(Locale.ROOT, "a gantry tilt of %.3f degrees (positions drift across the slice"
                            + " plane); ask for tilt correction (coreg: --dicom-correct-tilt) to resample",
                            stack.tiltDegrees()));
        }
        if (worst >= 0 && !options.resampleUneven()) {
            DicomImage a = stack.images().get(worst);
            DicomImage b = stack.images().get(worst + 1);
            throw ImageIOException.badField(b.file(), DicomTags.describe(DicomTags.IMAGE_POSITION_PATIENT),
                    String.format(Locale.ROOT, "uniform slice spacing of %.4f mm (the most common gap)", stack.typicalSpacing()),
                    String.format(Locale.ROOT, "a gap of %.4f mm between %s (%.4f mm along the normal) and %s"
                                    + " (%.4f mm); %d of %d gaps differ (missing slices?); ask for resampling"
                                    + " (coreg: --dicom-resample) to load"
                                    + " it onto a uniform grid", stack.z(worst + 1) - stack.z(worst), a.file(),
                            stack.z(worst), b.file(), stack.z(worst + 1), stack.irregularGapCount(),
                            stack.size() - 1));
        }
        checkPixelDataFits(stack);
        VoxelData stored = decodeAll(stack);
        double slope = first.slope();
        double intercept = first.intercept();
        boolean sameRescale = stack.images().stream()
                .allMatch(i -> i.slope() == first.slope() && i.intercept() == first.intercept());
        if (!sameRescale || slope == 0 || !Double.isFinite(slope) || !Double.isFinite(intercept)) {
            stored = realValues(stack, stored);
            slope = 1;
            intercept = 0;
        }
        double[] spacing = {first.pixelSpacing()[1], first.pixelSpacing()[0], stack.typicalSpacing()};
        double[] row = stack.row();
        double[] col = stack.column();
        double[] n = stack.normal();
        double[] direction = {row[0], col[0], n[0], row[1], col[1], n[1], row[2], col[2], n[2]};
        int[] size = {first.pixels().columns(), first.pixels().rows(), stack.size()};
        if (tilted || worst >= 0) {
            StackResampler.Result r = StackResampler.resample(stack, stored, worst >= 0 ? stack.minSpacing()
                    : stack.typicalSpacing());
            stored = r.voxels();
            size[2] = r.slices();
            spacing[2] = r.spacing();
        }
        ImageGeometry g = ImageGeometry.of(size, spacing, first.position(), direction);
        ImageMetadata meta = new ImageMetadata(name, source, "DICOM", modality(first.info().modality()), slope,
                intercept);
        return new Volume(stored, g, meta);
    }

    static Modality modality(String m) {
        return switch (m) {
            case "CT" -> Modality.CT;
            case "MR" -> Modality.MR;
            case "PT" -> Modality.PT;
            case "US" -> Modality.US;
            case "" -> Modality.UNKNOWN;
            default -> Modality.OTHER;
        };
    }

    /**
     * Refuses, before allocating the volume, any file too small to hold the pixels its header promises (native
     * data needs every byte; no supported codec compresses beyond 1:256), so a damaged Rows/Columns value cannot
     * make the reader allocate gigabytes.
     */
    static void checkPixelDataFits(SliceStack stack) throws ImageIOException {
        Map<Path, DicomImage> files = new LinkedHashMap<>();
        for (DicomImage img : stack.images()) {
            files.putIfAbsent(img.file(), img);
        }
        for (DicomImage img : files.values()) {
            long size;
            try {
                size = java.nio.file.Files.size(img.file());
            } catch (java.io.IOException e) {
                throw new ImageIOException(img.file(), Problem.IO_FAILURE, "cannot read (" + e.getMessage() + ")",
                        e);
            }
            PixelFormat pf = img.pixels();
            long need = pf.frameBytes() * pf.frames();
            long limit = img.syntax().encapsulated() || img.syntax().deflated() ? 256 * size : size;
            if (need > limit) {
                throw new ImageIOException(img.file(), Problem.TRUNCATED, "field "
                        + DicomTags.describe(DicomTags.PIXEL_DATA) + ": expected " + need + " bytes of pixels ("
                        + pf.frames() + " frame(s) of " + pf.columns() + " x " + pf.rows() + " x "
                        + pf.bitsAllocated() + " bits), found a file of " + size + " bytes");
            }
        }
    }

    /** Decodes every slice into one array (slice k at offset k * rows * columns), one file per task. */
    static VoxelData decodeAll(SliceStack stack) throws ImageIOException {
        DicomImage first = stack.images().getFirst();
        PixelFormat pf = first.pixels();
        long count = (long) pf.pixelsPerFrame() * stack.size();
        VoxelData out;
        try {
            out = VoxelData.allocate(pf.voxelType(), count);
        } catch (IllegalArgumentException | OutOfMemoryError e) {
            throw new ImageIOException(first.file(), Problem.TOO_LARGE, "a series of " + stack.size() + " images of "
                    + pf.columns() + " x " + pf.rows() + " (" + count + " voxels) does not fit in memory");
        }
        Map<Path, List<int[]>> byFile = new LinkedHashMap<>();
        for (int k = 0; k < stack.size(); k++) {
            DicomImage img = stack.images().get(k);
            byFile.computeIfAbsent(img.file(), p -> new ArrayList<>()).add(new int[] {img.frame(), k});
        }
        AtomicReference<ImageIOException> failure = new AtomicReference<>();
        final VoxelData target = out;
        byFile.entrySet().parallelStream().forEach(e -> {
            if (failure.get() != null) {
                return;
            }
            try {
                DicomFile f = DicomParser.read(e.getKey());
                PixelFormat filePf = PixelFormat.of(f.dataset());
                if (!filePf.sameLayout(pf)) {
                    throw ImageIOException.badField(e.getKey(), "Rows/Columns/Bits",
                            pf.columns() + " x " + pf.rows(), filePf.columns() + " x " + filePf.rows());
                }
                for (int[] slot : e.getValue()) {
                    PixelDecoder.decodeFrame(f, filePf, slot[0], target, slot[1] * pf.pixelsPerFrame());
                }
            } catch (ImageIOException ex) {
                failure.compareAndSet(null, ex);
            } catch (OutOfMemoryError ex) {
                failure.compareAndSet(null, new ImageIOException(e.getKey(), Problem.TOO_LARGE,
                        "out of memory while decoding"));
            }
        });
        if (failure.get() != null) {
            throw failure.get();
        }
        return out;
    }

    /** Real values (each slice's own slope and intercept applied) as float32. */
    private static VoxelData realValues(SliceStack stack, VoxelData stored) {
        VoxelData f = VoxelData.allocate(VoxelType.FLOAT32, stored.length());
        int per = stack.images().getFirst().pixels().pixelsPerFrame();
        for (int k = 0; k < stack.size(); k++) {
            DicomImage img = stack.images().get(k);
            double s = img.slope() == 0 || !Double.isFinite(img.slope()) ? 1 : img.slope();
            double o = Double.isFinite(img.intercept()) ? img.intercept() : 0;
            for (int i = k * per; i < (k + 1) * per; i++) {
                f.set(i, stored.get(i) * s + o);
            }
        }
        return f;
    }
}
