package org.coreg.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import org.coreg.image.AffineMap;
import org.coreg.image.Volume;
import org.coreg.image.interpolation.Interpolator;

/**
 * Rigid (then optionally similarity and affine) registration of a moving image to a fixed image with Mattes mutual
 * information, a multi-resolution pyramid, scaled stochastic (or regular-step) gradient descent and a global search for
 * poor starts. The result
 * maps fixed-image points to moving-image points (LPS mm).
 *
 * <p>Order of work: inputs are checked; the fixed and moving pyramids are built; the rigid stage runs from the
 * coarsest level to full resolution (with the global search at the coarsest level, see {@link GlobalSearchMode});
 * if the samples stop overlapping the moving image the run re-initialises once from the centres of mass with a
 * global search; the similarity stage, then the affine stage, if asked for, each start from the previous result at
 * the three finest levels and are kept only if they improve the metric. The initialisation
 * {@link Initialisation#PRINCIPAL_MOMENTS} picks its start among four rotations by Mattes MI at the coarsest level.
 */
public final class Registration {
    /** Below this fraction of fixed samples inside the moving image a level is considered lost. */
    static final double MIN_OVERLAP = 0.10;
    private static final int SEARCH_REFINE_ITERATIONS = 40;
    /** Fixed samples of the regular-step descent's one set per level (every voxel of smaller levels). */
    static final int REGULAR_STEP_SAMPLES = 200_000;
    /** A start that converged at the coarsest level is replaced only by a search result at least this much better. */
    private static final double START_MARGIN = 0.05;

    private final RegistrationSettings settings;
    private final RegistrationListener listener;
    private final BooleanSupplier cancelled;
    private long startNanos;
    /** What the first and second image are called in error messages: the caller's roles. */
    private String[] roles = {"fixed", "moving"};
    /** Images prepared before the run, or null. */
    private PreparedImages prepared;

    /**
     * @param cancelled polled every iteration (a few milliseconds); when true the run stops with
     *                  {@link RegistrationCancelledException} and returns nothing
     * @throws IllegalArgumentException if the settings list {@link Stage#BSPLINE}: this class runs only the linear
     *                                  stages; the deformable stage is run by
     *                                  {@code org.coreg.registration.deformable.DeformableRegistration}, which runs
     *                                  the linear stages through this class first
     */
    public Registration(RegistrationSettings settings, RegistrationListener listener, BooleanSupplier cancelled) {
        // Refused rather than delegated: delegating would make this package depend on its deformable sub-package,
        // which already depends on it; and silently dropping the stage returned a linear result the caller had not
        // asked for.
        if (settings.stages().contains(Stage.BSPLINE)) {
            throw new IllegalArgumentException("Registration runs the linear stages only (rigid, similarity, affine), "
                    + "but the stages are " + settings.stages() + "; run a B-spline stage with "
                    + "org.coreg.registration.deformable.DeformableRegistration, which runs the linear stages first");
        }
        this.settings = settings;
        this.listener = listener == null ? RegistrationListener.NONE : listener;
        this.cancelled = cancelled == null ? () -> false : cancelled;
    }

    public Registration(RegistrationSettings settings) {
        this(settings, null, null);
    }

    /**
     * This registration taking its images' pyramids from {@code earlier} where it holds them (prepared while the
     * other image was still loading) instead of building them again; null for none.
     */
    public Registration using(PreparedImages earlier) {
        Registration r = new Registration(settings, listener, cancelled);
        r.prepared = earlier;
        return r;
    }

