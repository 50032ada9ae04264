package org.coreg.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import org.coreg.image.AffineMap;
import org.coreg.image.Volume;
import org.coreg.image.VoxelReadListener;
import org.coreg.image.interpolation.InterpolationKind;
import org.coreg.io.AtomicOutput;
import org.coreg.io.ImageFormats;
import org.coreg.io.OutputCheck;
import org.coreg.io.transform.ElastixTransformFile;
import org.coreg.io.transform.TransformFiles;
import org.coreg.io.transform.TransformFormat;
import org.coreg.registration.Initialisation;
import org.coreg.registration.LinearMapCheck;
import org.coreg.registration.MetricKind;
import org.coreg.registration.IterationEvent;
import org.coreg.registration.OptimizerKind;
import org.coreg.registration.RegistrationResult;
import org.coreg.registration.RegistrationSettings;
import org.coreg.registration.RoiBox;
import org.coreg.registration.Stage;
import org.coreg.registration.deformable.BSplineOptimizer;
import org.coreg.registration.landmarks.LandmarkOptions;
import org.coreg.registration.landmarks.LandmarkPair;
import org.coreg.registration.PreparedImages;
import org.coreg.registration.quality.AssessedRegistration;
import org.coreg.registration.quality.QualityReport;
import org.coreg.registration.deformable.BSplineSettings;
import org.coreg.transform.AffineTransform;
import org.coreg.transform.Direction;
import org.coreg.transform.NonInvertibleTransformException;
import org.coreg.transform.Resampler;
import org.coreg.transform.SpatialTransform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code coreg register --fixed F --moving M --out-transform T.tfm}: rigid (and optionally affine) registration with
 * Mattes MI. The transform file (fixed to moving, LPS mm) is always written, and written after any resampled image
 * (ResultWrites: a transform file means a complete image).
 */
@Command(name = "register", mixinStandardHelpOptions = true,
        description = "Register a moving image (e.g. CT) to a fixed image (e.g. MRI); writes the fixed->moving "
                + "transform (ITK text, LPS) and optionally the moving image resampled onto the fixed grid.")
final class RegisterCommand implements Callable<Integer> {
    @Option(names = "--fixed", required = true, paramLabel = "F",
            description = "Fixed (reference) image, e.g. the MRI.")
    Path fixed;

    @Option(names = "--moving", required = true, paramLabel = "M", description = "Moving image, e.g. the CT.")
    Path moving;

    @Option(names = "--stages", split = ",", paramLabel = "S[,S]",
            description = "Stages in order: rigid, rigid,affine, rigid,similarity,affine or rigid,affine,bspline "
                    + "(default rigid, the engine's one default: docs/quality.md); landmarks alone gives the pure "
                    + "landmark fit.")
    List<String> stages;

    @Option(names = "--out-report", paramLabel = "R.json",
            description = "Write the quality report (status ok/uncertain/failed, reasons, metrics, overlap, search "
                    + "alternatives, landmark errors) as JSON; written also when the run fails.")
    Path outReport;

    @Option(names = "--fixed-landmarks", paramLabel = "FL",
            description = "Landmarks on the fixed image (.mrk.json, .fcsv, .csv or elastix points), paired with "
                    + "--moving-landmarks by label, else by order: their fit gives the start and they are reported.")
    Path fixedLandmarks;

    @Option(names = "--moving-landmarks", paramLabel = "ML", description = "The same landmarks on the moving image.")
    Path movingLandmarks;

    @Option(names = "--landmark-fit", paramLabel = "K",
            description = "Landmark fit: rigid, similarity or affine (default: affine if the stages include affine, "
                    + "similarity if they include similarity, else rigid).")
    String landmarkFit;

    @Option(names = "--grid-spacing", defaultValue = "20", paramLabel = "MM",
            description = "B-spline stage: control-point spacing at full resolution, mm (default 20).")
    double gridSpacing;

    @Option(names = "--bending-weight", defaultValue = "0", paramLabel = "W",
            description = "B-spline stage: weight of the bending-energy penalty (default 0 = off).")
    double bendingWeight;

