package org.coreg.registration;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.coreg.image.VoxelData;
import org.coreg.image.VoxelReadListener;
import org.coreg.image.VoxelType;

/**
 * Converts a volume's stored values to floats on a thread of its own while the reader is still filling them in
 * (decompressing a 512x512x408 CT takes over a second, during which the second core had nothing to do), a
 * {@link RealValues#CHUNK} at a time, taking each chunk's range as {@link RealValues#scan} does. The values are the
 * stored ones (slope 1, intercept 0): an image with a rescale is converted again by the registration. Only the types
 * {@link RealValues} converts directly are taken; others are left to the registration.
 */
final class StreamingConversion implements VoxelReadListener {
    /** A converter that hears nothing for this long gives up (the read failed or stopped). */
    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(30);

    private volatile VoxelData voxels;
    private volatile int ready;
    private volatile Thread worker;
    private volatile RealValues.Real result;

    @Override
    public void allocated(VoxelData v) {
        VoxelType t = v.type();
        if (t != VoxelType.INT16 && t != VoxelType.UINT8 && t != VoxelType.UINT16 && t != VoxelType.FLOAT32) {
            return;
        }
        if (!PreparedImages.roomFor(8L * v.length())) {
            return; // no room to spare before the run's memory check: the registration converts in its turn
        }
        voxels = v;
        ready = 0;
        Thread w = Thread.ofPlatform().daemon().name("coreg-convert").unstarted(() -> convert(v));
        worker = w;
        w.start();
    }

    @Override
    public void ready(int count) {
        ready = count;
        Thread w = worker;
        if (w != null) {
            LockSupport.unpark(w);
        }
    }

    private void convert(VoxelData v) {
        try {
            result = converted(v);
        } catch (OutOfMemoryError e) {
            result = null; // the registration converts in its turn, after the run's memory check
        }
    }

    private RealValues.Real converted(VoxelData v) {
        int n = v.length();
        float[] f = new float[n];
        int chunks = (n + RealValues.CHUNK - 1) / RealValues.CHUNK;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        long lastProgress = System.nanoTime();
        for (int c = 0; c < chunks; c++) {
            int from = c * RealValues.CHUNK;
            int to = Math.min(n, from + RealValues.CHUNK);
            while (ready < to) {
                if (voxels != v || System.nanoTime() - lastProgress > GIVE_UP_NANOS) {
                    return null;
                }
                LockSupport.parkNanos(this, 1_000_000);
            }
            lastProgress = System.nanoTime();
            float[] range = RealValues.convertChunk(v.type(), v.array(), 1, 0, f, from, to);
            min = Math.min(min, range[0]);
            max = Math.max(max, range[1]);
        }
        return new RealValues.Real(f, min, max);
    }

    /**
     * The converted values of {@code v}, waiting for the conversion to end, or null when this converter did not take
     * {@code v} (another store, a type it leaves, or it gave up).
     */
    RealValues.Real valuesOf(VoxelData v) {
        Thread w = worker;
        if (voxels != v || w == null) {
            return null;
        }
        try {
            w.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        return result;
    }
}
