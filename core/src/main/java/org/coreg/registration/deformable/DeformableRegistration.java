package org.coreg.registration.deformable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;
import org.coreg.registration.FixedSampler;
import org.coreg.registration.Optimizer;
import org.coreg.registration.IntensityLimits;
import org.coreg.registration.IterationEvent;
import org.coreg.registration.LevelLog;
import org.coreg.registration.MattesMutualInformation;
import org.coreg.registration.MetricValue;
import org.coreg.registration.PreparedImage;
import org.coreg.registration.PyramidLevel;
import org.coreg.registration.Registration;
import org.coreg.registration.RegistrationCancelledException;
import org.coreg.registration.RegistrationException;
import org.coreg.registration.RegistrationListener;
import org.coreg.registration.RegistrationResult;
import org.coreg.registration.RegistrationSettings;
import org.coreg.registration.SampleSet;
import org.coreg.registration.Stage;
import org.coreg.registration.Workers;
import org.coreg.transform.AffineTransform;
import org.coreg.transform.Transforms;

/**
 * Deformable registration: a cubic B-spline free-form deformation on top of a linear (rigid/affine) result, with the
 * linear stages' Mattes mutual information, pyramid, sampling, mask and ROI. The B-spline is applied after the
 * affine map ({@code y = B(A x)}, fixed to moving, LPS mm, as elastix composes an affine and a B-spline stage); its
 * control grid has the fixed image's direction cosines and a node spacing that halves from level to level down to
 * {@link BSplineSettings#gridSpacingMm()} at full resolution, each level starting from the previous level's
 * deformation refitted on the finer grid. Each level runs {@link AdaptiveStochasticDescent} on random samples or, as
 * an option ({@link BSplineOptimizer#LBFGS}), {@link LimitedMemoryBfgs} on every voxel of the level, the gradient using
 * the sparse B-spline Jacobian (64 nodes per sample). The finished map is checked for folding.
 */
public final class DeformableRegistration {
    private static final double MIN_OVERLAP = 0.10;

    private final RegistrationSettings settings;
    private final BSplineSettings bspline;
    private final RegistrationListener listener;
    private final BooleanSupplier cancelled;

    /** @param cancelled polled every iteration; when true the run stops with RegistrationCancelledException */
    public DeformableRegistration(RegistrationSettings settings, BSplineSettings bspline, RegistrationListener listener,
                                  BooleanSupplier cancelled) {
        this.settings = settings;
        this.bspline = bspline;
        this.listener = listener == null ? RegistrationListener.NONE : listener;
        this.cancelled = cancelled == null ? () -> false : cancelled;
    }

    /**
     * Runs the linear stages of the settings (rigid, and affine if listed), then the B-spline stage (whether or not
     * {@link Stage#BSPLINE} is listed).
     */
    public DeformableResult run(Volume fixed, Volume moving) throws RegistrationException {
        List<Stage> linear = settings.stages().stream().filter(s -> s != Stage.BSPLINE).toList();
        RegistrationResult r = new Registration(settings.withStages(linear.toArray(Stage[]::new)), listener, cancelled)
                .run(fixed, moving);
        DeformableResult d = runFrom(fixed, moving, r.fixedToMoving());
        List<LevelLog> log = new ArrayList<>(r.log());
        log.addAll(d.log());
        return new DeformableResult(d.affine(), d.bspline(), d.fixedToMoving(), d.folding(), log, d.finalMetric(),
                d.overlap());
    }