    @Option(names = "--one-way", description = "B-spline stage: do not register the other way too. By default the "
            + "pair is also registered with the roles swapped, the two B-splines are averaged and the report states "
            + "the inverse-consistency error (docs/symmetry.md); this halves the B-spline stage's time.")
    boolean oneWay;

    @Option(names = "--bspline-optimizer", defaultValue = "sgd", paramLabel = "O",
            description = "B-spline stage optimiser: sgd (default: adaptive stochastic gradient descent, 250 "
                    + "iterations x 3000 random samples per level) or lbfgs (L-BFGS on every voxel of each level, "
                    + "at most " + BSplineSettings.DEFAULT_LBFGS_ITERATIONS + " iterations per level, deterministic "
                    + "cost; slower, and its heap grows with the voxel count: about 1.7 GB for a 91x109x91 image).")
    String bsplineOptimizer;

    @Option(names = "--out-elastix", paramLabel = "TP.txt",
            description = "Also write the transform as elastix TransformParameters (for transformix).")
    Path outElastix;

    @Option(names = "--out-jacobian", paramLabel = "J",
            description = "B-spline stage: write the Jacobian-determinant map (fixed grid) as an image.")
    Path outJacobian;

    @Option(names = "--preset", defaultValue = "ct-mr-head", paramLabel = "P",
            description = "Settings preset; ct-mr-head (default): Mattes MI 32 bins, 4 levels, 200 iterations x 3000 "
                    + "samples, automatic global search.")
    String preset;

    @Option(names = "--init", defaultValue = "headers", paramLabel = "I",
            description = "Start: headers (default), centres (geometric), mass (centres of mass) or moments "
                    + "(centroids and principal axes of the foregrounds, for large rotations).")
    String init;

    @Option(names = "--initial-transform", paramLabel = "T",
            description = "A pre-alignment (ITK .tfm, elastix or 4x4 matrix file), applied first.")
    Path initialTransform;

    @Option(names = "--roi", split = ",", paramLabel = "x0,y0,z0,x1,y1,z1",
            description = "Use only fixed-image samples in this box (LPS mm).")
    double[] roi;

    @Option(names = "--fixed-mask", paramLabel = "MASK", description = "Use only fixed voxels where this mask is non-zero.")
    Path fixedMask;

    @Option(names = "--metric", defaultValue = "mi", paramLabel = "M",
            description = "mi (Mattes mutual information, default: CT to MR), ms (mean squares) or ncc (normalised "
                    + "correlation) for same-modality pairs.")
    String metric;

    @Option(names = "--optimizer", defaultValue = "sgd", paramLabel = "O",
            description = "Rigid/affine optimiser: sgd (stochastic gradient descent, new samples every iteration; "
                    + "default) or regular-step (one large sample set per level, step shrunk on each turn, stops when "
                    + "converged; deterministic, slower).")
    String optimizer;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the random samples (same seed, same result).")
    long seed;

    @Option(names = "--threads", defaultValue = "0", description = "Worker threads (0 = all processors).")
    int threads;

    @Option(names = "--out-transform", required = true, paramLabel = "T.tfm",
            description = "Where to write the fixed->moving transform (.tfm ITK text, .h5 ITK HDF5, .mat4 4x4 "
                    + "matrix; the extension decides).")
    Path outTransform;

    @Option(names = "--out-image", paramLabel = "R", description = "Also write the moving image resampled onto the fixed grid.")
    Path outImage;

    @Option(names = "--metric-log", paramLabel = "log.csv", description = "Write every iteration's metric as CSV.")
    Path metricLog;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** The last run's quality report (read by {@code coreg batch} for its summary), or null. */
    QualityReport report;

