package org.coreg.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;

/**
 * Which fixed voxels each pyramid level samples when the user restricts the registration with a crop box or a mask.
 *
 * <p>Why not the box at every level: a 24 mm box holds one or two voxels of the coarsest level of a 2 mm head (16 mm
 * voxels); Mattes MI of two samples is ln 2 at every pose, so the coarse rigid level and the global search drifted
 * freely (86 degrees) and the finer levels could not come back: the result ended 96-190 mm from the truth. So the box
 * restricts only the levels where it holds at least {@value #MIN_LEVEL_SAMPLES} voxels; coarser levels (the
 * initialisation and the global search among them) see the mask alone, or the whole fixed image, as context. The
 * intensity ranges and the pyramid are always those of the whole images. At full resolution the box and mask must
 * leave at least {@value #MIN_FINEST_SAMPLES} voxels, or the run is refused naming that minimum.
 */
final class SampledRegion {
    /** Fewest box voxels at a level for the box to restrict that level (else the level sees the context). */
    static final int MIN_LEVEL_SAMPLES = 2000;
    /**
     * Fewest voxels the box and mask must leave at full resolution: Mattes MI's 32x32 joint histogram from fewer
     * than about one sample per bin is noise. Measured on the MNI T1 moved by 4-6 degrees and 7 mm
     * (docs/quality.md): boxes of 500 voxels and more ended within 0.5 mm.
     */
    static final int MIN_FINEST_SAMPLES = 500;

    private final List<FixedSampler> samplers;
    private final int contextLevels;
    private final int finestCount;
    private final double extentMm;
    private final double[] centre;
    private final String note;

    private SampledRegion(List<FixedSampler> samplers, int contextLevels, int finestCount, double extentMm,
                          double[] centre, String note) {
        this.samplers = samplers;
        this.contextLevels = contextLevels;
        this.finestCount = finestCount;
        this.extentMm = extentMm;
        this.centre = centre;
        this.note = note;
    }

    /**
     * @param pyramid fixed levels, coarsest first
     * @param name    the fixed image's name, for messages
     * @throws RegistrationException when the box and mask leave fewer than {@value #MIN_FINEST_SAMPLES} voxels at full
     *                               resolution
     */
    static SampledRegion of(List<PyramidLevel> pyramid, Volume mask, RoiBox roi, Workers workers, String name)
            throws RegistrationException {
        int levels = pyramid.size();
        PyramidLevel top = pyramid.get(levels - 1);
        FixedSampler finest = new FixedSampler(top, mask, roi, workers);
        boolean restricted = mask != null || roi != null;
        if (restricted && finest.candidateCount() == 0) {
            throw new RegistrationException("the fixed-image mask and ROI together select no voxel of '" + name
                    + "'; enlarge the ROI or check that the mask lies on the fixed image");
        }
        if (restricted && finest.candidateCount() < MIN_FINEST_SAMPLES) {
            throw new RegistrationException(String.format(Locale.ROOT, "the %s leave%s %d voxel%s of the fixed "
                    + "image '%s' at full resolution; at least %d are needed for the metric to tell poses apart. "
                    + "Enlarge the crop box (%s) or the mask", roi != null && mask != null ? "crop box and mask"
                    : roi != null ? "crop box" : "mask", roi != null && mask != null ? "" : "s",
                    finest.candidateCount(), finest.candidateCount() == 1 ? "" : "s", name, MIN_FINEST_SAMPLES,
                    minimumBoxSide(top.geometry())));
        }
        List<FixedSampler> samplers = new ArrayList<>();
        FixedSampler maskOnly = null;
        FixedSampler whole = null;
        int context = 0;
        for (int l = 0; l < levels; l++) {
            FixedSampler s = l == levels - 1 ? finest : new FixedSampler(pyramid.get(l), mask, roi, workers);
            if (restricted && l < levels - 1 && s.candidateCount() < MIN_LEVEL_SAMPLES) {
                context++;
                FixedSampler m = mask != null && roi != null ? new FixedSampler(pyramid.get(l), mask, null, workers)
                        : null;
                if (m != null && m.candidateCount() >= MIN_LEVEL_SAMPLES) {
                    maskOnly = m;
                    s = m;
                } else {
                    whole = new FixedSampler(pyramid.get(l), null, null, workers);
                    s = whole;
                }
            }
            samplers.add(s);
        }
        // The box around the full-resolution samples, from the candidates' indices (storing every sample's position
        // took 0.7 GB and a second on a 512x512x94 MR).
        double[][] bounds = finest.centreBounds();
        double[] lo = bounds[0];
        double[] hi = bounds[1];
        double[] sp = top.geometry().spacing();
        double extent = Double.MAX_VALUE;
        double[] centre = new double[3];
        for (int d = 0; d < 3; d++) {
            // A voxel centre stands for its whole cell: n voxels along an axis span n spacings.
            extent = Math.min(extent, hi[d] - lo[d] + Math.min(sp[0], Math.min(sp[1], sp[2])));
            centre[d] = (lo[d] + hi[d]) / 2;
        }
        String note = String.format(Locale.ROOT, "the %s holds fewer than %d voxels at the %d coarsest level%s: "
                + "%s used there as context (initialisation and search); the box restricts the finer levels",
                roi != null ? "crop box" : "mask", MIN_LEVEL_SAMPLES, context, context == 1 ? "" : "s",
                maskOnly != null && whole == null ? "the mask alone" : "the whole fixed image");
        return new SampledRegion(List.copyOf(samplers), context, finest.candidateCount(),
                restricted ? extent : Double.NaN, centre, note);
    }

    /** The side of a cube holding the minimum number of voxels at full resolution, as advice. */
    private static String minimumBoxSide(ImageGeometry g) {
        double[] s = g.spacing();
        double side = Math.cbrt(MIN_FINEST_SAMPLES * s[0] * s[1] * s[2]);
        return String.format(Locale.ROOT, "at least about %.0f mm on each side at this image's spacing", side);
    }

    FixedSampler sampler(int level) {
        return samplers.get(level);
    }

    /** Coarse levels that sample the context rather than the box. */
    int contextLevels() {
        return contextLevels;
    }

    int finestCount() {
        return finestCount;
    }

    /** Smallest side of the box around the full-resolution samples, mm; NaN without box or mask. */
    double extentMm() {
        return extentMm;
    }

    /** Centre of the full-resolution samples' bounding box, fixed LPS mm. */
    double[] centre() {
        return centre.clone();
    }

    String note() {
        return note;
    }
}