    /** Runs the B-spline stage alone, on top of {@code affine} (fixed to moving, LPS mm). */
    public DeformableResult runFrom(Volume fixed, Volume moving, AffineMap affine) throws RegistrationException {
        long start = System.nanoTime();
        checkCancel("before the B-spline stage");
        RegistrationSettings s = settings;
        if (s.levels() < 1 || s.levels() > 8) {
            throw new RegistrationException("the pyramid needs 1 to 8 levels, " + s.levels() + " were asked for");
        }
        List<LevelLog> log = new ArrayList<>();
        try (Workers workers = new Workers(s.threads())) {
            int levels = s.levels();
            PreparedImage[] both = PreparedImage.both(fixed, moving, levels, workers);
            checkCancel("building the image pyramids");
            List<PyramidLevel> fp = both[0].pyramid();
            List<PyramidLevel> mp = both[1].pyramid();
            IntensityLimits fl = both[0].limits();
            IntensityLimits ml = both[1].limits();
            FixedSampler finest = new FixedSampler(fp.get(levels - 1), s.fixedMask(), s.roi(), workers);
            if (finest.candidateCount() == 0) {
                throw new RegistrationException("the fixed-image mask and ROI together select no voxel of '"
                        + fixed.metadata().name() + "'; enlarge the ROI or check that the mask lies on the fixed image");
            }
            BSplineDeformation def = null;
            MattesMutualInformation metric = null;
            for (int l = 0; l < levels; l++) {
                long t0 = System.nanoTime();
                double spacing = bspline.gridSpacingMm() * Math.pow(2, levels - 1 - l);
                ImageGeometry grid = ControlGrid.layout(fixed.geometry(), s.roi(), affine, spacing);
                def = def == null ? new BSplineDeformation(grid) : ControlGrid.refine(def, grid);
                FixedSampler sampler = l == levels - 1 ? finest
                        : new FixedSampler(fp.get(l), s.fixedMask(), s.roi(), workers);
                if (sampler.candidateCount() == 0) {
                    sampler = finest;
                }
                metric = new MattesMutualInformation(mp.get(l), s.interpolation().over(mp.get(l).grid()), affine, fl,
                        ml, s.bins(), workers);
                double[] sp = fp.get(l).geometry().spacing();
                double maxStep = (sp[0] + sp[1] + sp[2]) / 3;
                BendingEnergy penalty = bspline.bendingWeight() > 0
                        ? new BendingEnergy(grid.size(), spacing, bspline.bendingWeight()) : null;
                long base = s.seed() * 1_000_003L + 0xB5L * 7919L + l * 104_729L;
                int level = l;
                Optimizer.Outcome v = optimise(def, metric, sampler, base, maxStep, penalty, (k, value) -> {
                    checkCancel("B-spline level " + level);
                    listener.onIteration(new IterationEvent("bspline", level, k, value.cost(), value.overlap(),
                            (System.nanoTime() - start) / 1_000_000));
                    if (value.overlap() < MIN_OVERLAP / 2) {
                        throw new RegistrationException(String.format(Locale.ROOT, "the B-spline stage lost "
                                + "the images at level %d: only %.0f%% of the fixed samples fall inside the "
                                + "moving image; check the linear result, or raise the bending weight",
                                level, 100 * value.overlap()));
                    }
                });
                int[] gs = grid.size();
                log.add(new LevelLog("bspline", l, v.iterations(), v.last().cost(), v.last().overlap(),
                        (System.nanoTime() - t0) / 1_000_000, String.format(Locale.ROOT,
                        "grid %dx%dx%d nodes at %.1f mm%s", gs[0], gs[1], gs[2], spacing,
                        bspline.optimizer() == BSplineOptimizer.LBFGS ? ", L-BFGS on all voxels" : "")));
            }
            SampleSet check = finest.draw(50_000, new SplittableRandom(s.seed() ^ 0x5EEDL));
            MetricValue end = metric.evaluate(def, check, false);
            checkCancel("the folding check");
            FoldingCheck.Report folding = FoldingCheck.check(fixed.geometry(), affine, def, bspline.jacobianMap(),
                    workers);
            if (folding.folds()) {
                log.add(new LevelLog("bspline", levels - 1, 0, end.cost(), end.overlap(), 0, folding.warning()));
            }
            return new DeformableResult(affine, def.toTransform(), Transforms.compose(
                    AffineTransform.fixedToMoving(affine), def.toTransform()), folding, log, end.cost(), end.overlap());
        }
    }

    /**
     * One level's optimisation of {@code def}: adaptive stochastic descent on a fresh random draw per iteration
     * (seeded from {@code seedBase}), or L-BFGS on every candidate voxel of the level (one sample set for the level,
     * each sample at a random position within its voxel's cell: off the grid, see {@link FixedSampler#drawOffGrid}).
     */
    private Optimizer.Outcome optimise(BSplineDeformation def, MattesMutualInformation metric,
                                             FixedSampler sampler, long seedBase, double maxStep,
                                             BendingEnergy penalty, Optimizer.Monitor monitor)
            throws RegistrationException {
        if (bspline.optimizer() == BSplineOptimizer.LBFGS) {
            return new LimitedMemoryBfgs(bspline.lbfgsIterations(), maxStep, penalty).minimise(def, metric,
                    sampler.allOffGrid(new SplittableRandom(seedBase)), monitor);
        }
        int n = bspline.samples() <= 0 ? Integer.MAX_VALUE : bspline.samples();
        MetricValue v = new AdaptiveStochasticDescent(bspline.iterations(), maxStep, penalty).minimise(def, metric,
                k -> sampler.drawOffGrid(n, new SplittableRandom(seedBase + k)), monitor);
        return new Optimizer.Outcome(v, bspline.iterations());
    }

    private void checkCancel(String where) throws RegistrationCancelledException {
        if (cancelled.getAsBoolean()) {
            throw new RegistrationCancelledException(where);
        }
    }
}
