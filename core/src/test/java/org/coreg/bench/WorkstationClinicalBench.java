package org.coreg.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.coreg.app.Role;
import org.coreg.app.Workstation;
import org.coreg.app.load.DicomImport;
import org.coreg.app.load.DicomScan;
import org.coreg.app.register.EngineRegistrationService;
import org.coreg.app.register.RegistrationListener;
import org.coreg.app.register.RegistrationOptions;
import org.coreg.app.register.RegistrationOutcome;
import org.coreg.app.register.RegistrationStage;
import org.coreg.app.render.FusionSettings;
import org.coreg.app.render.Interpolation;
import org.coreg.app.render.SampledVolume;
import org.coreg.app.render.SliceGrid;
import org.coreg.app.render.ViewPlane;
import org.coreg.app.render.ViewRenderer;
import org.coreg.app.render.WindowLevel;
import org.coreg.app.session.Session;
import org.coreg.app.task.CancelToken;
import org.coreg.app.task.ExecutorTaskRunner;
import org.coreg.app.task.TaskHandle;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;
import org.coreg.io.ImageFormats;
import org.coreg.io.dicom.DicomReadOptions;
import org.coreg.transform.AffineTransform;
import org.coreg.transform.Resampler;

/**
 * The workstation's speed targets, measured through its own use cases in one JVM as the workstation runs them
 * ({@link Workstation}: opening on the task runner, register with the panel's default stages from the identity):
 * <ul>
 * <li>{@code prepare OUT CT}: makes a 512x512x400 CT (OUT/ct-512x512x400.mha) by resampling CT onto a finer grid
 * over the same extent (trilinear); not timed.</li>
 * <li>{@code run SAMPLE_FIXED SAMPLE_MOVING MR_DICOM_FOLDER BIG_CT REPEATS}: the sample pair opened, then "click to
 * result" (register until the result is applied) REPEATS times; the clinical pair: the MR from its DICOM folder and
 * the big CT opened as the workstation does (two tasks side by side), registered REPEATS times, and the fused axial
 * view rendered 30 times; the process's peak resident memory (VmHWM) at the end.</li>
 * </ul>
 * Prints one line per figure; bench/workstation-clinical.sh times the peers and writes the table.
 */