    @Override
    public Integer call() throws Exception {
        // A name of no transform format is refused before any work (the extension decides the format).
        TransformFormat.forName(outTransform);
        RegistrationSettings settings = settings();
        BSplineOptimizer optimizer = optimizer();
        BSplineSettings bspline = settings.stages().contains(Stage.BSPLINE) ? bsplineSettings(optimizer) : null;
        OutputCheck.writable(outTransform, outImage, outElastix, outJacobian, metricLog, outReport); // before any work
        ImageFormats formats = ImageFormats.standard();
        // The moving image is read on a second thread while this one reads the fixed image (decompressing both
        // took a tenth of a short run). Whichever image is read first has its pyramid built while the other is still
        // being read (decompressing a 512x512x408 CT takes over a second), and each image's values are converted to
        // floats as they arrive; the registration takes both from there.
        PreparedImages prepared = new PreparedImages();
        boolean early = bspline == null;
        AtomicBoolean fixedRead = new AtomicBoolean();
        FutureTask<Volume> movingRead = new FutureTask<>(() -> {
            Volume v = formats.read(moving, early ? prepared.converting() : VoxelReadListener.NONE);
            if (early && !fixedRead.get()) {
                prepared.prepare(v, settings.levels(), settings.threads());
            }
            return v;
        });
        Thread.ofPlatform().daemon().start(movingRead);
        Volume f = formats.read(fixed, early ? prepared.converting() : VoxelReadListener.NONE);
        fixedRead.set(true);
        if (early && !movingRead.isDone()) {
            prepared.prepare(f, settings.levels(), settings.threads());
        }
        Volume m = joined(movingRead);
        if (bspline != null) {
            OptionBounds.checkGrid(gridSpacing, f.geometry());
        }
        MemoryBudget.register(f, m, settings, bspline, outImage != null, outJacobian != null).check("register", f, m);
        PrintWriter err = spec.commandLine().getErr();
        List<IterationEvent> events = new ArrayList<>();
        ProgressBar bar = new ProgressBar(err, settings.levels(), settings.iterations(), settings.stages().size());
        if (outJacobian != null && !settings.stages().contains(Stage.BSPLINE)) {
            throw new IllegalArgumentException("--out-jacobian: the Jacobian map belongs to the B-spline stage; add "
                    + "bspline to --stages");
        }
        if (settings.stages().contains(Stage.BSPLINE) && (fixedLandmarks != null || movingLandmarks != null)) {
            throw new IllegalArgumentException("--fixed-landmarks/--moving-landmarks: landmarks start the linear "
                    + "stages only; run the linear stages with landmarks first, then the B-spline stage with "
                    + "--initial-transform");
        }
        if (settings.stages().contains(Stage.BSPLINE)) {
            DeformableRun.Outputs o = new DeformableRun.Outputs(outTransform, outElastix, outJacobian, outImage);
            DeformableRun.checkOutputs(o);
            int status = DeformableRun.run(settings, bspline, f, m, o, e -> {
                        events.add(e);
                        bar.update(e);
                    }, spec.commandLine().getOut(), err, bar::finish, outReport, !oneWay);
            if (status == 0 && metricLog != null) {
                writeLog(events, metricLog);
            }
            return status;
        }
        LandmarkOptions lm = landmarkOptions(f, m);
        AssessedRegistration.Outcome o = AssessedRegistration.run(settings, lm, f, m, prepared, e -> {
            events.add(e);
            bar.update(e);
        }, null);
        bar.finish();
        report = o.report();
        if (outReport != null) {
            QualityOutput.writeReport(o.report(), outReport);
        }
        if (!o.usable()) {
            err.println("coreg: registration failed, no transform written: " + o.report().reasonsText());
            return 1;
        }
        QualityOutput.warn(o.report(), err);
        RegistrationResult r = o.result() != null ? o.result()
                : new RegistrationResult(o.fixedToMoving(), List.of(), Double.NaN, Double.NaN, false);
        // The image first, the transforms last (ResultWrites): a stopped run leaves no transform without its image.
        ResultWrites.imageThenTransforms(outImage, () -> formats.write(resampled(m, f, r.fixedToMoving()), outImage),
                () -> {
                    writeTransform(r.fixedToMoving(), outTransform);
                    if (outElastix != null) {
                        // transformix fills as --out-image does (the moving image's lowest value), not with 0 (water in a CT).
                        ElastixTransformFile.writeFixedToMoving(r.fixedToMoving(), f.geometry(), outElastix,
                                ElastixTransformFile.WriteOptions.linear(outsideValue(m)));
                    }
                });
        if (metricLog != null) {
            writeLog(events, metricLog);
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s (fixed->moving, LPS mm); final metric %.4f, overlap %.0f%%"
                + "%s; status %s%n", outTransform, r.finalMetric(), 100 * r.overlap(),
                r.searched() ? ", global search ran" : "", o.report().status().label());
        QualityOutput.printLandmarks(o.report().landmarks(), spec.commandLine().getOut());
        return 0;
    }