    /**
     * Registers {@code moving} to {@code fixed}; the answer does not depend on which of the two is called fixed.
     * The run is made in the pair's canonical order ({@link PairOrder}): when that order is the reverse of the caller's,
     * {@code fixed} is registered to {@code moving} and the answer is that run's exact inverse, so that registering
     * the other way round gives the inverse of this answer to rounding (docs/symmetry.md). A fixed-image mask or ROI
     * ties the run to the caller's fixed image (they restrict its samples, and have no exact counterpart in the
     * moving image), so with either the run keeps the caller's order.
     */
    public RegistrationResult run(Volume fixed, Volume moving) throws RegistrationException {
        RegistrationSettings s = settings;
        if (s.fixedMask() != null || s.roi() != null || !PairOrder.swapped(fixed, moving)) {
            return runAsGiven(fixed, moving);
        }
        RegistrationSettings reversed = s.withInitialTransform(
                s.initialTransform() == null ? null : s.initialTransform().inverse());
        Registration canonical = new Registration(reversed, listener, cancelled);
        canonical.prepared = prepared;
        canonical.roles = new String[] {"moving", "fixed"};
        RegistrationResult r = canonical.runAsGiven(moving, fixed);
        List<LevelLog> log = new ArrayList<>(r.log());
        log.add(new LevelLog("order", -1, 0, r.finalMetric(), r.overlap(), 0,
                "registered in the pair's canonical order (the moving image sampled) and inverted; the metric and "
                + "overlap are that run's"));
        // The evidence for the quality report stays with the result; the sampled region's centre is carried into the
        // caller's fixed space (the canonical run's fixed image is the caller's moving one, and its result maps it
        // there). Alternatives are measured between poses, so they read the same either way.
        RegistrationDiagnostics d = r.diagnostics();
        double[] centre = d.regionCentre() == null ? null : r.fixedToMoving().apply(d.regionCentre());
        RegistrationDiagnostics carried = new RegistrationDiagnostics(d.metricStart(), d.alternatives(),
                d.finestSamples(), d.regionExtentMm(), centre, d.contextSearch(), d.contextDriftMm());
        return new RegistrationResult(r.fixedToMoving().inverse(), log, r.finalMetric(), r.overlap(), r.searched(),
                carried);
    }

    /**
     * Registers {@code moving} to {@code fixed} in the caller's order, sampling the fixed image: the one-way
     * registration that {@link #run} makes in the pair's canonical order. For comparisons and for callers whose fixed
     * image is set by other inputs.
     */
    public RegistrationResult runAsGiven(Volume fixed, Volume moving) throws RegistrationException {
        startNanos = System.nanoTime();
        checkCancel("before start");
        RegistrationSettings s = settings;
        InputValidator.checkSettings(s);
        try (Workers workers = new Workers(s.threads())) {
            PreparedImage[] both = PreparedImage.both(fixed, moving, roles, s.levels(), workers, prepared);
            checkCancel("building the image pyramids");
            List<PyramidLevel> fp = both[0].pyramid();
            List<PyramidLevel> mp = both[1].pyramid();
            IntensityLimits fl = both[0].limits();
            IntensityLimits ml = both[1].limits();
            SampledRegion region = SampledRegion.of(fp, s.fixedMask(), s.roi(), workers, fixed.metadata().name());
            FixedSampler finest = region.sampler(s.levels() - 1);
            List<LevelContext> ctx = new ArrayList<>();
            AffineMap pre = s.initialTransform() == null ? AffineMap.identity() : s.initialTransform();
            for (int l = 0; l < s.levels(); l++) {
                FixedSampler sampler = region.sampler(l);
                Interpolator in = s.interpolation().over(mp.get(l).grid());
                MattesMutualInformation mi = new MattesMutualInformation(mp.get(l), in, pre, fl, ml, s.bins(), workers);
                ImageMetric metric = switch (s.metric()) {
                    case MATTES_MI -> mi;
                    case MEAN_SQUARES -> new MeanSquares(mp.get(l), in, pre, workers);
                    case NORMALIZED_CORRELATION -> new NormalizedCorrelation(mp.get(l), in, pre, workers);
                };
                double[] sp = fp.get(l).geometry().spacing();
                ctx.add(new LevelContext(l, sampler, mi, metric, (sp[0] + sp[1] + sp[2]) / 3));
            }
            StagesRun run = new StagesRun(s, ctx, pre, fp.get(0), mp.get(0), fl, ml, region);
            run.log.add(new LevelLog("prepare", -1, 0, Double.NaN, Double.NaN, elapsedMillis(),
                    "inputs checked, intensity limits and " + s.levels() + "-level pyramids built"));
            if (region.contextLevels() > 0) {
                run.log.add(new LevelLog("prepare", -1, 0, Double.NaN, Double.NaN, elapsedMillis(), region.note()));
            }
            return run.run();
        }
    }