public final class WorkstationClinicalBench {
    private WorkstationClinicalBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("prepare")) {
            prepare(Path.of(args[1]), Path.of(args[2]));
            return;
        }
        run(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]), Path.of(args[4]), Integer.parseInt(args[5]));
        System.exit(0);
    }

    private static void prepare(Path out, Path ct) throws Exception {
        ImageFormats formats = ImageFormats.standard();
        Volume v = formats.read(ct);
        ImageGeometry g = v.geometry();
        int[] size = {512, 512, 400};
        double[] spacing = new double[3];
        double[] origin = new double[3];
        double[] shift = {0, 0, 0};
        for (int a = 0; a < 3; a++) {
            spacing[a] = g.spacing(a) * g.size(a) / size[a]; // same extent, finer voxels
            shift[a] = (spacing[a] - g.spacing(a)) / 2; // first voxel's centre moves by half the spacing change
        }
        // origin = first voxel centre: the old corner (origin - spacing/2 along each axis) plus half the new spacing
        double[] d = g.direction();
        for (int r = 0; r < 3; r++) {
            origin[r] = g.origin()[r];
            for (int a = 0; a < 3; a++) {
                origin[r] += d[3 * r + a] * shift[a];
            }
        }
        ImageGeometry fine = ImageGeometry.of(size, spacing, origin, d);
        Volume big = Resampler.resample(v, AffineTransform.fixedToMoving(AffineMap.identity()), fine,
                new Resampler.Settings(org.coreg.image.interpolation.InterpolationKind.LINEAR, -1024));
        Files.createDirectories(out);
        formats.write(big, out.resolve("ct-512x512x400.mha"));
    }

    /** CPU seconds the whole process used so far (all threads): the figure that load on a shared machine inflates least. */
    private static double cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void await(TaskHandle h) throws InterruptedException {
        while (!h.isDone()) {
            Thread.sleep(1);
        }
    }

    private static void run(Path sampleFixed, Path sampleMoving, Path mrDicom, Path bigCt, int repeats)
            throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(2); // as FxTaskRunner: two background workers
        ExecutorService ui = Executors.newSingleThreadExecutor(); // stands in for the FX thread
        ImageFormats formats = ImageFormats.standard();
        List<String> errors = new ArrayList<>();
        Workstation w = new Workstation(new Session(), new ExecutorTaskRunner(workers, ui), formats::read,
                new EngineRegistrationService(), errors::add);

        long t0 = System.nanoTime();
        double c0 = cpu();
        TaskHandle a = w.open(Role.FIXED, sampleFixed);
        TaskHandle b = w.open(Role.MOVING, sampleMoving);
        await(a);
        await(b);
        ui.submit(() -> { }).get();
        System.out.printf("sample-open-s %.3f cpu %.3f%n", seconds(t0), cpu() - c0);
        for (int i = 0; i < repeats; i++) {
            c0 = cpu();
            double s = clickToResult(w, ui);
            System.out.printf("sample-click-to-result-s %.3f cpu %.3f%n", s, cpu() - c0);
        }

        t0 = System.nanoTime();
        c0 = cpu();
        CompletableFuture<Void> mrLoaded = new CompletableFuture<>();
        DicomImport dicom = new DicomImport(w.session(), w.tasks(), errors::add, w::rememberSource);
        w.session().addListener(c -> {
            if (w.session().fixed().map(v -> v.geometry().size(2) == 94).orElse(false)) {
                mrLoaded.complete(null);
            }
        });
        TaskHandle ct = w.open(Role.MOVING, bigCt);
        // the folder scan and series load of DicomOpenAction, without the chooser dialogs
        DicomScan scan = DicomImport.scanNow(mrDicom, (d, n) -> true, new CancelToken());
        dicom.load(Role.FIXED, scan, 0, DicomReadOptions.STRICT, q -> mrLoaded.completeExceptionally(
                new IllegalStateException(q.question())));
        mrLoaded.get(120, TimeUnit.SECONDS);
        await(ct);
        ui.submit(() -> { }).get();
        System.out.printf("clinical-open-s %.3f cpu %.3f%n", seconds(t0), cpu() - c0);
        if (!errors.isEmpty()) {
            throw new IllegalStateException(errors.toString());
        }
        SampledVolume fixed = w.session().fixed().orElseThrow();
        SampledVolume moving = w.session().moving().orElseThrow();
        System.out.printf("clinical-sizes %s %s%n", java.util.Arrays.toString(fixed.geometry().size()),
                java.util.Arrays.toString(moving.geometry().size()));
        for (int i = 0; i < repeats; i++) {
            ui.submit(() -> w.session().setTransform(AffineMap.identity())).get();
            c0 = cpu();
            double s = clickToResult(w, ui);
            System.out.printf("clinical-register-s %.3f cpu %.3f%n", s, cpu() - c0);
        }
        AffineMap t = ui.submit(() -> w.session().fixedToMoving()).get();
        ViewRenderer renderer = new ViewRenderer(Interpolation.LINEAR);
        SliceGrid grid = SliceGrid.covering(fixed.geometry(), ViewPlane.AXIAL, fixed.geometry().center());
        WindowLevel fw = WindowLevel.automatic(fixed);
        WindowLevel mw = new WindowLevel(40, 400);
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long r0 = System.nanoTime();
            renderer.render(fixed, moving, t, grid, fw, mw, FusionSettings.defaults());
            ms.add((System.nanoTime() - r0) / 1e6);
        }
        ms.sort(null);
        System.out.printf("fused-axial-render-ms %.2f (%dx%d slice, median of 30)%n", ms.get(15), grid.width(),
                grid.height());
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM")) {
                System.out.printf("peak-rss-mib %.0f%n", Long.parseLong(line.replaceAll("\\D", "")) / 1024.0);
            }
        }
        workers.shutdownNow();
        ui.shutdownNow();
    }

    /** Seconds from the Register click (the panel's default options) to the result applied to the session. */
    private static double clickToResult(Workstation w, ExecutorService ui) throws Exception {
        CompletableFuture<RegistrationOutcome> ended = new CompletableFuture<>();
        org.coreg.registration.quality.QualityReport[] report = new org.coreg.registration.quality.QualityReport[1];
        long t0 = System.nanoTime();
        ui.submit(() -> w.register(new RegistrationOptions(RegistrationOptions.defaultStages(),
                RegistrationOptions.CT_MR_HEAD, null, w.session().fixedToMoving()), new RegistrationListener() {
                    @Override
                    public void levelStarted(RegistrationStage stage, int level, int levels) {
                    }

                    @Override
                    public void iteration(int iteration, double metric) {
                    }
                }, ended::complete, r -> report[0] = r)).get();
        RegistrationOutcome o = ended.get(300, TimeUnit.SECONDS);
        double s = seconds(t0);
        if (o != RegistrationOutcome.SUCCEEDED) {
            throw new IllegalStateException("registration " + o
                    + (report[0] != null ? ": " + report[0].reasonsText() : ""));
        }
        return s;
    }
}