    /** The value of a finished read, or the read's own exception (an ImageIOException names the file). */
    private static Volume joined(FutureTask<Volume> read) throws Exception {
        try {
            return read.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error; // out of memory, stack overflow: ContainedFaults reports them in plain words
            }
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** What the resampled moving image holds outside the moving image: its lowest value (air, background). */
    static double outsideValue(Volume moving) {
        return moving.realRange()[0];
    }

    /** The moving image on the fixed grid; outside the moving image, {@link #outsideValue}. */
    private static Volume resampled(Volume moving, Volume fixed, AffineMap fixedToMoving) {
        try {
            return Resampler.resample(moving, AffineTransform.fixedToMoving(fixedToMoving), fixed.geometry(),
                    new Resampler.Settings(InterpolationKind.LINEAR, outsideValue(moving)));
        } catch (NonInvertibleTransformException e) {
            throw new IllegalStateException("a fixed-to-moving transform is used as it is, never inverted", e);
        }
    }

    /** The one place the transform file is written (ITK text via the transform package). */
    static void writeTransform(AffineMap fixedToMoving, Path file) throws IOException {
        TransformFiles.writeFixedToMoving(fixedToMoving, file);
    }

    private RegistrationSettings settings() throws IOException {
        if (!preset.equals("ct-mr-head")) {
            throw new IllegalArgumentException("--preset: expected ct-mr-head, found '" + preset + "'");
        }
        RegistrationSettings s = RegistrationSettings.defaults().withSeed(seed).withThreads(threads)
                .withMetric(switch (metric) {
                    case "mi" -> MetricKind.MATTES_MI;
                    case "ms" -> MetricKind.MEAN_SQUARES;
                    case "ncc" -> MetricKind.NORMALIZED_CORRELATION;
                    default -> throw new IllegalArgumentException("--metric: expected mi, ms or ncc, found '" + metric + "'");
                });
        s = s.withOptimizer(switch (optimizer) {
            case "sgd" -> OptimizerKind.STOCHASTIC;
            case "regular-step" -> OptimizerKind.REGULAR_STEP;
            default -> throw new IllegalArgumentException("--optimizer: expected sgd or regular-step, found '"
                    + optimizer + "'");
        });
        List<Stage> st = new ArrayList<>();
        for (String name : stageNames()) {
            if (name.equals("landmarks")) {
                if (stageNames().size() > 1) {
                    throw new IllegalArgumentException("--stages: landmarks is the pure landmark fit and stands alone;"
                            + " to start the intensity stages from the landmarks give --fixed-landmarks and "
                            + "--moving-landmarks with --stages " + String.join(",", stageNames().subList(1,
                            stageNames().size())));
                }
                st.add(Stage.RIGID);
                continue;
            }
            st.add(switch (name) {
                case "rigid" -> Stage.RIGID;
                case "similarity" -> Stage.SIMILARITY;
                case "affine" -> Stage.AFFINE;
                case "bspline" -> Stage.BSPLINE;
                default -> throw new IllegalArgumentException("--stages: expected rigid, similarity, affine, bspline or landmarks, found '"
                        + name + "'");
            });
        }
        s = s.withStages(st.toArray(Stage[]::new));
        s = s.withInitialisation(switch (init) {
            case "headers" -> Initialisation.IDENTITY;
            case "centres", "centers", "geometry" -> Initialisation.GEOMETRIC_CENTRES;
            case "mass" -> Initialisation.CENTRES_OF_MASS;
            case "moments" -> Initialisation.PRINCIPAL_MOMENTS;
            default -> throw new IllegalArgumentException("--init: expected headers, centres, mass or moments, found '"
                    + init + "'");
        });
        if (roi != null) {
            if (roi.length != 6) {
                throw new IllegalArgumentException("--roi needs six numbers x0,y0,z0,x1,y1,z1 (LPS mm), found " + roi.length);
            }
            OptionBounds.checkRoi(roi);
            s = s.withRoi(new RoiBox(new double[] {roi[0], roi[1], roi[2]}, new double[] {roi[3], roi[4], roi[5]}));
        }
        if (fixedMask != null) {
            s = s.withFixedMask(ImageFormats.standard().read(fixedMask));
        }
        if (initialTransform != null) {
            SpatialTransform t = TransformFiles.read(initialTransform);
            if (!(t instanceof AffineTransform a)) {
                throw new IllegalArgumentException(initialTransform + ": an initial transform must be linear (rigid, "
                        + "similarity or affine), found " + t.describe());
            }
            String problem = LinearMapCheck.problem(a.map());
            if (problem != null) {
                throw new IllegalArgumentException(initialTransform + ": the initial transform is refused: " + problem);
            }
            AffineMap map = a.direction() == Direction.FIXED_TO_MOVING ? a.map() : a.map().inverse();
            s = s.withInitialTransform(map);
        }
        OptionBounds.check(s);
        return s;
    }

    /** The B-spline stage's settings, within their bounds (OptionBounds). */
    private BSplineSettings bsplineSettings(BSplineOptimizer optimizer) {
        if (!(gridSpacing > 0) || Double.isInfinite(gridSpacing)) {
            throw new IllegalArgumentException("--grid-spacing: expected a positive grid spacing in mm, found "
                    + gridSpacing);
        }
        if (!(bendingWeight >= 0) || Double.isInfinite(bendingWeight)) {
            throw new IllegalArgumentException("--bending-weight: expected 0 or a positive number, found "
                    + bendingWeight);
        }
        BSplineSettings b = BSplineSettings.defaults().withGridSpacing(gridSpacing).withBendingWeight(bendingWeight)
                .withOptimizer(optimizer);
        OptionBounds.check(b);
        return b;
    }

    /** The stage names asked for, lower case; the engine's default stages when none are. */
    private List<String> stageNames() {
        if (stages == null || stages.isEmpty()) {
            return RegistrationSettings.defaults().stages().stream().map(x -> x.name().toLowerCase(Locale.ROOT))
                    .toList();
        }
        return stages.stream().map(x -> x.trim().toLowerCase(Locale.ROOT)).toList();
    }

    /** The landmark use the options ask for, or null without landmark files. */
    private LandmarkOptions landmarkOptions(Volume f, Volume m) throws IOException {
        List<LandmarkPair> pairs = LandmarkInputs.read(fixedLandmarks, movingLandmarks, f.geometry(), m.geometry());
        boolean fitOnly = stageNames().contains("landmarks");
        if (pairs == null) {
            if (fitOnly || landmarkFit != null) {
                throw new IllegalArgumentException((fitOnly ? "--stages landmarks" : "--landmark-fit")
                        + " needs --fixed-landmarks and --moving-landmarks");
            }
            return null;
        }
        return new LandmarkOptions(pairs, LandmarkInputs.fit(landmarkFit, stageNames()), fitOnly);
    }

    private BSplineOptimizer optimizer() {
        return switch (bsplineOptimizer.trim().toLowerCase(Locale.ROOT)) {
            case "sgd" -> BSplineOptimizer.ADAPTIVE_SGD;
            case "lbfgs", "l-bfgs" -> BSplineOptimizer.LBFGS;
            default -> throw new IllegalArgumentException("--bspline-optimizer: expected sgd or lbfgs, found '"
                    + bsplineOptimizer + "'");
        };
    }

    private static void writeLog(List<IterationEvent> events, Path file) throws IOException {
        try (AtomicOutput out = new AtomicOutput()) {
            try (OutputStream os = out.open(file)) {
                StringBuilder sb = new StringBuilder("stage,level,iteration,metric,overlap,elapsed_ms\n");
                for (IterationEvent e : events) {
                    sb.append(String.format(Locale.ROOT, "%s,%d,%d,%.6f,%.4f,%d%n", e.stage(), e.level(), e.iteration(),
                            e.metric(), e.overlap(), e.elapsedMillis()));
                }
                os.write(sb.toString().getBytes(StandardCharsets.UTF_8));
            }
            out.commit();
        }
    }
}