    /** The stages over one set of levels; holds the log. */
    private final class StagesRun {
        private final RegistrationSettings s;
        private final List<LevelContext> ctx;
        private final AffineMap pre;
        private final double[] fixedCom;
        private final double[] movingCom;
        private final double[] fixedGeo;
        private final double[] movingGeo;
        private final PyramidLevel fixedTop;
        private final PyramidLevel movingTop;
        private final IntensityLimits fixedLimits;
        private final IntensityLimits movingLimits;
        private final List<LevelLog> log = new ArrayList<>();
        private final SampledRegion region;
        private final List<PoseAlternative> alternatives = new ArrayList<>();
        /** The rigid pose after the last level that saw the context instead of the box, or null. */
        private AffineMap contextPose;
        private boolean searched;

        StagesRun(RegistrationSettings s, List<LevelContext> ctx, AffineMap pre, PyramidLevel f0, PyramidLevel m0,
                  IntensityLimits fl, IntensityLimits ml, SampledRegion region) {
            this.s = s;
            this.region = region;
            this.ctx = ctx;
            this.pre = pre;
            this.fixedCom = pre.apply(Centres.ofMass(f0, fl));
            this.movingCom = Centres.ofMass(m0, ml);
            this.fixedGeo = pre.apply(Centres.geometric(f0));
            this.movingGeo = Centres.geometric(m0);
            this.fixedTop = f0;
            this.movingTop = m0;
            this.fixedLimits = fl;
            this.movingLimits = ml;
        }

        RegistrationResult run() throws RegistrationException {
            EulerRigidTransform rigid = s.initialisation() == Initialisation.PRINCIPAL_MOMENTS ? principalMoments()
                    : initial(s.initialisation());
            LevelContext top = ctx.get(ctx.size() - 1);
            SampleSet check = top.sampler().draw(50_000, new SplittableRandom(s.seed() ^ 0x5EEDL));
            double metricStart = top.metric().evaluate(rigid, check, false).cost();
            rigid = rigidStage(rigid);
            ParametricTransform result = rigid;
            MetricValue end = top.metric().evaluate(rigid, check, false);
            if (s.stages().contains(Stage.SIMILARITY)) {
                SimilarityTransform sim = SimilarityTransform.from(rigid);
                MetricValue v = refine(sim, "similarity", 2 * s.iterations(), check);
                if (better(v, end, "similarity")) {
                    result = sim;
                    end = v;
                }
            }
            if (s.stages().contains(Stage.AFFINE)) {
                AffineTransform affine = result instanceof SimilarityTransform sim ? AffineTransform.from(sim)
                        : AffineTransform.from(rigid);
                // Twelve parameters with weak, noisy shear and scale gradients need more steps than six.
                MetricValue a = refine(affine, "affine", 2 * s.iterations(), check);
                if (better(a, end, "affine")) {
                    result = affine;
                    end = a;
                }
            }
            double[][] corners = Centres.corners(fixedTop.geometry());
            RegistrationDiagnostics d = new RegistrationDiagnostics(metricStart, alternatives,
                    region.finestCount(), region.extentMm(), region.centre(), region.contextLevels() > 0,
                    contextPose == null ? Double.NaN
                            : Centres.largestShift(contextPose.after(pre), result.toAffineMap().after(pre), corners));
            return new RegistrationResult(result.toAffineMap().after(pre), log, end.cost(), end.overlap(), searched,
                    d);
        }

        /** Optimises {@code t} at the three finest levels; returns its metric on {@code check}. */
        private MetricValue refine(ParametricTransform t, String stage, int iterations, SampleSet check)
                throws RegistrationException {
            for (int l = Math.max(0, ctx.size() - 3); l < ctx.size(); l++) {
                optimise(t, ctx.get(l), stage, iterations, ctx.get(l).maxStepMm());
            }
            return ctx.get(ctx.size() - 1).metric().evaluate(t, check, false);
        }

        /** True if {@code v}, a later stage's result, improves on {@code current}; logs why not otherwise. */
        private boolean better(MetricValue v, MetricValue current, String stage) {
            if (v.cost() < current.cost() && v.overlap() >= MIN_OVERLAP) {
                return true;
            }
            log.add(new LevelLog(stage, ctx.size() - 1, 0, v.cost(), v.overlap(), 0,
                    stage + " result kept out: its metric did not improve on the previous stage's"));
            return false;
        }

