package org.coreg.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;
import org.coreg.registration.OptimizerKind;
import org.coreg.registration.RegistrationSettings;
import org.coreg.registration.deformable.BSplineOptimizer;
import org.coreg.registration.deformable.BSplineSettings;

/**
 * An estimate of the heap a job needs beyond the images it has read, checked against the heap it has before the job
 * starts: a job that cannot fit is refused at once with the need, the heap and how to raise it, instead of failing
 * with an OutOfMemoryError minutes later.
 *
 * <p>The estimate, in bytes (upper bounds of what the engine allocates; see docs/architecture.md, "Memory"):
 * <ul>
 * <li>each image prepared for registration: a float copy, its Gaussian pyramid (1 + 1/8 + 1/64 ... of it) and the
 * intensity statistics: 16 per voxel;</li>
 * <li>the fixed-image sampler's voxel mask: 4 per fixed voxel; per sample: 112 (points, values, derivatives);</li>
 * <li>B-spline stage: 400 per control point (three coefficients in a few tens of optimiser arrays); with L-BFGS,
 * which sees every voxel, 2,000 per fixed voxel (measured: 1.7 GB for 91 x 109 x 91);</li>
 * <li>a resampled image or Jacobian map: 12 per fixed voxel (the result and a float copy on the way out).</li>
 * </ul>
 * The heap available is the JVM's maximum heap less the images already read and 16 MiB for everything else.
 */
final class MemoryBudget {
    private static final long MIB = 1 << 20;
    private static final long RESERVE = 16 * MIB;

    private final List<String> parts = new ArrayList<>();
    private long need;

    private MemoryBudget() {
    }

    /** The estimate for {@code coreg register} (B-spline settings null for a linear-only run). */
    static MemoryBudget register(Volume fixed, Volume moving, RegistrationSettings s, BSplineSettings b,
                                 boolean image, boolean jacobian) {
        MemoryBudget m = new MemoryBudget();
        long nf = fixed.geometry().voxelCount();
        long nm = moving.geometry().voxelCount();
        m.add("image pyramids", 16 * (nf + nm));
        long samples = s.optimizer() == OptimizerKind.REGULAR_STEP ? Math.max(200_000, s.samples()) : s.samples();
        m.add("samples", 4 * nf + 112 * Math.min(samples, nf));
        if (b != null) {
            long points = OptionBounds.controlPoints(b.gridSpacingMm(), fixed.geometry());
            m.add("B-spline grid", 400 * points);
            if (b.optimizer() == BSplineOptimizer.LBFGS) {
                m.add("L-BFGS over every voxel", 2000 * nf);
            } else {
                m.add("B-spline samples", 112L * (b.samples() == 0 ? nf : Math.min(b.samples(), nf)));
            }
        }
        if (image) {
            m.add("resampled image", 12 * nf);
        }
        if (jacobian) {
            m.add("Jacobian map", 12 * nf);
        }
        return m;
    }

    /** The estimate for resampling onto {@code grid} (a B-spline interpolator keeps a double copy of the moving image). */
    static MemoryBudget resample(Volume moving, ImageGeometry grid, boolean bspline) {
        MemoryBudget m = new MemoryBudget();
        m.add("resampled image", 12 * grid.voxelCount());
        if (bspline) {
            m.add("B-spline coefficients", 8 * moving.geometry().voxelCount());
        }
        return m;
    }

    private void add(String what, long bytes) {
        need += bytes;
        parts.add(String.format(Locale.ROOT, "%s %d MiB", what, Math.ceil(bytes / (double) MIB) > 0
                ? (long) Math.ceil(bytes / (double) MIB) : 0));
    }

    /** Bytes this job needs beyond its inputs. */
    long need() {
        return need;
    }

    /**
     * Refuses the job when its need exceeds the heap left beside {@code inputs}.
     *
     * @throws IllegalArgumentException naming the need, its parts, the heap, and how to raise it
     */
    void check(String command, Volume... inputs) {
        check(command, Runtime.getRuntime().maxMemory(), inputs);
    }

    void check(String command, long maxHeap, Volume... inputs) {
        long held = 0;
        for (Volume v : inputs) {
            if (v != null) {
                held += v.geometry().voxelCount() * v.type().bytes();
            }
        }
        long available = maxHeap - held - RESERVE;
        if (need <= available) {
            return;
        }
        long suggest = (need + held + RESERVE) / MIB * 5 / 4 + 1;
        throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: this job needs about %d MiB of memory "
                + "(%s) beside the %d MiB its images hold, but the heap is %d MiB; raise it, e.g. "
                + "COREG_JAVA_OPTS=-Xmx%s bin/coreg ..., or use smaller images or fewer control points", command,
                need / MIB + 1, String.join(", ", parts), held / MIB, maxHeap / MIB,
                suggest >= 1024 ? (suggest + 1023) / 1024 + "g" : suggest + "m"));
    }
}
