package org.coreg.registration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.coreg.image.Volume;
import org.coreg.image.VoxelReadListener;

/**
 * Images made ready for registration ahead of the run (their values checked, intensity limits and pyramid built),
 * found again by the identity of their {@link Volume}: the command line prepares the fixed image while the moving
 * one is still being read and decompressed. An image refused here is not kept; the registration prepares it again
 * and reports the refusal under the role it then has. Thread-safe.
 */
public final class PreparedImages {
    private record Key(Volume volume, int levels) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.volume == volume && k.levels == levels;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(volume) * 31 + levels;
        }
    }

    private final Map<Key, PreparedImage> byKey = new HashMap<>();
    private final List<StreamingConversion> conversions = new ArrayList<>();

    /**
     * A listener to pass to the image reader: it converts the voxels to floats on a thread of its own as they
     * arrive, and the preparation of that volume (here or in the registration) takes them instead of converting again.
     */
    public synchronized VoxelReadListener converting() {
        StreamingConversion c = new StreamingConversion();
        conversions.add(c);
        return c;
    }

    /** The values of {@code v} converted while it was read, or null (none, or {@code v} has a rescale). */
    RealValues.Real converted(Volume v) {
        if (v.metadata().rescaleSlope() != 1 || v.metadata().rescaleIntercept() != 0) {
            return null;
        }
        List<StreamingConversion> all;
        synchronized (this) {
            all = List.copyOf(conversions);
        }
        for (StreamingConversion c : all) {
            RealValues.Real r = c.valuesOf(v.voxels());
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    /**
     * Prepares {@code v} for a pyramid of {@code levels} now, on the calling thread and {@code threads - 1} more
     * (0 = all processors), and keeps it, if the heap has room; a refused image is left for the registration to
     * report.
     */
    public void prepare(Volume v, int levels, int threads) {
        // Preparing early is an optimisation: without room for the float copy and pyramid (about 24 bytes a voxel)
        // beside what is still to be read, the run's own memory check, once both images are in, decides.
        if (!roomFor(24 * v.geometry().voxelCount())) {
            return;
        }
        try (Workers w = new Workers(threads)) {
            PreparedImage p = PreparedImage.of("image", v, converted(v), levels, w);
            synchronized (this) {
                byKey.put(new Key(v, levels), p);
            }
        } catch (RegistrationException e) {
            // Not kept: the run prepares it again and names it by its role.
        }
    }

    /** True when the heap can still take {@code bytes} more. */
    static boolean roomFor(long bytes) {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory()) > bytes;
    }

    /** The image prepared earlier for this very volume and number of levels, or null. */
    synchronized PreparedImage find(Volume v, int levels) {
        return byKey.get(new Key(v, levels));
    }
}