        /**
         * Centroid and principal axes of the foregrounds (fixed seen through the user's pre-alignment); of the four
         * proper rotations between the axes, the one with the lowest Mattes MI on the coarsest level's search samples.
         */
        private EulerRigidTransform principalMoments() {
            PrincipalAxes fa = PrincipalAxes.of(fixedTop, fixedLimits);
            PrincipalAxes ma = PrincipalAxes.of(movingTop, movingLimits);
            if (fa == null || ma == null) {
                log.add(new LevelLog("init", 0, 0, Double.NaN, Double.NaN, elapsedMillis(),
                        "principal moments: no foreground above the threshold; centres of mass used instead"));
                return initial(Initialisation.CENTRES_OF_MASS);
            }
            fa = fa.through(pre);
            LevelContext c = ctx.get(0);
            SampleSet samples = searchSamples(c);
            double[] t = minus(ma.centre(), fa.centre());
            EulerRigidTransform best = null;
            MetricValue bestValue = null;
            for (double[] r : fa.rotationsOnto(ma)) {
                EulerRigidTransform cand = EulerRigidTransform.of(fa.centre(), r, t);
                MetricValue v = c.mi().evaluate(cand, samples, false);
                if (bestValue == null || beats(v, bestValue)) {
                    best = cand;
                    bestValue = v;
                }
            }
            log.add(new LevelLog("init", 0, 0, bestValue.cost(), bestValue.overlap(), elapsedMillis(), String.format(
                    Locale.ROOT, "principal moments: best of 4 axis sign choices, rotation %.1f degrees",
                    Math.toDegrees(RotationMath.angle(best.rotation())))));
            return best;
        }

        /** Lower cost wins among candidates with usable overlap; a candidate with usable overlap beats one without. */
        private static boolean beats(MetricValue a, MetricValue b) {
            boolean ua = a.overlap() >= MIN_OVERLAP, ub = b.overlap() >= MIN_OVERLAP;
            return ua != ub ? ua : a.cost() < b.cost();
        }

        private EulerRigidTransform initial(Initialisation init) {
            double[] t = switch (init) {
                case IDENTITY -> new double[3];
                case GEOMETRIC_CENTRES -> minus(movingGeo, fixedGeo);
                case CENTRES_OF_MASS, PRINCIPAL_MOMENTS -> minus(movingCom, fixedCom);
            };
            return EulerRigidTransform.of(fixedCom, new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, t);
        }

        private EulerRigidTransform rigidStage(EulerRigidTransform start) throws RegistrationException {
            EulerRigidTransform rigid = start;
            boolean reinitialised = false;
            GlobalSearchMode mode = s.globalSearch();
            int l = 0;
            while (l < ctx.size()) {
                LevelContext c = ctx.get(l);
                String lost = null;
                if (l == 0 && !searched && mode != GlobalSearchMode.NEVER) {
                    double overlap = c.mi().evaluate(rigid, searchSamples(c), false).overlap();
                    if (mode == GlobalSearchMode.ALWAYS || overlap < 0.5) {
                        rigid = search(c, List.of(rigid), 0, String.format(Locale.ROOT,
                                "start overlap %.0f%%", 100 * overlap));
                    }
                }
                MetricValue v = optimise(rigid, c, "rigid", s.iterations(), c.maxStepMm());
                if (v == null || v.overlap() < MIN_OVERLAP) {
                    lost = String.format(Locale.ROOT, "after the rigid stage at level %d only %.0f%% of the "
                            + "fixed-image samples fall inside the moving image", l, v == null ? 0.0 : 100 * v.overlap());
                } else if (l == 0 && !searched && mode == GlobalSearchMode.AUTO) {
                    rigid = search(c, List.of(rigid), START_MARGIN, "checking the start against the search");
                }
                if (lost != null) {
                    if (reinitialised || mode == GlobalSearchMode.NEVER) {
                        throw new RegistrationException(lost + ": the images do not overlap"
                                + (reinitialised ? " even after re-initialising from the centres of mass with a global "
                                + "search" : "") + ". Check that both images show the same anatomy, or give an initial "
                                + "transform (manual pre-alignment) or a fixed-image ROI around the shared anatomy.");
                    }
                    reinitialised = true;
                    log.add(new LevelLog("rigid", l, 0, Double.NaN, v == null ? 0 : v.overlap(), 0,
                            lost + "; re-initialising from the centres of mass with a global search"));
                    searched = false;
                    EulerRigidTransform com = initial(Initialisation.CENTRES_OF_MASS);
                    rigid = search(ctx.get(0), List.of(com), 0, "re-initialisation");
                    l = 0;
                    continue;
                }
                if (l == region.contextLevels() - 1) {
                    contextPose = rigid.toAffineMap();
                }
                l++;
            }
            return rigid;
        }

