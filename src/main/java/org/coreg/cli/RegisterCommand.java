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
import org.coreg.image.AffineMap;
import org.coreg.image.Volume;
import org.coreg.image.interpolation.InterpolationKind;
import org.coreg.io.AtomicOutput;
import org.coreg.io.ImageFormats;
import org.coreg.io.OutputCheck;
import org.coreg.io.transform.ElastixTransformFile;
import org.coreg.io.transform.TransformFiles;
import org.coreg.registration.Initialisation;
import org.coreg.registration.MetricKind;
import org.coreg.registration.IterationEvent;
import org.coreg.registration.OptimizerKind;
import org.coreg.registration.Registration;
import org.coreg.registration.RegistrationException;
import org.coreg.registration.RegistrationResult;
import org.coreg.registration.RegistrationSettings;
import org.coreg.registration.RoiBox;
import org.coreg.registration.Stage;
import org.coreg.registration.deformable.BSplineOptimizer;
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

    @Option(names = "--stages", split = ",", defaultValue = "rigid", paramLabel = "S[,S]",
            description = "Stages in order: rigid, rigid,affine, rigid,similarity,affine or rigid,affine,bspline "
                    + "(default rigid).")
    List<String> stages;

    @Option(names = "--grid-spacing", defaultValue = "20", paramLabel = "MM",
            description = "B-spline stage: control-point spacing at full resolution, mm (default 20).")
    double gridSpacing;

    @Option(names = "--bending-weight", defaultValue = "0", paramLabel = "W",
            description = "B-spline stage: weight of the bending-energy penalty (default 0 = off).")
    double bendingWeight;

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
            description = "Where to write the fixed->moving transform (.tfm ITK text; .txt/.mat 4x4 matrix).")
    Path outTransform;

    @Option(names = "--out-image", paramLabel = "R", description = "Also write the moving image resampled onto the fixed grid.")
    Path outImage;

    @Option(names = "--metric-log", paramLabel = "log.csv", description = "Write every iteration's metric as CSV.")
    Path metricLog;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RegistrationSettings settings = settings();
        BSplineOptimizer optimizer = optimizer();
        BSplineSettings bspline = settings.stages().contains(Stage.BSPLINE) ? bsplineSettings(optimizer) : null;
        OutputCheck.writable(outTransform, outImage, outElastix, outJacobian, metricLog); // before any work
        ImageFormats formats = ImageFormats.standard();
        // The moving image is read on a second thread while this one reads the fixed image (decompressing both
        // took a tenth of a short run).
        FutureTask<Volume> movingRead = new FutureTask<>(
                () -> formats.read(moving));
        Thread.ofPlatform().daemon().start(movingRead);
        Volume f = formats.read(fixed);
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
        if (settings.stages().contains(Stage.BSPLINE)) {
            DeformableRun.Outputs o = new DeformableRun.Outputs(outTransform, outElastix, outJacobian, outImage);
            DeformableRun.checkOutputs(o);
            int status = DeformableRun.run(settings, bspline, f, m, o, e -> {
                        events.add(e);
                        bar.update(e);
                    }, spec.commandLine().getOut(), err, bar::finish);
            if (status == 0 && metricLog != null) {
                writeLog(events, metricLog);
            }
            return status;
        }
        RegistrationResult r;
        try {
            r = new Registration(settings, e -> {
                events.add(e);
                bar.update(e);
            }, null).run(f, m);
        } catch (RegistrationException e) {
            bar.finish();
            err.println("coreg: " + e.getMessage());
            return 1;
        }
        bar.finish();
        // The image first, the transforms last (ResultWrites): a stopped run leaves no transform without its image.
        ResultWrites.imageThenTransforms(outImage, () -> formats.write(resampled(m, f, r.fixedToMoving()), outImage),
                () -> {
                    writeTransform(r.fixedToMoving(), outTransform);
                    if (outElastix != null) {
                        ElastixTransformFile.writeFixedToMoving(r.fixedToMoving(), f.geometry(), outElastix);
                    }
                });
        if (metricLog != null) {
            writeLog(events, metricLog);
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s (fixed->moving, LPS mm); final metric %.4f, overlap %.0f%%"
                + "%s%n", outTransform, r.finalMetric(), 100 * r.overlap(), r.searched() ? ", global search ran" : "");
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

    /** The moving image on the fixed grid; outside the moving image, its lowest value (air, background). */
    private static Volume resampled(Volume moving, Volume fixed, AffineMap fixedToMoving) {
        try {
            return Resampler.resample(moving, AffineTransform.fixedToMoving(fixedToMoving), fixed.geometry(),
                    new Resampler.Settings(InterpolationKind.LINEAR, moving.realRange()[0]));
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
        for (String name : stages) {
            st.add(switch (name.trim().toLowerCase(Locale.ROOT)) {
                case "rigid" -> Stage.RIGID;
                case "similarity" -> Stage.SIMILARITY;
                case "affine" -> Stage.AFFINE;
                case "bspline" -> Stage.BSPLINE;
                default -> throw new IllegalArgumentException("--stages: expected rigid, similarity, affine or bspline, found '"
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