        private EulerRigidTransform search(LevelContext c, List<EulerRigidTransform> starts, double margin, String why)
                throws RegistrationException {
            long t0 = System.nanoTime();
            searched = true;
            SampleSet samples = searchSamples(c);
            GlobalSearch.Outcome o = GlobalSearch.run(c, fixedCom, movingCom, starts, margin, samples,
                    t -> optimise(t, c, "search", SEARCH_REFINE_ITERATIONS, 2 * c.maxStepMm()),
                    () -> checkCancel("global search"));
            MetricValue v = c.mi().evaluate(o.best(), samples, false);
            alternatives.clear();
            alternatives.addAll(o.alternatives(pre.apply(region.centre())));
            log.add(new LevelLog("search", c.level(), 0, v.cost(), v.overlap(), (System.nanoTime() - t0) / 1_000_000,
                    why + "; " + o.note()));
            return o.best();
        }

        private SampleSet searchSamples(LevelContext c) {
            return c.sampler().draw(Math.max(2000, s.samples()), new SplittableRandom(s.seed() * 31 + 7));
        }

        /** Runs one level; returns the metric at the last iteration, or null if the overlap was lost. */
        private MetricValue optimise(ParametricTransform t, LevelContext c, String stage, int iterations,
                                     double maxStep) throws RegistrationException {
            long t0 = System.nanoTime();
            SampleSet probe = c.sampler().draw(Math.max(2000, s.samples()), new SplittableRandom(s.seed() + 99));
            double[] scales = ParameterScales.estimate(t, probe, pre);
            long base = s.seed() * 1_000_003L + stage.hashCode() * 7919L + c.level() * 104_729L;
            int n = s.samples() <= 0 ? Integer.MAX_VALUE : s.samples();
            Optimizer optimizer;
            IntFunction<SampleSet> samples;
            if (s.optimizer() == OptimizerKind.REGULAR_STEP && !"search".equals(stage)) {
                // One set for the whole level, so large: 3,000 fixed samples left the rigid phantom 0.1-1 mm off.
                SampleSet one = c.sampler().draw(Math.max(n, REGULAR_STEP_SAMPLES), new SplittableRandom(base));
                optimizer = new RegularStepGradientDescent(iterations, maxStep, maxStep / 1000);
                samples = k -> one;
            } else {
                optimizer = new GradientDescent(iterations, maxStep);
                samples = k -> c.sampler().draw(n, new SplittableRandom(base + k));
            }
            int ran;
            try {
                ran = optimizer.minimise(t, c.metric(), samples, scales, (k, v) -> {
                    checkCancel(stage + " level " + c.level());
                    listener.onIteration(new IterationEvent(stage, c.level(), k, v.cost(), v.overlap(),
                            elapsedMillis()));
                    if (v.overlap() < MIN_OVERLAP / 2) {
                        throw new LostOverlap();
                    }
                }).iterations();
            } catch (LostOverlap e) {
                return null;
            }
            MetricValue end = c.metric().evaluate(t, probe, false);
            if (!"search".equals(stage)) {
                log.add(new LevelLog(stage, c.level(), ran, end.cost(), end.overlap(),
                        (System.nanoTime() - t0) / 1_000_000, ""));
            }
            return end;
        }
    }

    /** Thrown inside a level when the samples stop overlapping the moving image. */
    private static final class LostOverlap extends RegistrationException {
        LostOverlap() {
            super("the fixed-image samples no longer overlap the moving image");
        }
    }

    private static double[] minus(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    private long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private void checkCancel(String where) throws RegistrationCancelledException {
        if (cancelled.getAsBoolean()) {
            throw new RegistrationCancelledException(where);
        }
    }
}
